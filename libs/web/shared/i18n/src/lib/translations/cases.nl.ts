/** Dutch texts of the case list, registrations (aanmeldingen) and the triage board. */
export const casesNl = {
  cases: {
    list: { title: 'Casussen' },
    registrations: { title: 'Aanmeldingen', newTitle: 'Nieuwe aanmelding' },
    triage: { title: 'Triage' },
  },
};
