import type {
  Aangifte,
  CaseState,
  ComenshaDossierType,
  ConsentEvidenceType,
  ConsentForm,
  ConsentGiver,
  ConsentKind,
  DataCategory,
  DisclosureState,
  ExploitationForm,
  IntakeCriteria,
  InformationRequestState,
  InformingReasonCode,
  InformingStatus,
  LegalGround,
  PermitStatus,
  PersonRole,
  RegistrationState,
  Sensitivity,
  ShelterType,
  VictimStatus,
} from '@casustafel/shared/contracts';

/**
 * The fictional demo cases (issue 4 §14): about twenty on the Mensenhandel table in every state
 * but VERNIETIGD, four on Complexe casuïstiek (where the OM is a member), and registrations in
 * every triage state. Designed so each demo role sees a different picture through the default
 * visibility matrix. Every person is FICTIONAL and says so in their family name; BSNs are from the
 * test range 99999xxxx (they pass the elfproef but are never issued). Dates are relative to the
 * day the demo is seeded. Organisation keys are those of DEMO_ORGANISATIONS.
 */

/** The demo users by the local part of their e-mail address (see DEMO_USERS). */
export type DemoUserKey =
  | 'procesregisseur'
  | 'voorzitter'
  | 'casusregisseur'
  | 'politie'
  | 'zorgcoordinator'
  | 'triagist'
  | 'om'
  | 'ggz'
  | 'veiligthuis'
  | 'reclassering'
  | 'contactpunt';

export interface DemoPerson {
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
  bsn?: string;
  address?: string;
  role: PersonRole;
}

export interface DemoItem {
  /** For disclosures that name items. */
  key?: string;
  category: DataCategory;
  sensitivity?: Sensitivity;
  title: string;
  body: string;
  legalGround?: LegalGround;
  author: DemoUserKey;
  daysAgo: number;
  /** The information request (key) this item answers. */
  answers?: string;
}

export interface DemoRequest {
  key?: string;
  to: string;
  question: string;
  categories: DataCategory[];
  requestedBy: DemoUserKey;
  daysAgo: number;
  /** Deadline relative to today; negative is overdue (when still open). */
  dueInDays: number;
  state: InformationRequestState;
  /** ANSWERED (an item with `answers` is the answer) or DECLINED. */
  outcome?: { by: DemoUserKey; daysAgo: number; declineReason?: string };
}

export interface DemoDisclosure {
  from: string;
  to: string;
  itemKeys?: string[];
  categories?: DataCategory[];
  purpose: string;
  legalGround: LegalGround;
  legalReference?: string;
  proposedBy: DemoUserKey;
  daysAgo: number;
  state: Extract<DisclosureState, 'PROPOSED' | 'APPROVED' | 'REVOKED'>;
  /** The consent (key) it rests on. */
  consentKey?: string;
  decided?: { by: DemoUserKey; daysAgo: number };
  revoked?: { by: DemoUserKey; daysAgo: number; reason: string };
}

/** A consent in the register, recorded by a manager; `person` is the index in the case's persons. */
export interface DemoConsent {
  key?: string;
  person: number;
  kind: ConsentKind;
  organisations: string[];
  categories: DataCategory[];
  purpose: string;
  givenBy: ConsentGiver;
  form: ConsentForm;
  evidenceType: ConsentEvidenceType;
  /** An item (key) of the case that shows it. */
  evidenceItemKey?: string;
  givenDaysAgo: number;
  recordedBy: DemoUserKey;
  recordedDaysAgo: number;
  withdrawn?: { by: DemoUserKey; daysAgo: number; note?: string };
}

/** One change of the informing status, set by a manager; oldest first. */
export interface DemoInforming {
  status: InformingStatus;
  reasonCode?: InformingReasonCode;
  reason?: string;
  /** DEFERRED: the review date relative to today (negative: overdue). */
  reviewInDays?: number;
  setBy: DemoUserKey;
  daysAgo: number;
}

export interface DemoMensenhandel {
  /** Default: the forms of the ticked intake signals, as triage derives them. */
  forms?: ExploitationForm[];
  victimStatus: VictimStatus;
  comensha?: { reportedDaysAgo: number; reference: string; dossierType: ComenshaDossierType };
  /** B8: accepted either some days ago or so that the three months' reflection period ends in `endsInDays`. */
  b8?: {
    owner: string;
    offeredDaysAgo?: number;
    acceptedDaysAgo?: number;
    endsInDays?: number;
    aangifte: Aangifte | null;
    permitStatus: PermitStatus | null;
  };
  shelter?: {
    owner: string;
    organisation: string;
    type: ShelterType;
    placedDaysAgo: number;
    via: 'COMENSHA' | 'ZORGCOORDINATOR';
    address: string;
  };
}

export interface DemoIntake {
  discussedWithPerson?: boolean;
  notDiscussedReason?: string;
  criteria: IntakeCriteria;
  /** Signal ids of the table's list (DEFAULT_MENSENHANDEL_SIGNALS); none on Complexe casuïstiek. */
  signals?: string[];
}

export type DemoTableKey = 'mensenhandel' | 'complex';

export interface DemoCase {
  key: string;
  table: DemoTableKey;
  state: Exclude<CaseState, 'VERNIETIGD'>;
  /** The registrant; their organisation is responsible for the case and owns the persons. */
  registeredBy: DemoUserKey;
  /** Who decided "to the table": the procesregisseur becomes the case's procesregisseur, the triagist does not. */
  triagedBy: 'procesregisseur' | 'triagist';
  openedDaysAgo: number;
  closedDaysAgo?: number;
  casusregisseur?: DemoUserKey;
  reason: string;
  goal: string;
  /** Member organisations besides the ZVH (triage) and the registrant. */
  members: string[];
  guests?: string[];
  intake: DemoIntake;
  persons: DemoPerson[];
  items?: DemoItem[];
  mensenhandel?: DemoMensenhandel;
  disclosures?: DemoDisclosure[];
  requests?: DemoRequest[];
  consents?: DemoConsent[];
  informing?: DemoInforming[];
  handover?: { to: string; data: string };
}

export interface DemoRegistration {
  key: string;
  table: DemoTableKey;
  state: Exclude<RegistrationState, 'CASE_CREATED'>;
  registeredBy: DemoUserKey;
  daysAgo: number;
  reason: string;
  goal: string;
  intake: DemoIntake;
  persons: DemoPerson[];
  proposed?: string[];
  triage?: { by: 'procesregisseur' | 'triagist'; daysAgo: number; advice: string; referral?: string };
}

const ALL_CRITERIA = (motivation: string): IntakeCriteria => ({
  multipleDomains: true,
  crossChain: true,
  systemAffected: false,
  localSafetyProblem: false,
  motivation,
});

/** The person who appears in two active cases, so the person-index hint shows (same BSN and birth date). */
export const KNOWN_ELSEWHERE_PERSON = {
  givenName: 'Kees',
  familyName: 'Testerveld (fictief)',
  dateOfBirth: '1979-11-02',
  bsn: '999990184',
} as const;

/**
 * The stable case the browser journeys use (another helper reads this): do not change these names
 * without updating the journeys. Find it by the person's name (the case number depends on the
 * year of seeding). It has no shelter placement, no B8 and no embargoed item, no disclosures and
 * no information requests: journeys add their own.
 */
export const JOURNEY_CASE = {
  key: 'journey',
  table: 'Mensenhandel',
  state: 'IN_UITVOERING',
  personName: 'Sanne Voorbeeld (fictief)',
  givenName: 'Sanne',
  familyName: 'Voorbeeld (fictief)',
  personRole: 'SLACHTOFFER',
  /** Organisation keys (DEMO_ORGANISATIONS) taking part; the police registered the case. */
  participants: ['zvh', 'politie', 'ggz', 'zorgcoordinatie'],
  items: {
    /** GGz: in full; politie: not at all (C4 "-"); ZVH and zorgcoördinator: a summary. */
    ggzNote: {
      category: 'C4',
      sensitivity: 'NORMAAL',
      title: 'Behandelnotitie GGz (fictief)',
      author: 'ggz',
    },
    /** Politie: in full (own); others: a summary (C5). */
    policeItem: {
      category: 'C5',
      sensitivity: 'NORMAAL',
      title: 'Politiemutatie signalen uitbuiting (fictief)',
      author: 'politie',
    },
    /** Everyone taking part: in full (C3). */
    plan: { category: 'C3', sensitivity: 'NORMAAL', title: 'Plan van aanpak (fictief)', author: 'zvh' },
  },
} as const;

