import type { DataCategory } from './cases';
import type { PartnerType } from './identity';

/**
 * Break-the-glass (noodknop, DOMAIN.md §2.7 and b.3, ADR 0020): a procesregisseur opens one item
 * of a case they manage that the policy shows them only as a summary (or not at all), with a
 * written reason, for a limited time. Every opening and every read under it is logged, flagged,
 * and reviewed by the FG afterwards. Embargoed items cannot be opened.
 */
export const BREAK_GLASS_REASON_MIN = 10;
export const BREAK_GLASS_REASON_MAX = 2000;

export interface OpenBreakGlassRequest {
  /** Why the content is needed now, outside the normal procedure (10–2000 characters). */
  reason: string;
}

export interface BreakGlassGrantDto {
  id: string;
  caseId: string;
  itemId: string;
  openedAt: string;
  /** Until when the item is shown in full to the opener (ISO 8601). */
  expiresAt: string;
}

export const BREAK_GLASS_OUTCOMES = ['GERECHTVAARDIGD', 'NIET_GERECHTVAARDIGD'] as const;
export type BreakGlassOutcome = (typeof BREAK_GLASS_OUTCOMES)[number];

/** One opening in the FG's review queue: who, where, which category and why — never the content. */
export interface BreakGlassReviewDto {
  id: string;
  caseId: string;
  caseNumber: string;
  tableName: string;
  itemId: string;
  category: DataCategory;
  openedBy: string;
  organisation: { name: string; partnerType: PartnerType };
  reason: string;
  openedAt: string;
  expiresAt: string;
  /** Null until the FG has reviewed it. */
  review: { outcome: BreakGlassOutcome; note: string | null; reviewedBy: string; reviewedAt: string } | null;
  version: number;
}

export interface ReviewBreakGlassRequest {
  outcome: BreakGlassOutcome;
  /** Required when the opening was not justified. */
  note?: string | null;
  version: number;
}
