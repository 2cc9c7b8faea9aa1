import type { caseDetailNl } from './case-detail.nl';

/** English texts of the case detail. */
export const caseDetailEn: typeof caseDetailNl = {
  caseDetail: {
    title: 'Case',
  },
};