/** Anchors for the other role pictures (person names of seeded cases). */
export const DEMO_ANCHORS = {
  /** Shelter placed by the zorgcoördinator in its own organisation; politie sees a summary only. */
  shelterCase: 'Piotr Przykład (fictief)',
  /** Shelter at GGz Centraal; B8 reflection period ends within two weeks; police C7 under embargo. */
  shelterGgzCase: 'Ana Ejemplo (fictief)',
  /** Complexe casuïstiek with a police C7 item under embargo that the OM sees in full. */
  complexEmbargoCase: 'Joyce Droomvelt (fictief)',
  /** An overdue information request to Veilig Thuis. */
  overdueRequestCase: 'Ana Ejemplo (fictief)',
  /** A submitted registration whose person is known in an active case (triage sees the hint). */
  registrationKnownElsewhere: 'Yara Verzinsel (fictief)',
  /**
   * A consent to lift professional secrecy with a disclosure resting on it, and a withdrawn consent
   * whose disclosure has lapsed; informed.
   */
  consentCase: 'Iris Bedachtsma (fictief)',
  /** Informing deferred (running investigation) with an overdue review date: a reminder on /casussen. */
  deferredInformingCase: 'Ion Exemplu (fictief)',
  /**
   * No informing status yet: the informing journey defers it, one case per browser project
   * (desktop, mobile) so that the two runs never change the same case.
   */
  informingJourneyCases: ['Maria Exemplo (fictief)', 'Mihai Exemplu (fictief)'],
} as const;

