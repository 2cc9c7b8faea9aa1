import type {
  LegalRegime,
  MembershipStatus,
  PartnerType,
  ProcessingActivityRequest,
  TableRole,
  TableTheme,
} from '@casustafel/shared/contracts';

/**
 * The demo region "Gooi en Vechtstreek". The organisations exist in the real region; every person
 * here is FICTIONAL and says so in their name. The OM declined the mensenhandel table, as the
 * municipal evaluation of July 2020 records (shared/docs/seeds/000).
 */
export const DEMO_REGION = { code: 'gooi-en-vechtstreek', name: 'Gooi en Vechtstreek (demo, fictief)' };

/** Shared password of every demo account; demo mode only, printed at start-up. */
export const DEMO_PASSWORD = 'Casustafel-demo-2026';

export interface DemoOrganisation {
  key: string;
  name: string;
  partnerType: PartnerType;
  legalRegimes: LegalRegime[];
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'zvh',
    name: 'Zorg- en Veiligheidshuis Gooi en Vechtstreek',
    partnerType: 'ZVH',
    legalRegimes: ['AVG', 'WGS'],
  },
  {
    key: 'hilversum',
    name: 'Gemeente Hilversum',
    partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
    legalRegimes: ['AVG', 'WMO', 'JEUGDWET'],
  },
  {
    key: 'hilversum-oov',
    name: 'Gemeente Hilversum, Openbare Orde en Veiligheid',
    partnerType: 'GEMEENTE_OOV',
    legalRegimes: ['AVG'],
  },
  {
    key: 'gooise-meren',
    name: 'Gemeente Gooise Meren',
    partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
    legalRegimes: ['AVG', 'WMO', 'JEUGDWET'],
  },
  {
    key: 'huizen',
    name: 'Gemeente Huizen',
    partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
    legalRegimes: ['AVG', 'WMO', 'JEUGDWET'],
  },
  {
    key: 'wijdemeren',
    name: 'Gemeente Wijdemeren',
    partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
    legalRegimes: ['AVG', 'WMO', 'JEUGDWET'],
  },
  {
    key: 'blaricum',
    name: 'Gemeente Blaricum',
    partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
    legalRegimes: ['AVG', 'WMO', 'JEUGDWET'],
  },
  {
    key: 'laren',
    name: 'Gemeente Laren',
    partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
    legalRegimes: ['AVG', 'WMO', 'JEUGDWET'],
  },
  {
    key: 'eemnes',
    name: 'Gemeente Eemnes',
    partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
    legalRegimes: ['AVG', 'WMO', 'JEUGDWET'],
  },
  {
    key: 'politie',
    name: 'Politie Midden-Nederland, district Gooi en Vechtstreek',
    partnerType: 'POLITIE',
    legalRegimes: ['WPG', 'AVG'],
  },
  {
    key: 'om',
    name: 'Openbaar Ministerie, arrondissementsparket Midden-Nederland',
    partnerType: 'OM',
    legalRegimes: ['WJSG'],
  },
  {
    key: 'reclassering',
    name: 'Reclassering Nederland',
    partnerType: 'RECLASSERING',
    legalRegimes: ['WJSG', 'AVG'],
  },
  {
    key: 'rvdk',
    name: 'Raad voor de Kinderbescherming',
    partnerType: 'RVDK_GI',
    legalRegimes: ['JEUGDWET', 'AVG'],
  },
  {
    key: 'ggz',
    name: 'GGz Centraal',
    partnerType: 'GGZ_ZORGAANBIEDER',
    legalRegimes: ['AVG', 'BEROEPSGEHEIM'],
  },
  {
    key: 'veilig-thuis',
    name: 'Veilig Thuis Gooi en Vechtstreek',
    partnerType: 'VEILIG_THUIS',
    legalRegimes: ['AVG', 'WMO'],
  },
  { key: 'comensha', name: 'CoMensha', partnerType: 'COMENSHA', legalRegimes: ['AVG'] },
  {
    key: 'zorgcoordinatie',
    name: 'Zorgcoördinatie mensenhandel Gooi en Vechtstreek',
    partnerType: 'ZORGCOORDINATOR',
    legalRegimes: ['AVG', 'BEROEPSGEHEIM'],
  },
];

