/** Dutch texts of the case detail: items, disclosures, information requests, mensenhandel panel. */
export const caseDetailNl = {
  caseDetail: {
    title: 'Casus',
  },
};