export const DEMO_CASES: DemoCase[] = [
  // ——— Mensenhandel: IN_UITVOERING ———
  {
    key: JOURNEY_CASE.key,
    table: 'mensenhandel',
    state: 'IN_UITVOERING',
    registeredBy: 'politie',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 42,
    reason:
      'De wijkagent ziet signalen van seksuele uitbuiting bij een jonge vrouw: een oudere vriend die bepaalt wat zij doet en plotseling veel geld.',
    goal: 'Veiligheid van betrokkene, passende zorg en zicht op de uitbuitingssituatie.',
    members: ['ggz', 'zorgcoordinatie'],
    intake: {
      criteria: ALL_CRITERIA('Zorg (GGz) en veiligheid (politie) moeten samen optrekken.'),
      signals: ['sek-loverboy', 'sek-geld-telefoon'],
    },
    persons: [
      {
        givenName: JOURNEY_CASE.givenName,
        familyName: JOURNEY_CASE.familyName,
        dateOfBirth: '2004-05-12',
        bsn: '999990007',
        address: 'Verzonnenlaan 12, Hilversum (fictief)',
        role: 'SLACHTOFFER',
      },
    ],
    mensenhandel: { victimStatus: 'MOGELIJK_SLACHTOFFER' },
    items: [
      {
        category: 'C5',
        title: JOURNEY_CASE.items.policeItem.title,
        body: 'Twee meldingen van buurtbewoners over een man die betrokkene dagelijks ophaalt en wegbrengt. Kenteken bekend bij de politie.',
        legalGround: 'WPG',
        author: 'politie',
        daysAgo: 40,
      },
      {
        category: 'C4',
        title: JOURNEY_CASE.items.ggzNote.title,
        body: 'Betrokkene is sinds drie maanden in behandeling. Somberheid en angstklachten; zij noemt haar vriend haar enige steun.',
        legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
        author: 'ggz',
        daysAgo: 35,
      },
      {
        category: 'C3',
        title: JOURNEY_CASE.items.plan.title,
        body: '1. Zorgcoördinator legt contact met betrokkene (binnen twee weken). 2. GGz zet de behandeling voort. 3. Politie onderzoekt de signalen.',
        legalGround: 'AVG_6_1_E',
        author: 'procesregisseur',
        daysAgo: 28,
      },
    ],
  },
  {
    key: 'shelter-zc',
    table: 'mensenhandel',
    state: 'IN_UITVOERING',
    registeredBy: 'zorgcoordinator',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 75,
    casusregisseur: 'casusregisseur',
    reason:
      'Arbeidsuitbuiting in de bouw: betrokkene werkte zes dagen per week zonder loon en woonde in huisvesting van de werkgever.',
    goal: 'Veilige opvang, verblijfsrecht (B8) en schuldenregeling.',
    members: ['politie', 'hilversum'],
    guests: ['comensha'],
    intake: {
      criteria: ALL_CRITERIA('Opvang, verblijfsrecht en opsporing raken elkaar.'),
      signals: ['arb-paspoort', 'arb-wonen', 'arb-schuld'],
    },
    persons: [
      {
        givenName: 'Piotr',
        familyName: 'Przykład (fictief)',
        dateOfBirth: '1991-02-17',
        bsn: '999990019',
        role: 'SLACHTOFFER',
      },
      { ...KNOWN_ELSEWHERE_PERSON, role: 'VERDACHTE' },
    ],
    mensenhandel: {
      victimStatus: 'GEIDENTIFICEERD',
      comensha: { reportedDaysAgo: 70, reference: 'CM-FICTIEF-0412', dossierType: 'REGISTRATIE_OPVANG' },
      b8: {
        owner: 'politie',
        offeredDaysAgo: 60,
        acceptedDaysAgo: 55,
        aangifte: 'JA',
        permitStatus: 'AANGEVRAAGD',
      },
      shelter: {
        owner: 'zorgcoordinatie',
        organisation: 'zorgcoordinatie',
        type: 'COSM',
        placedDaysAgo: 68,
        via: 'COMENSHA',
        address: 'Schuilhof 7, Ergensdorp (fictief adres)',
      },
    },
    items: [
      {
        key: 'safety-plan',
        category: 'C9',
        sensitivity: 'GEVOELIG',
        title: 'Veiligheidsplan',
        body: 'Geen contact met de voormalige werkgever. Bij dreiging direct 112; de opvang is op de hoogte.',
        author: 'zorgcoordinator',
        daysAgo: 66,
      },
      {
        category: 'C8',
        title: 'Aanvraag verblijfsvergunning mensenhandel',
        body: 'Na aangifte is de verblijfsvergunning aangevraagd; beslissing IND verwacht binnen zes maanden.',
        author: 'zorgcoordinator',
        daysAgo: 50,
      },
      {
        category: 'C12',
        title: 'Schulden bij het uitzendbureau',
        body: 'Betrokkene heeft een "schuld" van ongeveer € 4.000 voor reis en huisvesting. Budgetbeheer gestart.',
        legalGround: 'WMO',
        author: 'casusregisseur',
        daysAgo: 45,
      },
      {
        category: 'C5',
        title: 'Aangifte opgenomen',
        body: 'Aangifte opgenomen op het bureau; verklaring over werkomstandigheden en huisvesting.',
        legalGround: 'WPG',
        author: 'politie',
        daysAgo: 58,
      },
    ],
    disclosures: [
      {
        from: 'zorgcoordinatie',
        to: 'politie',
        itemKeys: ['safety-plan'],
        purpose: 'Snelle hulp bij dreiging: de politie moet de veiligheidsafspraken kennen.',
        legalGround: 'AVG_6_1_E',
        proposedBy: 'zorgcoordinator',
        daysAgo: 3,
        state: 'PROPOSED',
      },
    ],
  },
  {
    key: 'criminal-courier',
    table: 'mensenhandel',
    state: 'IN_UITVOERING',
    registeredBy: 'casusregisseur',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 60,
    casusregisseur: 'casusregisseur',
    reason:
      'Een jongeman wordt gedwongen drugs te vervoeren om een schuld af te lossen; zijn familie wordt bedreigd.',
    goal: 'Uit de afhankelijkheid, schuld en bedreiging aanpakken, strafrechtelijk traject afstemmen.',
    members: ['politie', 'reclassering', 'ggz'],
    intake: {
      criteria: ALL_CRITERIA('Strafrecht, zorg en schulden; één partner kan dit niet alleen.'),
      signals: ['crim-dwang', 'crim-bedreiging', 'crim-afhankelijk'],
    },
    persons: [
      {
        givenName: 'Ion',
        familyName: 'Exemplu (fictief)',
        dateOfBirth: '2002-09-30',
        bsn: '999990020',
        role: 'SLACHTOFFER',
      },
      { ...KNOWN_ELSEWHERE_PERSON, role: 'VERDACHTE' },
    ],
    mensenhandel: { victimStatus: 'MOGELIJK_SLACHTOFFER' },
    items: [
      {
        category: 'C13',
        title: 'Signaallijst criminele uitbuiting',
        body: 'Drie signalen aangekruist: dwang tot strafbare feiten, bedreiging van familie, meervoudige afhankelijkheid.',
        author: 'politie',
        daysAgo: 58,
      },
      {
        category: 'C12',
        title: 'Schuldpositie',
        body: 'Betrokkene heeft geen eigen inkomen; schuld aan derden onbekend van omvang.',
        legalGround: 'WMO',
        author: 'casusregisseur',
        daysAgo: 50,
      },
      {
        category: 'C6',
        title: 'Reclasseringsadvies',
        body: 'Lopende zaak wegens drugsvervoer. Reclassering adviseert rekening te houden met de dwang (non-punishment).',
        legalGround: 'WJSG_AANWIJZING',
        author: 'reclassering',
        daysAgo: 30,
        answers: 'courier-reclassering',
      },
    ],
    requests: [
      {
        key: 'courier-reclassering',
        to: 'reclassering',
        question: 'Loopt er een strafrechtelijk traject, en wat is uw advies?',
        categories: ['C6'],
        requestedBy: 'procesregisseur',
        daysAgo: 40,
        dueInDays: -26,
        state: 'ANSWERED',
        outcome: { by: 'reclassering', daysAgo: 30 },
      },
      {
        to: 'ggz',
        question: 'Is betrokkene bij u in behandeling geweest?',
        categories: ['C4'],
        requestedBy: 'procesregisseur',
        daysAgo: 40,
        dueInDays: -26,
        state: 'DECLINED',
        outcome: {
          by: 'ggz',
          daysAgo: 36,
          declineReason: 'Beroepsgeheim: betrokkene heeft geen toestemming gegeven om gegevens te delen.',
        },
      },
    ],
    informing: [
      {
        status: 'DEFERRED',
        reasonCode: 'VEILIGHEID_ANDEREN',
        reason: 'Zijn familie wordt bedreigd; eerst de veiligheid van de familie regelen.',
        reviewInDays: -30,
        setBy: 'procesregisseur',
        daysAgo: 58,
      },
      {
        status: 'DEFERRED',
        reasonCode: 'LOPEND_ONDERZOEK',
        reason: 'De politie onderzoekt het netwerk dat hem dwingt; informeren kan het onderzoek schaden.',
        reviewInDays: -2,
        setBy: 'procesregisseur',
        daysAgo: 30,
      },
    ],
  },
  {
    key: 'labour-greenhouse',
    table: 'mensenhandel',
    state: 'IN_UITVOERING',
    registeredBy: 'politie',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 90,
    reason:
      'Controle in een kwekerij: arbeidsmigranten werken lange dagen, wonen op het terrein en hebben hun paspoort ingeleverd.',
    goal: 'Slachtoffers in veiligheid, verblijfsrecht regelen, bestuurlijk optreden tegen het bedrijf.',
    members: ['gooise-meren', 'zorgcoordinatie', 'hilversum'],
    guests: ['comensha'],
    intake: {
      criteria: { ...ALL_CRITERIA('Bestuurlijk, strafrechtelijk en zorg.'), localSafetyProblem: true },
      signals: ['arb-paspoort', 'arb-uren', 'arb-wonen', 'arb-beloften'],
    },
    persons: [
      {
        givenName: 'Maria',
        familyName: 'Exemplo (fictief)',
        dateOfBirth: '1988-07-03',
        bsn: '999990032',
        role: 'SLACHTOFFER',
      },
      { givenName: 'Jorge', familyName: 'Exemplo (fictief)', dateOfBirth: '1986-01-21', role: 'PARTNER' },
    ],
    mensenhandel: {
      victimStatus: 'GEIDENTIFICEERD',
      comensha: { reportedDaysAgo: 88, reference: 'CM-FICTIEF-0388', dossierType: 'REGISTRATIE' },
      b8: {
        owner: 'politie',
        offeredDaysAgo: 85,
        acceptedDaysAgo: 40,
        aangifte: 'JA',
        permitStatus: 'AANGEVRAAGD',
      },
    },
    items: [
      {
        key: 'greenhouse-police',
        category: 'C5',
        title: 'Proces-verbaal controle kwekerij',
        body: 'Bij de controle zijn zeven arbeidsmigranten aangetroffen; paspoorten lagen in de kluis van de eigenaar.',
        legalGround: 'WPG',
        author: 'politie',
        daysAgo: 88,
      },
      {
        category: 'C11',
        title: 'Bestuurlijke sluiting huisvesting',
        body: 'De burgemeester overweegt sluiting van de huisvesting op het bedrijfsterrein; de eigenaar is gehoord.',
        legalGround: 'AVG_6_1_E',
        author: 'casusregisseur',
        daysAgo: 60,
      },
      {
        category: 'C3',
        title: 'Plan van aanpak',
        body: 'Opvang via CoMensha, B8 aangeboden, bestuurlijke rapportage door de gemeente.',
        author: 'procesregisseur',
        daysAgo: 80,
      },
    ],
    disclosures: [
      {
        from: 'politie',
        to: 'zorgcoordinatie',
        itemKeys: ['greenhouse-police'],
        purpose: 'Veiligheidsinschatting voor de opvang van de slachtoffers.',
        legalGround: 'WPG',
        legalReference: 'Wpg art. 19 (verstrekking voor zorg en veiligheid)',
        proposedBy: 'politie',
        daysAgo: 70,
        state: 'APPROVED',
        decided: { by: 'voorzitter', daysAgo: 69 },
      },
    ],
  },
  {
    key: 'labour-carwash',
    table: 'mensenhandel',
    state: 'IN_UITVOERING',
    registeredBy: 'zorgcoordinator',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 50,
    reason: 'Arbeidsuitbuiting in een autowasstraat; betrokkene heeft een schuld bij de bemiddelaar.',
    goal: 'Verblijfsrecht, werk en inkomen, veiligheid.',
    members: ['politie', 'blaricum'],
    guests: ['comensha'],
    intake: { criteria: ALL_CRITERIA('Verblijfsrecht en veiligheid.'), signals: ['arb-schuld', 'arb-uren'] },
    persons: [
      {
        givenName: 'Mihai',
        familyName: 'Exemplu (fictief)',
        dateOfBirth: '1995-12-08',
        bsn: '999990044',
        role: 'SLACHTOFFER',
      },
    ],
    mensenhandel: {
      victimStatus: 'MOGELIJK_SLACHTOFFER',
      comensha: { reportedDaysAgo: 48, reference: 'CM-FICTIEF-0451', dossierType: 'REGISTRATIE_INFO_ADVIES' },
      b8: {
        owner: 'zorgcoordinatie',
        offeredDaysAgo: 25,
        acceptedDaysAgo: 20,
        aangifte: null,
        permitStatus: 'GEEN',
      },
    },
    items: [
      {
        category: 'C8',
        title: 'B8-bedenktijd gestart',
        body: 'Betrokkene heeft de bedenktijd aanvaard; de IND is geïnformeerd.',
        author: 'zorgcoordinator',
        daysAgo: 20,
      },
      {
        category: 'C14',
        title: 'Registratie voor de regiomonitor',
        body: 'Meegeteld in de regiomonitor: arbeidsuitbuiting, gemeente Blaricum, verwezen door de zorgcoördinator.',
        author: 'procesregisseur',
        daysAgo: 45,
      },
    ],
  },
  // ——— Mensenhandel: INFORMATIEVERZAMELING ———
  {
    key: 'signal-ggz',
    table: 'mensenhandel',
    state: 'INFORMATIEVERZAMELING',
    registeredBy: 'ggz',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 10,
    reason:
      'Een cliënte vertelt over een vriend die haar met anderen laat afspreken; zij wil geen aangifte doen.',
    goal: 'Signalen duiden en hulp aanbieden zonder de behandelrelatie te schaden.',
    members: ['zorgcoordinatie', 'veilig-thuis'],
    intake: {
      discussedWithPerson: true,
      criteria: ALL_CRITERIA('Zorg en veiligheid; mogelijk meer slachtoffers.'),
      signals: ['sek-zelfbeeld', 'sek-loverboy'],
    },
    persons: [
      {
        givenName: 'Lotte',
        familyName: 'Oefenaar (fictief)',
        dateOfBirth: '2003-04-22',
        role: 'SLACHTOFFER',
      },
    ],
    mensenhandel: { victimStatus: 'SIGNAAL' },
    items: [
      {
        category: 'C13',
        title: 'Signalen uit de behandeling',
        body: 'Laag zelfbeeld en een oudere vriend die bepaalt wat zij doet. Geen verwondingen gezien.',
        author: 'ggz',
        daysAgo: 9,
      },
    ],
    requests: [
      {
        to: 'veilig-thuis',
        question: 'Zijn er eerdere meldingen over betrokkene of haar huishouden?',
        categories: ['C10', 'C2'],
        requestedBy: 'procesregisseur',
        daysAgo: 7,
        dueInDays: 7,
        state: 'OPEN',
      },
    ],
  },
  {
    key: 'minor-criminal',
    table: 'mensenhandel',
    state: 'INFORMATIEVERZAMELING',
    registeredBy: 'veiligthuis',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 6,
    reason:
      'Een minderjarige jongen wordt door oudere jongens ingezet om pakketjes te bezorgen; moeder maakt zich zorgen.',
    goal: 'Veiligheid van de jongen en ondersteuning van het gezin.',
    members: ['politie', 'rvdk', 'hilversum'],
    intake: {
      criteria: { ...ALL_CRITERIA('Jeugdbescherming, politie en gemeente.'), systemAffected: true },
      signals: ['crim-dwang', 'crim-afhankelijk'],
    },
    persons: [
      {
        givenName: 'Noah',
        familyName: 'Denkbeeld (fictief)',
        dateOfBirth: '2010-06-14',
        role: 'SLACHTOFFER',
      },
      {
        givenName: 'Els',
        familyName: 'Denkbeeld (fictief)',
        dateOfBirth: '1982-03-09',
        address: 'Bedachtstraat 3, Hilversum (fictief)',
        role: 'GEZINSLID',
      },
    ],
    mensenhandel: { victimStatus: 'SIGNAAL' },
    items: [
      {
        category: 'C10',
        title: 'Eerdere melding Veilig Thuis',
        body: 'In 2024 een melding over zorgen om de opvoeding; afgesloten na vrijwillige hulp.',
        legalGround: 'JEUGDWET',
        author: 'veiligthuis',
        daysAgo: 5,
      },
    ],
  },
  {
    key: 'new-labour-unknown',
    table: 'mensenhandel',
    state: 'INFORMATIEVERZAMELING',
    registeredBy: 'politie',
    triagedBy: 'triagist',
    openedDaysAgo: 4,
    reason:
      'Een man zonder identiteitspapieren meldt zich op het bureau; hij werkte in een restaurant zonder loon.',
    goal: 'Identiteit vaststellen, opvang en B8 aanbieden.',
    members: [],
    guests: ['comensha'],
    intake: {
      discussedWithPerson: false,
      notDiscussedReason: 'Tolk nog niet beschikbaar.',
      criteria: ALL_CRITERIA('Identiteit, opvang en verblijfsrecht.'),
      signals: ['arb-paspoort', 'arb-beloften'],
    },
    persons: [{ givenName: 'Chen', familyName: 'Lizi (fictief)', role: 'SLACHTOFFER' }],
    mensenhandel: { victimStatus: 'SIGNAAL' },
    items: [
      {
        category: 'C1',
        title: 'Identiteit nog niet vastgesteld',
        body: 'Geen identiteitsdocument; opgegeven naam en geboortejaar worden nagegaan.',
        legalGround: 'WPG',
        author: 'politie',
        daysAgo: 3,
      },
    ],
  },
  {
    key: 'new-zc',
    table: 'mensenhandel',
    state: 'INFORMATIEVERZAMELING',
    registeredBy: 'zorgcoordinator',
    triagedBy: 'triagist',
    openedDaysAgo: 1,
    reason: 'De zorgcoördinator is gebeld door een huisarts over een patiënte met signalen van uitbuiting.',
    goal: 'Eerste gesprek en inschatting van de veiligheid.',
    members: ['huizen'],
    intake: {
      criteria: ALL_CRITERIA('Signalen vragen om gezamenlijke duiding.'),
      signals: ['sek-uiterlijk'],
    },
    persons: [
      { givenName: 'Amira', familyName: 'Mithal (fictief)', dateOfBirth: '1999-10-01', role: 'SLACHTOFFER' },
    ],
    mensenhandel: { victimStatus: 'SIGNAAL' },
  },
  // ——— Mensenhandel: GEAGENDEERD ———
  {
    key: 'agenda-sexual',
    table: 'mensenhandel',
    state: 'GEAGENDEERD',
    registeredBy: 'politie',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 20,
    reason: 'Advertenties op een sekssite met een jonge vrouw; een man regelt de afspraken.',
    goal: 'Betrokkene uit de situatie, zorg en opsporing.',
    members: ['hilversum', 'zorgcoordinatie', 'ggz'],
    intake: {
      criteria: ALL_CRITERIA('Zorg, veiligheid en opsporing.'),
      signals: ['sek-uiterlijk', 'sek-geld-telefoon'],
    },
    persons: [
      {
        givenName: 'Fleur',
        familyName: 'Proefstra (fictief)',
        dateOfBirth: '2001-08-19',
        bsn: '999990056',
        role: 'SLACHTOFFER',
      },
      { givenName: 'Dex', familyName: 'Droomvelt (fictief)', dateOfBirth: '1990-05-05', role: 'VERDACHTE' },
    ],
    mensenhandel: { victimStatus: 'MOGELIJK_SLACHTOFFER' },
    items: [
      {
        category: 'C5',
        title: 'Advertenties en kentekens',
        body: 'Drie advertenties met hetzelfde telefoonnummer; het nummer hoort bij een bekende van de politie.',
        legalGround: 'WPG',
        author: 'politie',
        daysAgo: 18,
      },
      {
        category: 'C12',
        title: 'Uitkering stopgezet',
        body: 'De bijstandsuitkering is drie maanden geleden stopgezet; huurachterstand.',
        legalGround: 'WMO',
        author: 'casusregisseur',
        daysAgo: 15,
      },
    ],
    disclosures: [
      {
        from: 'politie',
        to: 'zorgcoordinatie',
        categories: ['C5'],
        purpose: 'De zorgcoördinator bereidt het eerste contact voor en moet de risico’s kennen.',
        legalGround: 'WPG',
        legalReference: 'Wpg art. 19',
        proposedBy: 'politie',
        daysAgo: 2,
        state: 'PROPOSED',
      },
    ],
    requests: [
      {
        to: 'ggz',
        question: 'Is betrokkene bij u bekend, en is er zorg nodig?',
        categories: ['C4'],
        requestedBy: 'procesregisseur',
        daysAgo: 2,
        dueInDays: 5,
        state: 'OPEN',
      },
    ],
  },
  {
    key: 'agenda-cleaning',
    table: 'mensenhandel',
    state: 'GEAGENDEERD',
    registeredBy: 'casusregisseur',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 16,
    casusregisseur: 'casusregisseur',
    reason: 'Schoonmaker in hotels werkt via een onderaannemer die loon inhoudt voor huisvesting en vervoer.',
    goal: 'Inkomen en huisvesting zeker stellen, uitbuiting stoppen.',
    members: ['wijdemeren', 'politie'],
    intake: {
      criteria: ALL_CRITERIA('Inkomen, huisvesting en opsporing.'),
      signals: ['arb-schuld', 'arb-beloften'],
    },
    persons: [
      {
        givenName: 'Tomasz',
        familyName: 'Przykład (fictief)',
        dateOfBirth: '1984-11-11',
        bsn: '999990068',
        role: 'SLACHTOFFER',
      },
    ],
    mensenhandel: { victimStatus: 'MOGELIJK_SLACHTOFFER' },
    items: [
      {
        category: 'C1B',
        title: 'BSN geverifieerd in de BRP',
        body: 'Het BSN is geverifieerd; betrokkene staat ingeschreven op het adres van de onderaannemer.',
        legalGround: 'AVG_6_1_E',
        author: 'casusregisseur',
        daysAgo: 14,
      },
      {
        category: 'C2',
        title: 'Hulpvraag',
        body: 'Betrokkene wil ander werk en eigen woonruimte; hij is bang zijn baan kwijt te raken.',
        author: 'casusregisseur',
        daysAgo: 13,
      },
    ],
  },
  {
    key: 'agenda-ggz',
    table: 'mensenhandel',
    state: 'GEAGENDEERD',
    registeredBy: 'ggz',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 25,
    reason: 'Cliënte vertelt over gedwongen sekswerk in het verleden; de dader neemt weer contact op.',
    goal: 'Veiligheid en voortzetting van de behandeling.',
    members: ['zorgcoordinatie', 'veilig-thuis'],
    intake: {
      criteria: ALL_CRITERIA('Behandeling en veiligheid.'),
      signals: ['sek-loverboy', 'sek-zelfbeeld'],
    },
    persons: [
      {
        givenName: 'Yara',
        familyName: 'Verzinsel (fictief)',
        dateOfBirth: '2000-02-29',
        role: 'SLACHTOFFER',
      },
    ],
    mensenhandel: { victimStatus: 'MOGELIJK_SLACHTOFFER' },
    items: [
      {
        category: 'C4',
        sensitivity: 'GEVOELIG',
        title: 'Traumabehandeling',
        body: 'EMDR-behandeling gestart; herbelevingen nemen toe sinds de dader weer contact zoekt.',
        legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
        author: 'ggz',
        daysAgo: 22,
      },
      {
        category: 'C10',
        title: 'Geen kinderen, geen eerdere meldingen',
        body: 'Bij Veilig Thuis zijn geen eerdere meldingen bekend over betrokkene.',
        legalGround: 'WMO',
        author: 'veiligthuis',
        daysAgo: 12,
        answers: 'ggz-vt',
      },
    ],
    requests: [
      {
        key: 'ggz-vt',
        to: 'veilig-thuis',
        question: 'Zijn er meldingen over betrokkene of kinderen in haar omgeving?',
        categories: ['C10'],
        requestedBy: 'procesregisseur',
        daysAgo: 20,
        dueInDays: -6,
        state: 'ANSWERED',
        outcome: { by: 'veiligthuis', daysAgo: 12 },
      },
    ],
  },
  // ——— Mensenhandel: MONITORING ———
  {
    key: 'monitoring-sexual',
    table: 'mensenhandel',
    state: 'MONITORING',
    registeredBy: 'politie',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 180,
    reason: 'Jonge vrouw in de prostitutie onder dwang van een ex-partner.',
    goal: 'Stabiel wonen, behandeling en geen contact met de dader.',
    members: ['ggz', 'zorgcoordinatie', 'laren'],
    intake: {
      criteria: ALL_CRITERIA('Zorg, wonen en veiligheid.'),
      signals: ['sek-loverboy', 'sek-uiterlijk'],
    },
    persons: [
      {
        givenName: 'Iris',
        familyName: 'Bedachtsma (fictief)',
        dateOfBirth: '1998-09-09',
        bsn: '999990081',
        role: 'SLACHTOFFER',
      },
    ],
    mensenhandel: {
      victimStatus: 'GEIDENTIFICEERD',
      comensha: { reportedDaysAgo: 175, reference: 'CM-FICTIEF-0217', dossierType: 'REGISTRATIE' },
    },
    items: [
      {
        category: 'C3',
        title: 'Evaluatie plan van aanpak',
        body: 'Doelen grotendeels bereikt; drie maanden monitoren door de zorgcoördinator.',
        author: 'procesregisseur',
        daysAgo: 30,
      },
      {
        key: 'monitoring-ggz',
        category: 'C4',
        title: 'Voortgang behandeling',
        body: 'Behandeling loopt; afspraken worden nagekomen. Geen crisis in de afgelopen maanden.',
        legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
        author: 'ggz',
        daysAgo: 35,
      },
    ],
    disclosures: [
      {
        from: 'ggz',
        to: 'zorgcoordinatie',
        itemKeys: ['monitoring-ggz'],
        purpose: 'Monitoring door de zorgcoördinator; betrokkene gaf toestemming.',
        legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
        consentKey: 'monitoring-consent',
        proposedBy: 'ggz',
        daysAgo: 33,
        state: 'APPROVED',
        decided: { by: 'procesregisseur', daysAgo: 32 },
      },
      {
        from: 'ggz',
        to: 'laren',
        itemKeys: ['monitoring-ggz'],
        purpose: 'Afstemming met het wijkteam over dagbesteding.',
        legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
        consentKey: 'wijkteam-consent',
        proposedBy: 'ggz',
        daysAgo: 20,
        state: 'APPROVED',
        decided: { by: 'voorzitter', daysAgo: 19 },
      },
    ],
    consents: [
      {
        key: 'monitoring-consent',
        person: 0,
        kind: 'BEROEPSGEHEIM_DOORBREKING',
        organisations: ['zorgcoordinatie'],
        categories: ['C4'],
        purpose: 'De zorgcoördinator mag de voortgang van de behandeling volgen tijdens de monitoring.',
        givenBy: 'BETROKKENE',
        form: 'SCHRIFTELIJK',
        evidenceType: 'FORMULIER_GETEKEND',
        givenDaysAgo: 36,
        recordedBy: 'procesregisseur',
        recordedDaysAgo: 35,
      },
      {
        person: 0,
        kind: 'INSTEMMING_AANPAK',
        organisations: ['ggz', 'zorgcoordinatie', 'laren'],
        categories: ['C3'],
        purpose: 'Betrokkene stemt in met het plan van aanpak en de monitoring.',
        givenBy: 'BETROKKENE',
        form: 'MONDELING',
        evidenceType: 'GESPREKSVERSLAG',
        givenDaysAgo: 40,
        recordedBy: 'procesregisseur',
        recordedDaysAgo: 40,
      },
      {
        key: 'wijkteam-consent',
        person: 0,
        kind: 'TOESTEMMING_GEGEVENSDELING',
        organisations: ['laren'],
        categories: ['C4'],
        purpose: 'Het wijkteam mag weten hoe de behandeling loopt, voor de dagbesteding.',
        givenBy: 'BETROKKENE',
        form: 'MONDELING',
        evidenceType: 'GESPREKSVERSLAG',
        givenDaysAgo: 22,
        recordedBy: 'procesregisseur',
        recordedDaysAgo: 21,
        withdrawn: {
          by: 'procesregisseur',
          daysAgo: 5,
          note: 'Betrokkene wil niet dat het wijkteam dit weet.',
        },
      },
    ],
    informing: [{ status: 'INFORMED', setBy: 'procesregisseur', daysAgo: 170 }],
  },
  {
    key: 'monitoring-criminal',
    table: 'mensenhandel',
    state: 'MONITORING',
    registeredBy: 'casusregisseur',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 150,
    casusregisseur: 'casusregisseur',
    reason: 'Jongvolwassene gedwongen tot winkeldiefstallen door een groep.',
    goal: 'Uit de groep, dagbesteding en afronding van het strafrechtelijk traject.',
    members: ['reclassering', 'politie', 'eemnes'],
    intake: { criteria: ALL_CRITERIA('Strafrecht en zorg.'), signals: ['crim-dwang'] },
    persons: [
      {
        givenName: 'Sem',
        familyName: 'Schetsveld (fictief)',
        dateOfBirth: '2003-01-15',
        bsn: '999990093',
        role: 'SLACHTOFFER',
      },
    ],
    mensenhandel: { victimStatus: 'GEIDENTIFICEERD' },
    items: [
      {
        key: 'monitoring-reclassering',
        category: 'C6',
        title: 'Toezicht en bijzondere voorwaarden',
        body: 'Voorwaardelijke straf met meldplicht; betrokkene komt de afspraken na.',
        legalGround: 'WJSG_AANWIJZING',
        author: 'reclassering',
        daysAgo: 60,
      },
      {
        category: 'C3',
        title: 'Plan van aanpak',
        body: 'Dagbesteding via de gemeente, toezicht door de reclassering, politie houdt de groep in beeld.',
        author: 'procesregisseur',
        daysAgo: 120,
      },
    ],
    disclosures: [
      {
        from: 'reclassering',
        to: 'hilversum',
        itemKeys: ['monitoring-reclassering'],
        purpose: 'Afstemming dagbesteding met de voorwaarden.',
        legalGround: 'WJSG_AANWIJZING',
        proposedBy: 'reclassering',
        daysAgo: 58,
        state: 'REVOKED',
        decided: { by: 'voorzitter', daysAgo: 57 },
        revoked: {
          by: 'reclassering',
          daysAgo: 20,
          reason: 'Het doel is bereikt; de gemeente heeft de informatie niet meer nodig.',
        },
      },
    ],
  },
  // ——— Mensenhandel: OPGESCHAALD ———
  {
    key: 'escalated-shelter-ggz',
    table: 'mensenhandel',
    state: 'OPGESCHAALD',
    registeredBy: 'zorgcoordinator',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 110,
    reason:
      'Slachtoffer van seksuele uitbuiting wordt na vertrek uit de opvang opnieuw benaderd door de dader.',
    goal: 'Acute veiligheid, nieuwe opvangplek en bescherming.',
    members: ['politie', 'ggz', 'veilig-thuis'],
    guests: ['comensha'],
    intake: {
      criteria: { ...ALL_CRITERIA('Acute veiligheid.'), localSafetyProblem: true },
      signals: ['sek-loverboy', 'sek-uiterlijk', 'sek-geld-telefoon'],
    },
    persons: [
      {
        givenName: 'Ana',
        familyName: 'Ejemplo (fictief)',
        dateOfBirth: '1997-03-27',
        bsn: '999990111',
        role: 'SLACHTOFFER',
      },
      {
        givenName: 'Ronnie',
        familyName: 'Schijnhof (fictief)',
        dateOfBirth: '1985-12-24',
        role: 'VERDACHTE',
      },
    ],
    mensenhandel: {
      victimStatus: 'GEIDENTIFICEERD',
      comensha: { reportedDaysAgo: 105, reference: 'CM-FICTIEF-0301', dossierType: 'REGISTRATIE_OPVANG' },
      b8: { owner: 'politie', endsInDays: 9, aangifte: null, permitStatus: 'GEEN' },
      shelter: {
        owner: 'zorgcoordinatie',
        organisation: 'ggz',
        type: 'MO',
        placedDaysAgo: 12,
        via: 'ZORGCOORDINATOR',
        address: 'Beschermde woonvorm De Verzonnen Hoeve, Nergenslaan 2 (fictief adres)',
      },
    },
    items: [
      {
        category: 'C7',
        sensitivity: 'EMBARGO',
        title: 'Lopend opsporingsonderzoek',
        body: 'Er loopt een onderzoek naar de dader en zijn netwerk. Niet delen buiten politie en OM.',
        legalGround: 'WPG',
        author: 'politie',
        daysAgo: 30,
      },
      {
        category: 'C2',
        sensitivity: 'GEVOELIG',
        title: 'Verklaring over de uitbuitingssituatie',
        body: 'Betrokkene vertelt uitgebreid over de afgelopen twee jaar; alleen de kern staat hier.',
        author: 'zorgcoordinator',
        daysAgo: 100,
      },
      {
        category: 'C9',
        title: 'Veiligheidsafspraken na opschaling',
        body: 'Nieuwe opvangplek, telefoonnummer gewijzigd, alarmknop aangevraagd.',
        author: 'zorgcoordinator',
        daysAgo: 11,
      },
    ],
    requests: [
      {
        to: 'veilig-thuis',
        question: 'Zijn er meldingen over huiselijk geweld door de verdachte?',
        categories: ['C10', 'C2'],
        requestedBy: 'procesregisseur',
        daysAgo: 14,
        dueInDays: -4,
        state: 'OPEN',
      },
    ],
  },
  {
    key: 'escalated-cannabis',
    table: 'mensenhandel',
    state: 'OPGESCHAALD',
    registeredBy: 'politie',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 55,
    reason: 'Bij een inval in een hennepkwekerij treft de politie een man aan die er opgesloten woonde.',
    goal: 'Bescherming, opvang en bestuurlijke aanpak van het pand.',
    members: ['zorgcoordinatie', 'hilversum', 'huizen'],
    intake: {
      criteria: ALL_CRITERIA('Veiligheid, opvang en bestuurlijke aanpak.'),
      signals: ['crim-dwang', 'arb-wonen'],
    },
    persons: [
      { givenName: 'Bao', familyName: 'Lizi (fictief)', dateOfBirth: '1993-07-07', role: 'SLACHTOFFER' },
    ],
    mensenhandel: { victimStatus: 'MOGELIJK_SLACHTOFFER' },
    items: [
      {
        category: 'C5',
        title: 'Inval hennepkwekerij',
        body: 'Betrokkene sliep op zolder; de deur was van buiten afgesloten.',
        legalGround: 'WPG',
        author: 'politie',
        daysAgo: 54,
      },
      {
        category: 'C11',
        title: 'Sluiting woning (Opiumwet art. 13b)',
        body: 'De burgemeester heeft de woning voor zes maanden gesloten.',
        legalGround: 'AVG_6_1_E',
        author: 'casusregisseur',
        daysAgo: 40,
      },
    ],
    requests: [
      {
        to: 'reclassering',
        question: 'Is betrokkene bij de reclassering bekend?',
        categories: ['C6'],
        requestedBy: 'procesregisseur',
        daysAgo: 3,
        dueInDays: 10,
        state: 'OPEN',
      },
    ],
  },
  // ——— Mensenhandel: AFGESCHAALD ———
  {
    key: 'handover-labour',
    table: 'mensenhandel',
    state: 'AFGESCHAALD',
    registeredBy: 'zorgcoordinator',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 200,
    reason: 'Arbeidsuitbuiting in de vleesverwerking; betrokkene had een schuld bij de bemiddelaar.',
    goal: 'Eigen woonruimte, werk en verblijfsrecht.',
    members: ['gooise-meren', 'politie'],
    intake: { criteria: ALL_CRITERIA('Werk, wonen en verblijf.'), signals: ['arb-schuld', 'arb-wonen'] },
    persons: [
      {
        givenName: 'Katarzyna',
        familyName: 'Przykład (fictief)',
        dateOfBirth: '1989-05-30',
        role: 'SLACHTOFFER',
      },
    ],
    mensenhandel: {
      victimStatus: 'GEIDENTIFICEERD',
      b8: {
        owner: 'politie',
        offeredDaysAgo: 190,
        acceptedDaysAgo: 185,
        aangifte: 'JA',
        permitStatus: 'VERLEEND',
      },
    },
    handover: {
      to: 'Gemeente Gooise Meren, sociaal wijkteam',
      data: 'Plan van aanpak en contactgegevens; geen politiegegevens.',
    },
  },
  {
    key: 'handover-ggz',
    table: 'mensenhandel',
    state: 'AFGESCHAALD',
    registeredBy: 'ggz',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 160,
    reason: 'Cliënte uitgestapt uit gedwongen sekswerk; behandeling en nazorg nodig.',
    goal: 'Behandeling afronden en terugval voorkomen.',
    members: ['zorgcoordinatie'],
    intake: { criteria: ALL_CRITERIA('Zorg en nazorg.'), signals: ['sek-zelfbeeld'] },
    persons: [
      {
        givenName: 'Nina',
        familyName: 'Fictorius (fictief)',
        dateOfBirth: '1996-10-10',
        role: 'SLACHTOFFER',
      },
    ],
    mensenhandel: { victimStatus: 'GEIDENTIFICEERD' },
    items: [
      {
        category: 'C3',
        title: 'Overdracht',
        body: 'Afgeschaald naar de ambulante behandeling; de zorgcoördinator blijft aanspreekpunt.',
        author: 'procesregisseur',
        daysAgo: 14,
      },
    ],
    handover: {
      to: 'GGz Centraal, ambulante behandeling',
      data: 'Behandelplan blijft bij de GGz; alleen het overdrachtsverslag.',
    },
  },
  // ——— Mensenhandel: AFGESLOTEN ———
  {
    key: 'closed-sexual',
    table: 'mensenhandel',
    state: 'AFGESLOTEN',
    registeredBy: 'politie',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 400,
    closedDaysAgo: 60,
    reason: 'Seksuele uitbuiting door een netwerk; betrokkene heeft aangifte gedaan.',
    goal: 'Veiligheid, verblijfsrecht en een nieuw bestaan.',
    members: ['zorgcoordinatie'],
    intake: { criteria: ALL_CRITERIA('Opvang en opsporing.'), signals: ['sek-loverboy'] },
    persons: [
      {
        givenName: 'Eva',
        familyName: 'Modelink (fictief)',
        dateOfBirth: '1995-04-04',
        bsn: '999990123',
        role: 'SLACHTOFFER',
      },
    ],
    mensenhandel: {
      victimStatus: 'GEIDENTIFICEERD',
      comensha: { reportedDaysAgo: 395, reference: 'CM-FICTIEF-0099', dossierType: 'REGISTRATIE_OPVANG' },
      b8: {
        owner: 'politie',
        offeredDaysAgo: 390,
        acceptedDaysAgo: 385,
        aangifte: 'JA',
        permitStatus: 'VERLEEND',
      },
    },
    handover: { to: 'Gemeente Hilversum, sociaal wijkteam', data: 'Contactgegevens en lopende afspraken.' },
  },
  {
    key: 'closed-labour',
    table: 'mensenhandel',
    state: 'AFGESLOTEN',
    registeredBy: 'casusregisseur',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 700,
    closedDaysAgo: 300,
    reason: 'Arbeidsuitbuiting in een distributiecentrum.',
    goal: 'Eigen inkomen en woonruimte.',
    members: ['politie'],
    intake: { criteria: ALL_CRITERIA('Inkomen en wonen.'), signals: ['arb-uren', 'arb-beloften'] },
    persons: [
      {
        givenName: 'Luca',
        familyName: 'Probeerma (fictief)',
        dateOfBirth: '1992-12-12',
        role: 'SLACHTOFFER',
      },
    ],
    mensenhandel: { victimStatus: 'GEIDENTIFICEERD' },
    handover: { to: 'Werkgeversservicepunt Gooi en Vechtstreek', data: 'Alleen de hulpvraag.' },
  },
  // ——— Complexe casuïstiek (the OM is a member) ———
  {
    key: 'complex-new',
    table: 'complex',
    state: 'INFORMATIEVERZAMELING',
    registeredBy: 'politie',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 8,
    reason: 'Man met verward gedrag bedreigt buren; meerdere aanhoudingen in een half jaar.',
    goal: 'Veiligheid in de buurt en passende zorg.',
    members: ['om', 'hilversum', 'ggz'],
    intake: { criteria: { ...ALL_CRITERIA('Zorg, veiligheid en strafrecht.'), localSafetyProblem: true } },
    persons: [
      {
        givenName: 'Ruud',
        familyName: 'Casushoeve (fictief)',
        dateOfBirth: '1975-08-08',
        bsn: '999990135',
        role: 'OVERIG',
      },
    ],
    items: [
      {
        category: 'C6',
        title: 'Lopende strafzaak',
        body: 'Zaak wegens bedreiging staat op de rol; het OM overweegt een zorgmachtiging.',
        legalGround: 'WJSG_AANWIJZING',
        author: 'om',
        daysAgo: 6,
      },
    ],
  },
  {
    key: 'complex-family',
    table: 'complex',
    state: 'IN_UITVOERING',
    registeredBy: 'casusregisseur',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 70,
    casusregisseur: 'casusregisseur',
    reason: 'Gezin met huiselijk geweld, schulden en een zoon die spijbelt.',
    goal: 'Veiligheid in het gezin, schuldhulp en school.',
    members: ['veilig-thuis', 'rvdk', 'ggz', 'om', 'politie'],
    intake: { criteria: { ...ALL_CRITERIA('Gezin, schulden en veiligheid.'), systemAffected: true } },
    persons: [
      {
        givenName: 'Joyce',
        familyName: 'Droomvelt (fictief)',
        dateOfBirth: '1987-06-06',
        bsn: '999990147',
        role: 'OVERIG',
      },
      { givenName: 'Finn', familyName: 'Droomvelt (fictief)', dateOfBirth: '2012-09-01', role: 'KIND' },
    ],
    items: [
      {
        category: 'C10',
        title: 'Veiligheidsbeoordeling',
        body: 'Onveiligheid vastgesteld; vrijwillige hulp onder voorwaarden.',
        legalGround: 'JEUGDWET',
        author: 'veiligthuis',
        daysAgo: 60,
      },
      {
        category: 'C12',
        title: 'Schuldhulpverlening',
        body: 'Aanmelding schuldhulp gedaan; beslagvrije voet vastgesteld.',
        legalGround: 'WMO',
        author: 'casusregisseur',
        daysAgo: 50,
      },
      {
        category: 'C4',
        title: 'Behandeling moeder',
        body: 'Moeder is aangemeld voor behandeling van angstklachten.',
        legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
        author: 'ggz',
        daysAgo: 40,
      },
      {
        category: 'C7',
        sensitivity: 'EMBARGO',
        title: 'Onderzoek naar de ex-partner',
        body: 'Er loopt een onderzoek naar de ex-partner; niet met het gezin bespreken.',
        legalGround: 'WPG',
        author: 'politie',
        daysAgo: 25,
      },
    ],
    requests: [
      {
        to: 'ggz',
        question: 'Kan de behandeling van moeder op korte termijn starten?',
        categories: ['C4'],
        requestedBy: 'procesregisseur',
        daysAgo: 4,
        dueInDays: 3,
        state: 'OPEN',
      },
    ],
    informing: [
      {
        status: 'NOT_INFORMED',
        reasonCode: 'AVG_23_OPSPORING',
        reason: 'Lopend onderzoek naar de ex-partner; afgestemd met de politie.',
        setBy: 'procesregisseur',
        daysAgo: 24,
      },
    ],
  },
  {
    key: 'complex-aftercare',
    table: 'complex',
    state: 'MONITORING',
    registeredBy: 'reclassering',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 130,
    reason: 'Ex-gedetineerde zonder woning en inkomen keert terug in de regio.',
    goal: 'Wonen, inkomen en toezicht; terugval voorkomen.',
    members: ['om', 'gooise-meren', 'politie'],
    intake: { criteria: ALL_CRITERIA('Nazorg na detentie.') },
    persons: [
      {
        givenName: 'Bart',
        familyName: 'Verzinsel (fictief)',
        dateOfBirth: '1980-01-01',
        bsn: '999990159',
        role: 'OVERIG',
      },
    ],
    items: [
      {
        category: 'C6',
        title: 'Voorwaarden voorwaardelijke invrijheidstelling',
        body: 'Meldplicht en contactverbod; toezicht door de reclassering.',
        legalGround: 'WJSG_AANWIJZING',
        author: 'om',
        daysAgo: 125,
      },
      {
        category: 'C6',
        title: 'Voortgang toezicht',
        body: 'Betrokkene houdt zich aan de voorwaarden.',
        legalGround: 'WJSG_AANWIJZING',
        author: 'reclassering',
        daysAgo: 20,
      },
      {
        category: 'C3',
        title: 'Plan van aanpak',
        body: 'Woning via de gemeente, uitkering aangevraagd, toezicht door de reclassering.',
        author: 'procesregisseur',
        daysAgo: 110,
      },
    ],
    disclosures: [
      {
        from: 'om',
        to: 'reclassering',
        categories: ['C6'],
        purpose: 'Toezicht op de voorwaarden.',
        legalGround: 'WJSG_AANWIJZING',
        legalReference: 'Wjsg art. 8a',
        proposedBy: 'om',
        daysAgo: 124,
        state: 'APPROVED',
        decided: { by: 'voorzitter', daysAgo: 123 },
      },
    ],
  },
  {
    key: 'complex-closed',
    table: 'complex',
    state: 'AFGESLOTEN',
    registeredBy: 'veiligthuis',
    triagedBy: 'procesregisseur',
    openedDaysAgo: 300,
    closedDaysAgo: 30,
    reason: 'Ouder echtpaar met financiële uitbuiting door een kleinzoon.',
    goal: 'Financiële veiligheid en zorg.',
    members: ['huizen', 'om'],
    intake: { criteria: ALL_CRITERIA('Zorg, financiën en strafrecht.') },
    persons: [
      { givenName: 'Wendy', familyName: 'Schetsma (fictief)', dateOfBirth: '1944-04-14', role: 'OVERIG' },
    ],
    handover: { to: 'Gemeente Huizen, ouderenadviseur', data: 'Afspraken over bewindvoering.' },
  },
];

