/**
 * Dutch source texts. Dutch is the default language; `en.ts` must have exactly the same keys
 * (enforced by the `CasustafelTranslation` type).
 */
export const nl = {
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
  },
  footer: {
    label: 'Over deze website',
    demo: 'Dit is een demonstratieomgeving. Alle personen en casussen zijn verzonnen; de organisaties zijn echt, maar doen niet mee.',
    about: 'Over Casustafel',
  },
  login: {
    title: 'Inloggen',
    heading: 'Inloggen bij Casustafel',
    intro: 'Log in met het e-mailadres en het wachtwoord van uw account bij het Zorg- en Veiligheidshuis.',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    busy: 'Bezig met inloggen…',
    errorPrefix: 'Fout:',
    errors: {
      emailRequired: 'Vul uw e-mailadres in.',
      emailFormat: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
      passwordRequired: 'Vul uw wachtwoord in.',
    },
    failed: 'Inloggen is niet gelukt.',
    failedCredentials: 'Het e-mailadres of het wachtwoord klopt niet.',
    failedThrottled: 'U heeft het te vaak geprobeerd. Wacht een paar minuten en probeer het dan opnieuw.',
    failedGeneric: 'Er ging iets mis. Probeer het later opnieuw.',
    reference: 'Neemt u contact op met de helpdesk? Noem dan deze code:',
    success: 'U bent ingelogd.',
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
