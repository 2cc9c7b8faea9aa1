import type { CasustafelTranslation } from './nl';

/** English texts. Loaded lazily (own chunk) the first time the user switches to English. */
export const en: CasustafelTranslation = {
  app: {
    name: 'Casustafel',
    tagline: 'Case conferences at the Zorg- en Veiligheidshuis',
  },
  skipLink: 'Skip to main content',
  language: {
    switchPrefix: 'Change language to',
    changed: 'The language has been changed to English.',
  },
  session: {
    signedInAs: 'Signed in as',
  },
  nav: {
    label: 'Main menu',
    login: 'Log in',
    about: 'About Casustafel',
  },
  footer: {
    label: 'About this website',
    demo: 'This is a demonstration environment. All people and cases are fictional; the organisations are real but take no part.',
    about: 'About Casustafel',
  },
  login: {
    title: 'Log in',
    heading: 'Log in to Casustafel',
    intro: 'Log in with the e-mail address and password of your Zorg- en Veiligheidshuis account.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Log in',
    busy: 'Logging in…',
    errorPrefix: 'Error:',
    errors: {
      emailRequired: 'Enter your e-mail address.',
      emailFormat: 'Enter a valid e-mail address, for example name@example.com.',
      passwordRequired: 'Enter your password.',
    },
    failed: 'Logging in failed.',
    failedCredentials: 'The e-mail address or the password is not correct.',
    failedThrottled: 'You have tried too often. Wait a few minutes and then try again.',
    failedGeneric: 'Something went wrong. Please try again later.',
    reference: 'Contacting the helpdesk? Please mention this code:',
    success: 'You are logged in.',
  },
  about: {
    title: 'About Casustafel',
    heading: 'About Casustafel',
    lead: 'Casustafel supports Zorg- en Veiligheidshuizen (Dutch care and safety houses) in preparing and running multi-agency case conferences.',
    body: 'In a case conference, professionals from municipalities, care providers, police, the judiciary and other partners work together on complex situations where care and safety meet. Casustafel helps to record the agenda, the participants and the agreements of each conference clearly, with attention to privacy and purpose limitation.',
    demoHeading: 'Demonstration data',
    demoBody:
      'This environment is a demonstration. All people and cases you see here are made up; the organisations exist, but take no part in this demonstration. Do not enter real personal data.',
  },
};
