/** Dutch texts of the register of processing activities (verwerkingsregister, AVG art. 30). */
export const registerNl = {
  register: {
    title: 'Verwerkingsregister',
    heading: 'Verwerkingsregister',
    intro:
      'Het register van verwerkingsactiviteiten van uw regio (AVG artikel 30). Per verwerking staat hier met welk doel en op welke grondslagen persoonsgegevens worden verwerkt, wie daarvoor verantwoordelijk is, welke gegevens over wie het betreft en hoe lang ze worden bewaard. Elke casustafel hoort bij een verwerking; een verwerking kan ook regiobreed zijn.',
    versioning:
      'Een vastgelegde versie wordt nooit gewijzigd. Een wijziging is een nieuwe versie met een nieuwe identificatie; de vorige versie blijft bewaard, met de periode waarin zij gold. Elke regel in het logboek van de gegevensverwerkingen verwijst naar de identificatie van de versie die op dat moment gold.',
    add: 'Verwerking toevoegen',
    empty: 'Er zijn nog geen verwerkingen vastgelegd.',
    table: 'Casustafel',
    regionWide: 'Regiobreed',
    identifier: 'Identificatie',
    versionOf: 'versie {{ version }}',
    purpose: 'Doel',
    legalGrounds: 'Grondslagen',
    controllers: 'Verwerkingsverantwoordelijken',
    dataCategories: 'Categorieën persoonsgegevens',
    subjectCategories: 'Categorieën betrokkenen',
    retention: 'Bewaartermijn',
    validFrom: 'Geldig vanaf',
    earlier: 'Eerdere versies ({{ count }})',
    earlierVersion: 'Versie {{ version }}: {{ name }}',
    validPeriod: 'Gold van {{ from }} tot {{ until }}',
    newVersion: 'Nieuwe versie vastleggen',
    newVersionLabel: 'Nieuwe versie vastleggen van {{ name }}',
    form: {
      createHeading: 'Verwerking toevoegen',
      versionHeading: 'Nieuwe versie van {{ name }}',
      versionIntro:
        'U legt een nieuwe versie vast van versie {{ version }} ({{ id }}). Die versie blijft bewaard; de nieuwe versie krijgt een nieuwe identificatie en geldt vanaf het moment dat u haar vastlegt.',
      table: 'Casustafel',
      tableHint:
        'De casustafel waarvoor deze verwerking geldt, of regiobreed. Een nieuwe verwerking voor een casustafel vervangt de verwerking die nu voor die tafel geldt; die wordt beëindigd. Wilt u alleen de beschrijving wijzigen? Leg dan een nieuwe versie vast bij die verwerking.',
      regionWide: 'Regiobreed (geen casustafel)',
      name: 'Naam',
      purpose: 'Doel',
      purposeHint: 'Waarvoor worden de gegevens verwerkt, en op grond van welke taak of afspraak?',
      legalGrounds: 'Grondslagen',
      legalGroundsHint:
        'Kies alle grondslagen waarop de verwerking berust. Kiest u ‘Anders, namelijk’, noem de grondslag dan bij het doel.',
      controllers: 'Verwerkingsverantwoordelijken',
      controllersHint:
        'Wie zijn (gezamenlijk) verantwoordelijk? Bijvoorbeeld: de partners van het convenant.',
      dataCategories: 'Categorieën persoonsgegevens',
      subjectCategories: 'Categorieën betrokkenen',
      retention: 'Bewaartermijn',
      retentionHint: 'Bijvoorbeeld: tot 60 maanden na afsluiting van de casus.',
      create: 'Verwerking vastleggen',
      save: 'Versie vastleggen',
      tooLong: {
        name: 'Vul een naam in van hoogstens 200 tekens.',
        purpose: 'Beschrijf het doel in hoogstens 4000 tekens.',
        controllers: 'Beschrijf de verwerkingsverantwoordelijken in hoogstens 2000 tekens.',
        retention: 'Beschrijf de bewaartermijn in hoogstens 1000 tekens.',
      },
    },
    done: {
      created: 'De verwerking {{ name }} is vastgelegd onder {{ id }}.',
      version:
        'Versie {{ version }} van {{ name }} is vastgelegd onder {{ id }}. De vorige versie staat nu bij de eerdere versies.',
    },
    conflict:
      'Iemand anders heeft intussen een nieuwere versie van deze verwerking vastgelegd. Het register is opnieuw geladen en het formulier toont nu die nieuwste versie. Controleer de gegevens en leg uw wijziging opnieuw vast.',
  },
};
