import { adminEn } from './admin.en';
import { auditLogEn } from './audit-log.en';
import { authEn } from './auth.en';
import { breakGlassEn } from './break-glass.en';
import { caseDetailEn } from './case-detail.en';
import { casesEn } from './cases.en';
import { consentEn } from './consent.en';
import { domainEn } from './domain.en';
import { extractsEn } from './extracts.en';
import { meetingsEn } from './meetings.en';
import { registerEn } from './register.en';
import { requestsEn } from './requests.en';
import { rightsEn } from './rights.en';
import type { CasustafelTranslation } from './nl';

/** English texts. Loaded lazily (own chunk) the first time the user switches to English. */
export const en: CasustafelTranslation = {
  ...adminEn,
  ...auditLogEn,
  ...authEn,
  ...breakGlassEn,
  ...caseDetailEn,
  ...casesEn,
  ...consentEn,
  ...domainEn,
  ...extractsEn,
  ...meetingsEn,
  ...registerEn,
  ...requestsEn,
  ...rightsEn,
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
    start: 'Start',
    admin: 'Administration',
    register: 'Processing register',
    auditLog: 'Audit log',
    breakGlass: 'Review emergency access',
    cases: 'Cases',
    registrations: 'Registrations',
    triage: 'Triage',
    rightsRequests: 'Data-subject requests',
    rightsTasks: 'Request tasks',
    account: 'My account',
    meetings: 'Meetings',
    actions: 'My actions',
    extracts: 'Extracts',
  },
  footer: {
    label: 'About this website',
    demo: 'This is a demonstration environment. All people and cases are fictional; the organisations are real but take no part.',
    about: 'About Casustafel',
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
