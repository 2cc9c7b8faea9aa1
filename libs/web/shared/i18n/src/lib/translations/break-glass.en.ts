import type { breakGlassNl } from './break-glass.nl';

/** English texts of break-the-glass (emergency access). */
export const breakGlassEn: typeof breakGlassNl = {
  breakGlass: {
    open: 'Emergency access',
    openLabel: 'Emergency access to ‘{{summary}}’ of {{organisation}}',
    heading: 'Request emergency access',
    warning:
      'Use emergency access only when you need the content now to avert serious danger and the normal route (a disclosure by the owner) cannot wait. You will then see the item in full for a limited time; after that it is restricted again. Opening it and every time you view it are logged, and the data protection officer (FG) reviews afterwards whether the emergency access was justified. The FG reads your reason.',
    reason: 'Reason',
    reasonHint: 'Why do you need the content now? At least 10 characters.',
    submit: 'Open with emergency access',
    cancel: 'Cancel',
    opened: 'Emergency access open until {{time}}. The content is shown below; this is logged.',
    badge: 'Opened through emergency access until {{time}}',
    errors: {
      reasonRequired: 'Enter a reason.',
      reasonTooShort: 'Write a reason of at least 10 characters.',
      reasonTooLong: 'The reason may be at most 2000 characters.',
      alreadyOpen: 'You already see this item in full. Reload the case.',
      notAllowed: 'This item cannot be opened through emergency access.',
    },
    reviews: {
      title: 'Review emergency access',
      heading: 'Review emergency access',
      intro:
        'Every time a procesregisseur opened a restricted item through emergency access is listed here, with the reason. Assess whether it was justified. You see the category of the item, never its content. Openings not yet reviewed come first.',
      empty: 'No emergency access has been used at your tables.',
      loading: 'Loading…',
      loadFailed: 'The list could not be loaded. Please try again later.',
      entryHeading: 'Case {{number}} · {{category}}',
      table: 'Case table',
      openedBy: 'Opened by',
      openedAt: 'Opened at',
      expiresAt: 'Expired or expires at',
      reason: 'Reason',
      status: 'Review',
      pending: 'Not yet reviewed',
      reviewedBy: '{{outcome}} · {{name}} · {{date}}',
      outcome: 'Assessment',
      outcomes: {
        GERECHTVAARDIGD: 'Justified',
        NIET_GERECHTVAARDIGD: 'Not justified',
      },
      note: 'Explanation',
      noteHint: 'Required for ‘Not justified’.',
      noteRequired: 'Explain why the emergency access was not justified.',
      outcomeRequired: 'Choose an assessment.',
      submit: 'Save review',
      change: 'Change review',
      saved: 'The review of case {{number}} has been saved.',
      stale: 'Someone else changed this review meanwhile. The list has been reloaded.',
      failed: 'The review could not be saved.',
    },
  },
};