export interface DemoTable {
  key: string;
  name: string;
  theme: TableTheme;
  description: string;
  retentionMonths: number;
  processingActivityId: string;
  /** The first version of its processing activity in the register (verwerkingsregister). */
  register: ProcessingActivityRequest;
  memberships: Array<{ org: string; status: MembershipStatus; since: string; documentRef: string }>;
}

const PLUSTAAK = 'Collegebesluit plustaak mensenhandel ZVH, juli 2020';
/** Who to turn to; the register texts are demo texts, not those of the real region. */
const CONTACT = 'Aanspreekpunt voor betrokkenen: het Zorg- en Veiligheidshuis (demo, fictief).';
const CONVENANT = 'Convenant Zorg- en Veiligheidshuis Gooi en Vechtstreek';

export const DEMO_TABLES: DemoTable[] = [
  {
    key: 'mensenhandel',
    name: 'Mensenhandel',
    theme: 'MENSENHANDEL',
    description: 'Regionale aanpak uitbuiting en mensenhandel (plustaak ZVH).',
    retentionMonths: 60,
    processingActivityId: 'urn:casustafel:verwerking:gooi-en-vechtstreek:mensenhandel:v1',
    register: {
      name: 'Casusoverleg Mensenhandel',
      purpose:
        'Signalen van uitbuiting en mensenhandel in de regio gezamenlijk wegen, (mogelijke) slachtoffers beschermen en ondersteunen, en de uitbuiting stoppen: de plustaak mensenhandel van het Zorg- en Veiligheidshuis. Per casus alleen de gegevens die de partners voor die aanpak nodig hebben (demonstratietekst, fictief).',
      legalGrounds: ['WGS', 'AVG_6_1_E', 'AVG_9_2', 'WPG', 'WJSG_AANWIJZING'],
      controllers: `De convenantpartners van de casustafel Mensenhandel, als gezamenlijke verwerkingsverantwoordelijken volgens de WGS. ${CONTACT}`,
      dataCategories: [
        'C1',
        'C1B',
        'C2',
        'C3',
        'C4',
        'C5',
        'C6',
        'C7',
        'C8',
        'C9',
        'C10',
        'C11',
        'C12',
        'C13',
      ],
      subjectCategories: ['SLACHTOFFER', 'VERDACHTE', 'GEZINSLID', 'PARTNER', 'KIND', 'OVERIG'],
      retention: 'Tot 60 maanden na afsluiting van de casus; daarna worden de gegevens vernietigd.',
    },
    memberships: [
      ...[
        'zvh',
        'hilversum',
        'hilversum-oov',
        'gooise-meren',
        'huizen',
        'wijdemeren',
        'blaricum',
        'laren',
        'eemnes',
      ].map((org) => ({ org, status: 'SIGNATORY' as const, since: '2020-07-07', documentRef: PLUSTAAK })),
      ...['politie', 'reclassering', 'rvdk', 'ggz', 'veilig-thuis', 'zorgcoordinatie'].map((org) => ({
        org,
        status: 'SIGNATORY' as const,
        since: '2020-07-07',
        documentRef: PLUSTAAK,
      })),
      { org: 'om', status: 'DECLINED', since: '2020-07-07', documentRef: `${PLUSTAAK}: OM stemde niet in` },
      { org: 'comensha', status: 'GUEST', since: '2021-01-01', documentRef: 'Uitnodiging per casus' },
    ],
  },
  {
    key: 'complex',
    name: 'Complexe casuïstiek',
    theme: 'COMPLEX',
    description: 'Multiproblematiek en zorg- en veiligheidsvraagstukken die één partner niet alleen oplost.',
    retentionMonths: 24,
    processingActivityId: 'urn:casustafel:verwerking:gooi-en-vechtstreek:complexe-casuistiek:v1',
    register: {
      name: 'Casusoverleg Complexe casuïstiek',
      purpose:
        'Voor personen en gezinnen met meervoudige problemen op het snijvlak van zorg, veiligheid en straf, die één partner niet alleen kan oplossen, gezamenlijk een plan van aanpak maken en de uitvoering volgen. Per casus alleen de gegevens die de partners voor die aanpak nodig hebben (demonstratietekst, fictief).',
      legalGrounds: ['WGS', 'AVG_6_1_E', 'AVG_9_2', 'WPG', 'JEUGDWET', 'WMO'],
      controllers: `De convenantpartners van de casustafel Complexe casuïstiek, als gezamenlijke verwerkingsverantwoordelijken volgens de WGS. ${CONTACT}`,
      dataCategories: ['C1', 'C1B', 'C2', 'C3', 'C4', 'C5', 'C6', 'C10', 'C11', 'C12'],
      subjectCategories: ['VERDACHTE', 'SLACHTOFFER', 'GEZINSLID', 'PARTNER', 'KIND', 'OVERIG'],
      retention: 'Tot 24 maanden na afsluiting van de casus; daarna worden de gegevens vernietigd.',
    },
    memberships: [
      'zvh',
      'hilversum',
      'gooise-meren',
      'huizen',
      'wijdemeren',
      'blaricum',
      'laren',
      'eemnes',
      'politie',
      'om',
      'reclassering',
      'rvdk',
      'ggz',
      'veilig-thuis',
    ].map((org) => ({ org, status: 'SIGNATORY' as const, since: '2019-01-01', documentRef: CONVENANT })),
  },
];

