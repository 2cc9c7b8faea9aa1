import { createTestDatabase, TestDatabase } from '@casustafel/api/testing';
import { CASE_STATES, PARTNER_TYPES } from '@casustafel/shared/contracts';
import { Client } from 'pg';
import {
  accessCode,
  approvedDisclosuresByRecipient,
  BREAK_GLASS_VARIANTS,
  buildGrid,
  DISCLOSURE_VARIANTS,
  expectedDecision,
  MATRIX_VARIANTS,
  OWNERSHIPS,
  RELATIONS,
  seedBreakGlass,
  seedGrid,
  type GridCombo,
} from './support/matrix/agreement-grid';
import { appRoleClient, inSecurityContext } from './support/matrix/db';

/**
 * One access policy, two faces (DESIGN-NOTES §2, issue 4 §10): the SQL function cst_visibility /
 * cst_access — called as the application role in a transaction whose security context is set like
 * the services set it — answers exactly what decide() answers, for every partner type in every
 * relationship, every category and sensitivity, every kind of ownership and disclosure, running and
 * expired break-glass openings, every case state, under the default matrix and a changed one. One batched query per actor and matrix.
 * cst_org_access (the live room's projection per organisation) answers what decide() answers
 * without the acting user's break-glass openings.
 */
const grid = buildGrid();
const approved = approvedDisclosuresByRecipient(grid);

interface Answer {
  i: number;
  visibility: string;
  access: string;
  orgAccess: string;
}

describe('policy agreement: cst_visibility (SQL) answers what decide() (TypeScript) answers', () => {
  let db: TestDatabase;
  let owner: Client;
  let app: Client;
  /** Which outcomes the grid produced, to show it exercised every rule. */
  const seen = new Map<string, number>();

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = new Client({ connectionString: db.url });
    await owner.connect();
    await seedGrid(owner, grid);
    await seedBreakGlass(owner, grid);
    app = await appRoleClient(db.url);
  });

  afterAll(async () => {
    await app?.end();
    await owner?.end();
    await db?.drop();
  });

  it('is a grid of thousands of combinations with every dimension covered', () => {
    expect(grid.combos.length).toBe(
      MATRIX_VARIANTS.length * PARTNER_TYPES.length * (RELATIONS.length * 15 * 3 + 15 * 2),
    );
    for (const state of CASE_STATES) {
      expect(grid.combos.filter((c) => c.state === state).length).toBeGreaterThan(400);
    }
    for (const variant of DISCLOSURE_VARIANTS) {
      expect(grid.combos.filter((c) => c.disclosure === variant).length).toBeGreaterThan(300);
    }
    for (const ownership of OWNERSHIPS) {
      expect(grid.combos.filter((c) => c.ownership === ownership).length).toBeGreaterThan(500);
    }
    for (const variant of BREAK_GLASS_VARIANTS) {
      expect(grid.combos.filter((c) => c.breakGlass === variant).length).toBeGreaterThan(500);
    }
  });

  const cells = MATRIX_VARIANTS.flatMap((variant) => grid.actors.map((actor) => ({ variant, actor })));

  it.each(cells.map((c) => [c.variant, c.actor.key, c] as const))(
    '%s × %s',
    async (_variant, _actor, cell) => {
      const combos = grid.combos.filter((c) => c.table.variant === cell.variant && c.actor === cell.actor);
      const answers = await inSecurityContext(
        app,
        { userId: cell.actor.userId, organisationId: cell.actor.organisationId, sessionId: null },
        async (client) =>
          (
            await client.query<Answer>(
              `select x.i, cst_visibility(x.case_id, x.category, x.sensitivity, x.owners, x.item) as visibility,
                    cst_access(x.case_id, x.category, x.sensitivity, x.owners, x.item) as access,
                    cst_org_access(x.case_id, x.category, x.sensitivity, x.owners, x.item) as "orgAccess"
             from jsonb_to_recordset($1::jsonb) as x(i int, case_id uuid, category text, sensitivity text,
                                                     owners uuid[], item uuid)`,
              [
                JSON.stringify(
                  combos.map((c) => ({
                    i: c.index,
                    case_id: c.caseId,
                    category: c.category,
                    sensitivity: c.sensitivity,
                    // The services pass array[owner_column], i.e. {NULL} when nobody owns it yet.
                    owners: c.owners.length > 0 ? c.owners : [null],
                    item: c.itemId,
                  })),
                ),
              ],
            )
          ).rows,
      );
      expect(answers).toHaveLength(combos.length);
      const byIndex = new Map(answers.map((a) => [a.i, a]));
      const mismatches: string[] = [];
      for (const combo of combos) {
        const expected = expectedDecision(grid, combo, approved);
        const answer = byIndex.get(combo.index) as Answer;
        const code = accessCode(expected);
        const rule = code.startsWith('FULL:BREAK_GLASS:') ? 'FULL:BREAK_GLASS' : code;
        seen.set(`${cell.variant}|${rule}`, (seen.get(`${cell.variant}|${rule}`) ?? 0) + 1);
        if (answer.visibility !== expected.visibility || answer.access !== code) {
          mismatches.push(`${describeCombo(combo)}: SQL ${answer.access}, decide() ${code}`);
        }
        // The live room's projection per organisation: the same policy without the user's openings.
        const orgCode = accessCode(expectedDecision(grid, combo, approved, { breakGlass: false }));
        if (answer.orgAccess !== orgCode) {
          mismatches.push(`${describeCombo(combo)}: cst_org_access ${answer.orgAccess}, decide() ${orgCode}`);
        }
      }
      expect(mismatches).toEqual([]);
    },
  );

  it('exercised every rule of the policy under both matrices', () => {
    const codes = [
      'FULL:OWN',
      'FULL:MATRIX',
      'FULL:DISCLOSURE',
      'FULL:EMBARGO_WHITELIST',
      'FULL:BREAK_GLASS',
      'SUMMARY',
      'NONE',
    ];
    const rare = MATRIX_VARIANTS.flatMap((variant) => codes.map((code) => `${variant}|${code}`)).filter(
      (key) => (seen.get(key) ?? 0) < 25,
    );
    expect(rare).toEqual([]);
  });
});

function describeCombo(c: GridCombo): string {
  return `${c.category}/${c.sensitivity} owned ${c.ownership}, disclosure ${c.disclosure}, break-glass ${c.breakGlass}, case ${c.state}${
    c.itemId ? '' : ' (no item id)'
  }`;
}
