/**
 * The notification e-mails. They never carry personal data (DOMAIN.md Notification; no case number,
 * no names, no description): only that something waits in Casustafel, and a link to sign in and
 * see it there. Dutch first, English second, in the same mail.
 */
export type MailTemplate = 'ACTION_ASSIGNED' | 'ACTION_DUE_SOON' | 'ACTION_OVERDUE';

export interface ComposedMail {
  subject: string;
  body: string;
}

const TEXTS: Record<MailTemplate, { nlSubject: string; nl: string; en: string; path: string }> = {
  ACTION_ASSIGNED: {
    nlSubject: 'Er staat een actie voor u klaar',
    nl: 'Er staat een actie voor u klaar in Casustafel.',
    en: 'An action is waiting for you in Casustafel.',
    path: '/acties',
  },
  ACTION_DUE_SOON: {
    nlSubject: 'Een actie verloopt binnenkort',
    nl: 'Er staat een actie voor u klaar in Casustafel waarvan de termijn binnenkort verloopt.',
    en: 'An action is waiting for you in Casustafel; its due date is near.',
    path: '/acties',
  },
  ACTION_OVERDUE: {
    nlSubject: 'Een actie is over de termijn',
    nl: 'Er staat een actie voor u klaar in Casustafel waarvan de termijn verstreken is.',
    en: 'An action is waiting for you in Casustafel; it is overdue.',
    path: '/acties',
  },
};

export function composeMail(template: MailTemplate, publicBaseUrl: string): ComposedMail {
  const text = TEXTS[template];
  const link = `${publicBaseUrl}${text.path}`;
  return {
    subject: `Casustafel: ${text.nlSubject}`,
    body: [
      text.nl,
      `Log in om de actie te bekijken: ${link}`,
      '',
      'Dit bericht bevat bewust geen gegevens over de casus.',
      '',
      '---',
      '',
      text.en,
      `Sign in to see it: ${link}`,
      '',
      'This message deliberately contains no information about the case.',
      '',
    ].join('\n'),
  };
}
