import { DATA_CATEGORIES, type SignalDefinition, type VisibilityLevel, type VisibilityRule } from './cases';
import { PARTNER_TYPES, type PartnerType } from './identity';

/**
 * The default visibility matrix of DOMAIN.md b.4 (a proposal to be validated by each ZVH's FG and
 * covenant): per partner type one letter per category, in the order of DATA_CATEGORIES.
 * F = full, S = summary flag, O = only what the organisation supplied itself, - = nothing.
 * "F (own)" in DOMAIN.md is O here; "S→F via consent" is S (a consent-based disclosure opens it).
 */
const ROWS: Record<PartnerType, string> = {
  //                       C1 C1B C2 C3 C4 C5 C6 C7 C8 C9 C10 C11 C12 C13 C14
  ZVH: /*               */ 'F  F   F  F  S  S  S  -  S  S  S   S   S   F   F',
  GEMEENTE_SOCIAAL_DOMEIN: 'F  F   F  F  S  S  S  -  S  S  S   O   F   F   F',
  GEMEENTE_OOV: /*      */ 'F  -   F  F  -  S  S  -  S  -  -   F   -   F   F',
  POLITIE: /*           */ 'F  F   F  F  -  O  S  F  S  S  S   S   -   F   F',
  OM: /*                */ 'F  -   S  S  -  S  O  F  S  -  S   -   -   S   F',
  RECLASSERING: /*      */ 'F  -   F  F  S  S  S  -  -  -  -   -   S   S   F',
  RVDK_GI: /*           */ 'F  -   F  F  S  S  S  -  -  S  F   -   S   S   F',
  VEILIG_THUIS: /*      */ 'F  -   F  F  S  S  S  -  S  S  F   -   S   F   F',
  GGZ_ZORGAANBIEDER: /* */ 'F  -   F  F  O  S  S  -  -  S  S   -   S   S   F',
  ZORGCOORDINATOR: /*   */ 'F  -   F  F  S  S  S  -  F  F  S   -   F   F   F',
  COMENSHA: /*          */ 'S  -   S  S  -  -  -  -  S  S  -   -   -   S   F',
  IND: /*               */ 'S  -   -  -  -  -  -  -  F  -  -   -   -   -   F',
  NLA_KMAR: /*          */ 'F  -   S  S  -  S  -  O  S  -  -   S   -   F   F',
  RIEC: /*              */ 'S  -   S  S  -  -  -  -  -  -  -   F   -   S   F',
  SLACHTOFFERHULP: /*   */ 'F  -   S  S  -  -  -  -  -  S  -   -   -   -   F',
  WONINGCORPORATIE: /*  */ 'S  -   S  O  -  -  -  -  -  -  -   -   -   -   F',
};

const LETTERS: Record<string, VisibilityLevel> = { F: 'FULL', S: 'SUMMARY', O: 'OWN', '-': 'NONE' };

/** The default matrix as rules, one per category and partner type. */
export const DEFAULT_VISIBILITY_RULES: readonly VisibilityRule[] = PARTNER_TYPES.flatMap((partnerType) => {
  const letters = ROWS[partnerType].trim().split(/\s+/);
  if (letters.length !== DATA_CATEGORIES.length) {
    throw new Error(`Default matrix row for ${partnerType} has ${letters.length} cells`);
  }
  return DATA_CATEGORIES.map((category, index) => ({
    category,
    partnerType,
    level: LETTERS[letters[index]],
  }));
});

/** Embargoed items are visible to these partner types by default (issue 4). */
export const DEFAULT_EMBARGO_PARTNER_TYPES: readonly PartnerType[] = ['POLITIE', 'OM', 'NLA_KMAR'];

/**
 * Signal lists per exploitation form (DOMAIN.md §4.3), the default for a mensenhandel table. Ticks
 * are evidence for the procesregisseur and zorgcoördinator, never a score.
 */
export const DEFAULT_MENSENHANDEL_SIGNALS: readonly SignalDefinition[] = [
  {
    id: 'sek-uiterlijk',
    form: 'SEKSUEEL',
    label: 'Plotselinge verandering in kleding of make-up, verwondingen of tatoeages',
  },
  { id: 'sek-zelfbeeld', form: 'SEKSUEEL', label: 'Laag zelfbeeld, somberheid' },
  { id: 'sek-geld-telefoon', form: 'SEKSUEEL', label: 'Plotseling veel geld, voortdurend aan de telefoon' },
  {
    id: 'sek-loverboy',
    form: 'SEKSUEEL',
    label: 'Oudere vriend die bepaalt wat zij doet (loverboy-signalen)',
  },
  { id: 'arb-paspoort', form: 'ARBEID', label: 'Geen beschikking over paspoort of eigen bankrekening' },
  { id: 'arb-schuld', form: 'ARBEID', label: 'Schuld bij de werkgever of bemiddelaar' },
  { id: 'arb-uren', form: 'ARBEID', label: 'Zeer lange werkdagen, slechte arbeidsomstandigheden' },
  { id: 'arb-wonen', form: 'ARBEID', label: 'Woont op de werkplek of in huisvesting van de werkgever' },
  { id: 'arb-beloften', form: 'ARBEID', label: 'Valse beloften over werk of loon' },
  {
    id: 'crim-dwang',
    form: 'CRIMINEEL',
    label: 'Gedwongen tot drugssmokkel, diefstal of andere strafbare feiten',
  },
  { id: 'crim-bedreiging', form: 'CRIMINEEL', label: 'Bedreiging van betrokkene of familie' },
  {
    id: 'crim-afhankelijk',
    form: 'CRIMINEEL',
    label: 'Meervoudige afhankelijkheid (huisvesting, vervoer, schulden)',
  },
  {
    id: 'orgaan-medisch',
    form: 'ORGAANVERWIJDERING',
    label: 'Onverklaarde medische ingreep of littekens na reis',
  },
];
