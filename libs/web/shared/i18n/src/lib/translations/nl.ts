import { adminNl } from './admin.nl';
import { auditLogNl } from './audit-log.nl';
import { authNl } from './auth.nl';
import { breakGlassNl } from './break-glass.nl';
import { caseDetailNl } from './case-detail.nl';
import { casesNl } from './cases.nl';
import { consentNl } from './consent.nl';
import { domainNl } from './domain.nl';
import { extractsNl } from './extracts.nl';
import { meetingsNl } from './meetings.nl';
import { registerNl } from './register.nl';
import { requestsNl } from './requests.nl';
import { rightsNl } from './rights.nl';

/**
 * Dutch source texts. Dutch is the default language; `en.ts` must have exactly the same keys
 * (enforced by the `CasustafelTranslation` type).
 */
export const nl = {
  ...adminNl,
  ...auditLogNl,
  ...authNl,
  ...breakGlassNl,
  ...caseDetailNl,
  ...casesNl,
  ...consentNl,
  ...domainNl,
  ...extractsNl,
  ...meetingsNl,
  ...registerNl,
  ...requestsNl,
  ...rightsNl,
  app: {
    name: 'Casustafel',
    tagline: 'Casusoverleg in het Zorg- en Veiligheidshuis',
  },
  skipLink: 'Naar hoofdinhoud',
  language: {
    switchPrefix: 'Taal wijzigen naar',
    changed: 'De taal is gewijzigd naar Nederlands.',
  },
  session: {
    signedInAs: 'Ingelogd als',
  },
  nav: {
    label: 'Hoofdmenu',
    login: 'Inloggen',
    about: 'Over Casustafel',
    start: 'Start',
    admin: 'Beheer',
    register: 'Verwerkingsregister',
    auditLog: 'Logboek',
    breakGlass: 'Noodtoegang beoordelen',
    cases: 'Casussen',
    registrations: 'Aanmeldingen',
    triage: 'Triage',
    rightsRequests: 'Verzoeken betrokkenen',
    rightsTasks: 'Taken verzoeken',
    account: 'Mijn account',
    meetings: 'Overleggen',
    actions: 'Mijn acties',
    extracts: 'Uittreksels',
  },
  footer: {
    label: 'Over deze website',
    demo: 'Dit is een demonstratieomgeving. Alle personen en casussen zijn verzonnen; de organisaties zijn echt, maar doen niet mee.',
    about: 'Over Casustafel',
  },
  about: {
    title: 'Over Casustafel',
    heading: 'Over Casustafel',
    lead: 'Casustafel ondersteunt Zorg- en Veiligheidshuizen bij het voorbereiden en voeren van multidisciplinaire casusoverleggen.',
    body: 'In een casusoverleg werken professionals van gemeenten, zorg, politie, justitie en andere ketenpartners samen aan complexe situaties waarin zorg en veiligheid samenkomen. Casustafel helpt om per overleg de agenda, de deelnemers en de afspraken overzichtelijk vast te leggen, met aandacht voor privacy en doelbinding.',
    demoHeading: 'Demonstratiegegevens',
    demoBody:
      'Deze omgeving is een demonstratie. Alle personen en casussen die u hier ziet, zijn verzonnen; de organisaties bestaan echt, maar doen aan deze demonstratie niet mee. Voer geen echte persoonsgegevens in.',
  },
};

/** Shape every language file must have. */
export type CasustafelTranslation = typeof nl;