export interface DemoUser {
  email: string;
  displayName: string;
  org: string;
  roles: Array<{ table: string; role: TableRole }>;
}

const both = (role: TableRole) => [
  { table: 'mensenhandel', role },
  { table: 'complex', role },
];

/** One demo account per role; the name says the person is fictional. */
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'procesregisseur@demo.casustafel.example',
    displayName: 'Petra Procesregisseur (fictief)',
    org: 'zvh',
    roles: both('PROCESREGISSEUR'),
  },
  {
    email: 'voorzitter@demo.casustafel.example',
    displayName: 'Victor Voorzitter (fictief)',
    org: 'zvh',
    roles: both('VOORZITTER'),
  },
  {
    email: 'casusregisseur@demo.casustafel.example',
    displayName: 'Carla Casusregisseur (fictief)',
    org: 'hilversum',
    roles: both('CASUSREGISSEUR'),
  },
  {
    email: 'politie@demo.casustafel.example',
    displayName: 'Daan Deelnemer Politie (fictief)',
    org: 'politie',
    roles: both('DEELNEMER'),
  },
  {
    email: 'zorgcoordinator@demo.casustafel.example',
    displayName: 'Zara Zorgcoördinator (fictief)',
    org: 'zorgcoordinatie',
    roles: [{ table: 'mensenhandel', role: 'ZORGCOORDINATOR' }],
  },
  {
    email: 'triagist@demo.casustafel.example',
    displayName: 'Tom Triagist (fictief)',
    org: 'zvh',
    roles: both('TRIAGIST'),
  },
  {
    email: 'fg@demo.casustafel.example',
    displayName: 'Fenna Functionaris Gegevensbescherming (fictief)',
    org: 'zvh',
    roles: both('FG_AUDITOR'),
  },
  {
    email: 'contactpunt@demo.casustafel.example',
    displayName: 'Cor Contactpunt (fictief)',
    org: 'zvh',
    roles: both('CONTACTPUNT'),
  },
  {
    email: 'beheerder@demo.casustafel.example',
    displayName: 'Bram Beheerder (fictief)',
    org: 'zvh',
    roles: both('BEHEERDER'),
  },
  {
    email: 'om@demo.casustafel.example',
    displayName: 'Olga Officier (fictief)',
    org: 'om',
    roles: [{ table: 'complex', role: 'DEELNEMER' }],
  },
  {
    email: 'ggz@demo.casustafel.example',
    displayName: 'Gijs GGz-behandelaar (fictief)',
    org: 'ggz',
    roles: both('DEELNEMER'),
  },
  // Recipients of information requests in the demo cases: they answer or decline them.
  {
    email: 'veiligthuis@demo.casustafel.example',
    displayName: 'Vera Veilig Thuis (fictief)',
    org: 'veilig-thuis',
    roles: both('DEELNEMER'),
  },
  {
    email: 'reclassering@demo.casustafel.example',
    displayName: 'Ruben Reclasseringswerker (fictief)',
    org: 'reclassering',
    roles: both('DEELNEMER'),
  },
];