/** Registrations that did not (yet) become a case; every seeded case also has its own (CASE_CREATED). */
export const DEMO_REGISTRATIONS: DemoRegistration[] = [
  {
    key: 'draft-police',
    table: 'mensenhandel',
    state: 'CONCEPT',
    registeredBy: 'politie',
    daysAgo: 1,
    reason: 'Signalen van arbeidsuitbuiting in een nagelstudio (concept).',
    goal: '',
    intake: { criteria: ALL_CRITERIA(''), signals: ['arb-uren'] },
    persons: [{ givenName: 'Linh', familyName: 'Steekproef (fictief)', role: 'SLACHTOFFER' }],
  },
  {
    key: 'submitted-police',
    table: 'mensenhandel',
    state: 'AANGEMELD',
    registeredBy: 'politie',
    daysAgo: 2,
    reason: 'Bij een controle in een massagesalon noemt een vrouw een vriend die haar verdiensten beheert.',
    goal: 'Signalen duiden en hulp aanbieden.',
    intake: { criteria: ALL_CRITERIA('Zorg en veiligheid.'), signals: ['sek-loverboy', 'sek-geld-telefoon'] },
    // The same person as in an active case (name and birth date): triage sees the person-index hint.
    persons: [
      {
        givenName: 'Yara',
        familyName: 'Verzinsel (fictief)',
        dateOfBirth: '2000-02-29',
        role: 'SLACHTOFFER',
      },
    ],
    proposed: ['zorgcoordinatie'],
  },
  {
    key: 'submitted-ggz',
    table: 'mensenhandel',
    state: 'AANGEMELD',
    registeredBy: 'ggz',
    daysAgo: 1,
    reason: 'Cliënt werkt in een bakkerij zonder contract en slaapt in het magazijn.',
    goal: 'Woonruimte en bescherming tegen de werkgever.',
    intake: { criteria: ALL_CRITERIA('Zorg, wonen en werk.'), signals: ['arb-wonen', 'arb-uren'] },
    persons: [
      { givenName: 'Omar', familyName: 'Mithal (fictief)', dateOfBirth: '1994-03-03', role: 'SLACHTOFFER' },
    ],
    proposed: ['zorgcoordinatie', 'politie'],
  },
  {
    key: 'in-triage-vt',
    table: 'mensenhandel',
    state: 'IN_TRIAGE',
    registeredBy: 'veiligthuis',
    daysAgo: 3,
    reason: 'Een moeder meldt dat haar dochter van zestien ’s nachts wordt opgehaald door onbekende mannen.',
    goal: 'Veiligheid van het meisje.',
    intake: {
      criteria: { ...ALL_CRITERIA('Jeugd, zorg en veiligheid.'), systemAffected: true },
      signals: ['sek-uiterlijk', 'sek-geld-telefoon'],
    },
    persons: [
      {
        givenName: 'Jade',
        familyName: 'Denkbeeld (fictief)',
        dateOfBirth: '2009-12-01',
        role: 'SLACHTOFFER',
      },
      {
        givenName: 'Mirjam',
        familyName: 'Denkbeeld (fictief)',
        dateOfBirth: '1978-02-02',
        role: 'GEZINSLID',
      },
    ],
    proposed: ['politie', 'rvdk'],
  },
  {
    key: 'submitted-complex',
    table: 'complex',
    state: 'AANGEMELD',
    registeredBy: 'casusregisseur',
    daysAgo: 2,
    reason: 'Hoarding en dreigende huisuitzetting bij een alleenstaande man met psychische problemen.',
    goal: 'Huisuitzetting voorkomen en zorg op gang brengen.',
    intake: { criteria: { ...ALL_CRITERIA('Wonen en zorg.'), localSafetyProblem: true } },
    persons: [
      { givenName: 'Henk', familyName: 'Bedachtsma (fictief)', dateOfBirth: '1961-05-05', role: 'OVERIG' },
    ],
    proposed: ['ggz'],
  },
  {
    key: 'rejected-police',
    table: 'mensenhandel',
    state: 'AFGEWEZEN_MET_ADVIES',
    registeredBy: 'politie',
    daysAgo: 30,
    reason: 'Jonge man werkt veel uren in de zaak van zijn oom.',
    goal: 'Nagaan of er sprake is van uitbuiting.',
    intake: { criteria: ALL_CRITERIA('Twijfel over arbeidsomstandigheden.'), signals: ['arb-uren'] },
    persons: [
      { givenName: 'Sami', familyName: 'Oefenaar (fictief)', dateOfBirth: '2001-11-30', role: 'SLACHTOFFER' },
    ],
    triage: {
      by: 'triagist',
      daysAgo: 27,
      advice:
        'Geen aanwijzingen voor uitbuiting. Vraag de Arbeidsinspectie om een controle en bespreek het gezin in het lokale zorgnetwerk.',
    },
  },
  {
    key: 'bilateral-ggz',
    table: 'mensenhandel',
    state: 'BILATERAAL',
    registeredBy: 'ggz',
    daysAgo: 21,
    reason: 'Cliënte vertelt over eerdere uitbuiting; er is nu geen dreiging.',
    goal: 'Zorgen dat de juiste hulp beschikbaar is.',
    intake: { criteria: ALL_CRITERIA('Nazorg.'), signals: ['sek-zelfbeeld'] },
    persons: [
      {
        givenName: 'Roos',
        familyName: 'Schetsveld (fictief)',
        dateOfBirth: '1993-08-18',
        role: 'SLACHTOFFER',
      },
    ],
    triage: {
      by: 'procesregisseur',
      daysAgo: 19,
      advice: 'Geen tafel nodig: stem rechtstreeks af met de zorgcoördinator mensenhandel.',
    },
  },
  {
    key: 'local-complex',
    table: 'complex',
    state: 'DOORVERWEZEN_LOKAAL',
    registeredBy: 'casusregisseur',
    daysAgo: 15,
    reason: 'Overlast door een jongerengroep rond een buurthuis.',
    goal: 'Overlast verminderen en jongeren perspectief bieden.',
    intake: { criteria: { ...ALL_CRITERIA('Overlast en jeugd.'), localSafetyProblem: true } },
    persons: [
      { givenName: 'Milan', familyName: 'Probeerma (fictief)', dateOfBirth: '2007-07-17', role: 'OVERIG' },
    ],
    triage: {
      by: 'procesregisseur',
      daysAgo: 12,
      advice: 'Past bij het lokale overleg jeugd en veiligheid.',
      referral: 'Lokaal overleg jeugd en veiligheid Hilversum-Oost',
    },
  },
];
