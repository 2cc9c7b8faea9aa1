import type { requestsNl } from './requests.nl';

/** English texts of the information requests overview; same keys as `requests.nl.ts`. */
export const requestsEn: typeof requestsNl = {
  requests: {
    heading: 'Information requests',
    intro: 'Open requests, overdue ones first.',
    sent: 'Sent',
    received: 'Received',
    caseLabel: 'Case {{ number }}',
    to: 'To',
    table: 'Table',
    categories: 'Asked',
    due: 'Due',
    overdue: 'Overdue',
    loadFailed: 'Your information requests could not be loaded.',
  },
};
