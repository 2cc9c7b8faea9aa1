import type { casesNl } from './cases.nl';

/** English texts of the case list, registrations and the triage board. */
export const casesEn: typeof casesNl = {
  cases: {
    list: { title: 'Cases' },
    registrations: { title: 'Registrations', newTitle: 'New registration' },
    triage: { title: 'Triage' },
  },
};
