import { createHash, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { IDS, itemDecision, ITEMS, type ItemSpec, type OrgKey, type PartyKey } from './authorization-world';

/**
 * Need-to-know extracts in the authorization matrix (issue 7): in the running MH case, the ZVH
 * procesregisseur composed two extracts for the OM that declined the table — one issued (approved
 * by the ZVH voorzitter, with its documents) and one waiting for approval. Both carry an item both
 * managers read in full. No disclosure row: the case's disclosure list in
 * the matrix stays the world's.
 */

export const EXTRACT_ROLES = {
  composer: 'ZVH procesregisseur',
  approver: 'ZVH voorzitter',
} as const satisfies Record<string, PartyKey>;
export const EXTRACT_RECIPIENT: OrgKey = 'omDeclined';
export const EXTRACT_CASE = 'running' as const;

/** An item of the running case both managers read in full (by the matrix, not by a noodknop). */
export const EXTRACT_ITEM = ITEMS.find(
  (i) =>
    i.caseKey === EXTRACT_CASE &&
    Object.values(EXTRACT_ROLES).every((party) => {
      const d = itemDecision(party, i);
      return d.visibility === 'FULL' && d.grantedBy !== 'BREAK_GLASS';
    }),
) as ItemSpec;
if (!EXTRACT_ITEM) {
  throw new Error('the matrix world has no item of the running case that both managers read in full');
}

export const EXTRACTS = {
  issued: { id: randomUUID(), number: `UT-M-${randomUUID().slice(0, 8)}` },
  pending: { id: randomUUID(), number: `UT-M-${randomUUID().slice(0, 8)}` },
};

export async function seedExtracts(owner: Client): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => owner.query(sql, params);
  const pdf = Buffer.from('%PDF-1.4 matrix (fictief)');
  const json = Buffer.from('{"matrix":true}');
  for (const [key, e] of Object.entries(EXTRACTS)) {
    const issued = key === 'issued';
    await q(
      `insert into extract (id, number, case_id, from_organisation_id, recipient_organisation_id, purpose, legal_ground,
         state, four_eyes, composed_by, composed_at, decided_by, decided_at, issued_at, pdf_sha256, json_sha256)
       values ($1, $2, $3, $4, $5, 'Matrix: vervolging (fictief)', 'WJSG_AANWIJZING', $6, true, $7, now() - interval '1 day',
               $8, $9, $9, $10, $11)`,
      [
        e.id,
        e.number,
        IDS.cases[EXTRACT_CASE],
        IDS.orgs.zvh,
        IDS.orgs[EXTRACT_RECIPIENT],
        issued ? 'VERSTREKT' : 'TER_GOEDKEURING',
        IDS.users[EXTRACT_ROLES.composer],
        issued ? IDS.users[EXTRACT_ROLES.approver] : null,
        issued ? new Date() : null,
        issued ? sha(pdf) : null,
        issued ? sha(json) : null,
      ],
    );
    await q(
      `insert into extract_item (extract_id, position, item_id, mode, category) values ($1, 0, $2, 'FULL', $3)`,
      [e.id, EXTRACT_ITEM.id, EXTRACT_ITEM.category],
    );
    if (issued) {
      await q(
        `insert into extract_document (extract_id, pdf, pdf_sha256, json, json_sha256)
         values ($1, $2, sha256($2), $3, sha256($3))`,
        [e.id, pdf, json],
      );
    }
  }
}

const sha = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();
