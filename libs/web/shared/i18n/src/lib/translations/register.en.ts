import type { registerNl } from './register.nl';

/** English texts of the register of processing activities; same keys as `register.nl.ts`. */
export const registerEn: typeof registerNl = {
  register: {
    title: 'Register of processing activities',
    heading: 'Register of processing activities',
    intro:
      'The register of processing activities of your region (GDPR article 30). For each processing activity it records the purpose and the legal grounds of the processing of personal data, who is responsible for it, which data about whom it concerns and how long the data is kept. Every case table belongs to a processing activity; an activity can also be region-wide.',
    versioning:
      'A registered version is never changed. A change is a new version with a new identifier; the previous version is kept, with the period in which it applied. Every line in the log of data processing refers to the identifier of the version that applied at that moment.',
    add: 'Add a processing activity',
    empty: 'No processing activities have been registered yet.',
    table: 'Case table',
    regionWide: 'Region-wide',
    identifier: 'Identifier',
    versionOf: 'version {{ version }}',
    purpose: 'Purpose',
    legalGrounds: 'Legal grounds',
    controllers: 'Controllers',
    dataCategories: 'Categories of personal data',
    subjectCategories: 'Categories of data subjects',
    retention: 'Retention period',
    validFrom: 'Valid from',
    earlier: 'Earlier versions ({{ count }})',
    earlierVersion: 'Version {{ version }}: {{ name }}',
    validPeriod: 'Applied from {{ from }} until {{ until }}',
    newVersion: 'Register a new version',
    newVersionLabel: 'Register a new version of {{ name }}',
    form: {
      createHeading: 'Add a processing activity',
      versionHeading: 'New version of {{ name }}',
      versionIntro:
        'You are registering a new version of version {{ version }} ({{ id }}). That version is kept; the new version gets a new identifier and applies from the moment you register it.',
      table: 'Case table',
      tableHint:
        'The case table this processing activity applies to, or region-wide. A new activity for a case table replaces the activity that applies to it now, which ends. Only changing the description? Then register a new version of that activity.',
      regionWide: 'Region-wide (no case table)',
      name: 'Name',
      purpose: 'Purpose',
      purposeHint: 'What is the data processed for, and on the basis of which task or agreement?',
      legalGrounds: 'Legal grounds',
      legalGroundsHint:
        'Choose every legal ground the processing rests on. If you choose ‘Other, namely’, name the ground in the purpose.',
      controllers: 'Controllers',
      controllersHint: 'Who are (jointly) responsible? For example: the partners of the covenant.',
      dataCategories: 'Categories of personal data',
      subjectCategories: 'Categories of data subjects',
      retention: 'Retention period',
      retentionHint: 'For example: until 60 months after the case is closed.',
      create: 'Register the activity',
      save: 'Register the version',
      tooLong: {
        name: 'Enter a name of at most 200 characters.',
        purpose: 'Describe the purpose in at most 4000 characters.',
        controllers: 'Describe the controllers in at most 2000 characters.',
        retention: 'Describe the retention period in at most 1000 characters.',
      },
    },
    done: {
      created: 'The processing activity {{ name }} has been registered as {{ id }}.',
      version:
        'Version {{ version }} of {{ name }} has been registered as {{ id }}. The previous version is now listed under the earlier versions.',
    },
    conflict:
      'Someone else has registered a newer version of this processing activity in the meantime. The register has been reloaded and the form now shows that newest version. Check the data and register your change again.',
  },
};
