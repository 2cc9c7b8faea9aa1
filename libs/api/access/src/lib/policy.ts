import type {
  CaseState,
  DataCategory,
  ItemVisibility,
  PartnerType,
  ParticipationBasis,
  Sensitivity,
} from '@casustafel/shared/contracts';
import type { VisibilityMatrix } from './matrix';

/**
 * What the policy needs to know about the actor's relation to one case. `participation` is null
 * when the organisation does not take part (or the user holds no case role at the table): then
 * nothing of the case exists for them.
 */
export interface CaseAccess {
  organisationId: string;
  partnerType: PartnerType;
  participation: ParticipationBasis | null;
  caseState: CaseState;
  matrix: VisibilityMatrix;
  embargoPartnerTypes: readonly PartnerType[];
  /**
   * Approved, not revoked disclosures of this case to the actor's organisation. A disclosure covers
   * the items it names, and the items of its categories that its disclosing organisation owns: an
   * organisation can disclose only what it holds.
   */
  disclosures: ReadonlyArray<{
    fromOrganisationId: string;
    itemIds: readonly string[];
    categories: readonly DataCategory[];
    /** It cites a consent that has been withdrawn: it has lapsed and grants nothing. */
    consentWithdrawn: boolean;
  }>;
  /**
   * The acting user's break-glass openings (noodknop) in this case that count now: not expired,
   * and the user is still procesregisseur at the table. The caller filters; decide() does not
   * know the time. ADR 0020.
   */
  breakGlass?: ReadonlyArray<{ id: string; itemId: string }>;
}

/** Something of a case with a data category: an item, or a field group (persons, mensenhandel parts). */
export interface Guarded {
  id?: string;
  category: DataCategory;
  sensitivity: Sensitivity;
  /** Organisations that supplied it (and so always see it), e.g. the author; the shelter organisation. */
  owners: readonly string[];
}

export type Grant = 'OWN' | 'MATRIX' | 'DISCLOSURE' | 'EMBARGO_WHITELIST' | 'BREAK_GLASS';

export interface Decision {
  visibility: ItemVisibility;
  grantedBy?: Grant;
  /** The break-glass opening that granted it (grantedBy BREAK_GLASS). */
  breakGlassId?: string;
}

const NONE: Decision = { visibility: 'NONE' };

/**
 * The access policy for one guarded thing (DOMAIN.md b.3, ADR 0016), in this order:
 * 1. a destroyed case, or no participation: nothing;
 * 2. an owner sees it in full;
 * 3. embargo: only the table's whitelist sees it (in full) — others not even a summary;
 * 4. an approved disclosure to the organisation covering the item or its category: full — unless
 *    it cites a consent that has been withdrawn (then it has lapsed);
 * 5. an opening of this user for this item (break-glass, noodknop) that counts now: full;
 * 6. a guest sees nothing else;
 * 7. the matrix cell for (category, partner type): FULL (at most SUMMARY when GEVOELIG), SUMMARY,
 *    OWN (nothing of others) or NONE.
 * `itemVisibilitySql` is the same rule set in SQL; a test keeps the two in agreement.
 */
export function decide(access: CaseAccess, thing: Guarded): Decision {
  if (access.caseState === 'VERNIETIGD' || access.participation === null) {
    return NONE;
  }
  if (thing.owners.includes(access.organisationId)) {
    return { visibility: 'FULL', grantedBy: 'OWN' };
  }
  if (thing.sensitivity === 'EMBARGO') {
    return access.embargoPartnerTypes.includes(access.partnerType)
      ? { visibility: 'FULL', grantedBy: 'EMBARGO_WHITELIST' }
      : NONE;
  }
  const disclosed = access.disclosures.some(
    (d) =>
      !d.consentWithdrawn &&
      ((thing.id !== undefined && d.itemIds.includes(thing.id)) ||
        (d.categories.includes(thing.category) && thing.owners.includes(d.fromOrganisationId))),
  );
  if (disclosed) {
    return { visibility: 'FULL', grantedBy: 'DISCLOSURE' };
  }
  const opened = access.breakGlass?.find((g) => thing.id !== undefined && g.itemId === thing.id);
  if (opened) {
    return { visibility: 'FULL', grantedBy: 'BREAK_GLASS', breakGlassId: opened.id };
  }
  if (access.participation === 'GUEST') {
    return NONE;
  }
  const level = access.matrix.get(thing.category)?.get(access.partnerType) ?? 'NONE';
  switch (level) {
    case 'FULL':
      return thing.sensitivity === 'GEVOELIG'
        ? { visibility: 'SUMMARY', grantedBy: 'MATRIX' }
        : { visibility: 'FULL', grantedBy: 'MATRIX' };
    case 'SUMMARY':
      return { visibility: 'SUMMARY', grantedBy: 'MATRIX' };
    case 'OWN':
    case 'NONE':
      return NONE;
  }
}
