/** Dutch texts of the information requests overview ("mijn bevragingen") on the case list. */
export const requestsNl = {
  requests: {
    heading: 'Bevragingen',
    intro: 'Open bevragingen, de verlopen bovenaan.',
    sent: 'Verstuurd',
    received: 'Ontvangen',
    caseLabel: 'Casus {{ number }}',
    to: 'Aan',
    table: 'Tafel',
    categories: 'Gevraagd',
    due: 'Uiterlijk',
    overdue: 'Verlopen',
    loadFailed: 'Uw bevragingen konden niet worden geladen.',
  },
};
