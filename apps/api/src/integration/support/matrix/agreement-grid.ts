import { randomUUID } from 'node:crypto';
import {
  decide,
  toMatrix,
  type CaseAccess,
  type Decision,
  type VisibilityMatrix,
} from '@casustafel/api/access';
import {
  CASE_STATES,
  DATA_CATEGORIES,
  DEFAULT_EMBARGO_PARTNER_TYPES,
  DEFAULT_VISIBILITY_RULES,
  PARTNER_TYPES,
  SENSITIVITIES,
  VISIBILITY_LEVELS,
  type CaseState,
  type DataCategory,
  type DisclosureState,
  type PartnerType,
  type Sensitivity,
  type VisibilityRule,
} from '@casustafel/shared/contracts';
import type { Client } from 'pg';

/**
 * The grid for the policy-agreement test: every partner type in every relationship to a case, for
 * every category and sensitivity, under two matrices (the default one, and a changed one as the
 * table's second version). Ownership (the actor, another organisation, both, nobody), case state
 * and disclosure situation are drawn per combination from a seeded generator, so every run checks
 * the same combinations and each value appears hundreds of times; plus a sweep of every cell of both
 * matrices.
 */

export const RELATIONS = ['MEMBER', 'GUEST', 'NOT_PARTICIPATING', 'NO_CASE_ROLE'] as const;
export type Relation = (typeof RELATIONS)[number];

export const OWNERSHIPS = ['OWN', 'OTHER', 'CO_OWNED', 'NOBODY'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
/** Owning it short-cuts every other rule, so things of others are drawn more often. */
const OWNERSHIP_DRAW: readonly Ownership[] = [
  'OWN',
  'CO_OWNED',
  'OTHER',
  'OTHER',
  'OTHER',
  'NOBODY',
  'NOBODY',
];

export const DISCLOSURE_VARIANTS = [
  'NONE',
  'ITEM_APPROVED',
  'ITEM_REVOKED',
  'ITEM_PROPOSED',
  'ITEM_REJECTED',
  'ITEM_TO_ANOTHER_ORGANISATION',
  'ITEM_IN_ANOTHER_CASE',
  'CATEGORY_FROM_OWNER',
  'CATEGORY_FROM_NON_OWNER',
  'CATEGORY_REVOKED',
  // A disclosure citing a consent: it grants while the consent stands, and lapses once withdrawn.
  'ITEM_CONSENT_ACTIVE',
  'ITEM_CONSENT_WITHDRAWN',
  'CATEGORY_CONSENT_WITHDRAWN',
  // The disclosure record of a need-to-know extract (issue 7): it grants nothing in the case.
  'ITEM_VIA_EXTRACT',
  'CATEGORY_VIA_EXTRACT',
] as const;
export type DisclosureVariant = (typeof DISCLOSURE_VARIANTS)[number];

/**
 * A break-glass opening (noodknop, ADR 0020) of an item: by the actor and still running, by the
 * actor but expired, or by another user of the actor's organisation. It counts only for a
 * procesregisseur (the MEMBER actors) and never breaks an embargo.
 */
export const BREAK_GLASS_VARIANTS = ['NONE', 'ACTIVE', 'EXPIRED', 'OTHER_USER'] as const;
export type BreakGlassVariant = (typeof BREAK_GLASS_VARIANTS)[number];
const BREAK_GLASS_DRAW: readonly BreakGlassVariant[] = ['NONE', 'ACTIVE', 'ACTIVE', 'EXPIRED', 'OTHER_USER'];

export const MATRIX_VARIANTS = ['default matrix', 'changed matrix (version 2)'] as const;
export type MatrixVariant = (typeof MATRIX_VARIANTS)[number];

export interface GridTable {
  variant: MatrixVariant;
  id: string;
  rules: readonly VisibilityRule[];
  matrix: VisibilityMatrix;
  embargoPartnerTypes: readonly PartnerType[];
  /** One case per state. */
  cases: Record<CaseState, string>;
}

export interface GridActor {
  key: string;
  userId: string;
  organisationId: string;
  partnerType: PartnerType;
  relation: Relation;
}

export interface GridOrganisation {
  id: string;
  partnerType: PartnerType;
  /** Participation in every case of both tables, or none. */
  basis: 'MEMBER' | 'GUEST' | null;
}

export interface GridDisclosure {
  id: string;
  caseId: string;
  from: string;
  to: string;
  itemIds: string[];
  categories: DataCategory[];
  state: DisclosureState;
  /** The consent it cites (one of each per case), if any. */
  consent: 'ACTIVE' | 'WITHDRAWN' | null;
  /** It records an extract (`disclosure.extract_id`): the policy leaves it out. */
  viaExtract?: boolean;
}

export interface GridCombo {
  index: number;
  actor: GridActor;
  table: GridTable;
  state: CaseState;
  caseId: string;
  category: DataCategory;
  sensitivity: Sensitivity;
  ownership: Ownership;
  disclosure: DisclosureVariant;
  breakGlass: BreakGlassVariant;
  /** The opening's id when there is one. */
  breakGlassId: string | null;
  /** Owners as the TypeScript side gets them; the SQL side gets `{NULL}` for nobody, as the services pass it. */
  owners: string[];
  itemId: string | null;
}

export interface Grid {
  regionId: string;
  tables: GridTable[];
  organisations: GridOrganisation[];
  actors: GridActor[];
  /** Owners and disclosers that are not actors; they take part as members. */
  helpers: {
    other: string;
    discloser: string;
    revokedDiscloser: string;
    lapsedDiscloser: string;
    third: string;
    recipient: string;
  };
  disclosures: GridDisclosure[];
  combos: GridCombo[];
}

/** A deterministic generator (mulberry32): the same grid on every run. */
function generator(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/**
 * The changed matrix: every cell moves one level (FULL→SUMMARY→OWN→NONE→FULL), so each cell
 * differs from the default and all four levels still occur.
 */
export function changedRules(): VisibilityRule[] {
  const next = (level: VisibilityRule['level']) =>
    VISIBILITY_LEVELS[(VISIBILITY_LEVELS.indexOf(level) + 1) % VISIBILITY_LEVELS.length];
  return DEFAULT_VISIBILITY_RULES.map((rule) => ({ ...rule, level: next(rule.level) }));
}

export const CHANGED_EMBARGO_PARTNER_TYPES: readonly PartnerType[] = [
  'GGZ_ZORGAANBIEDER',
  'COMENSHA',
  'POLITIE',
];

export function buildGrid(): Grid {
  const random = generator(20261125);
  const tables: GridTable[] = MATRIX_VARIANTS.map((variant) => {
    const rules = variant === 'default matrix' ? DEFAULT_VISIBILITY_RULES : changedRules();
    return {
      variant,
      id: randomUUID(),
      rules,
      matrix: toMatrix(rules),
      embargoPartnerTypes:
        variant === 'default matrix' ? DEFAULT_EMBARGO_PARTNER_TYPES : CHANGED_EMBARGO_PARTNER_TYPES,
      cases: Object.fromEntries(CASE_STATES.map((state) => [state, randomUUID()])) as Record<
        CaseState,
        string
      >,
    };
  });

  const organisations: GridOrganisation[] = [];
  const actors: GridActor[] = [];
  for (const partnerType of PARTNER_TYPES) {
    const member = { id: randomUUID(), partnerType, basis: 'MEMBER' as const };
    const guest = { id: randomUUID(), partnerType, basis: 'GUEST' as const };
    const outsider = { id: randomUUID(), partnerType, basis: null };
    organisations.push(member, guest, outsider);
    const byRelation: Record<Relation, string> = {
      MEMBER: member.id,
      GUEST: guest.id,
      NOT_PARTICIPATING: outsider.id,
      // A user of a participating organisation without a case role at the table (here: FG/auditor).
      NO_CASE_ROLE: member.id,
    };
    for (const relation of RELATIONS) {
      actors.push({
        key: `${partnerType} ${relation}`,
        userId: randomUUID(),
        organisationId: byRelation[relation],
        partnerType,
        relation,
      });
    }
  }
  const helper = (partnerType: PartnerType) => {
    const org = { id: randomUUID(), partnerType, basis: 'MEMBER' as const };
    organisations.push(org);
    return org.id;
  };
  const helpers = {
    other: helper('GGZ_ZORGAANBIEDER'),
    discloser: helper('VEILIG_THUIS'),
    revokedDiscloser: helper('RECLASSERING'),
    lapsedDiscloser: helper('GGZ_ZORGAANBIEDER'),
    third: helper('GEMEENTE_SOCIAAL_DOMEIN'),
    recipient: helper('ZORGCOORDINATOR'),
  };

  const disclosures: GridDisclosure[] = [];
  const categoryDisclosed = new Set<string>();
  const disclose = (d: Omit<GridDisclosure, 'id' | 'consent'> & { consent?: GridDisclosure['consent'] }) =>
    disclosures.push({ id: randomUUID(), consent: null, ...d });
  const combos: GridCombo[] = [];
  for (const table of tables) {
    for (const actor of actors) {
      for (const category of DATA_CATEGORIES) {
        for (const sensitivity of SENSITIVITIES) {
          const ownership = OWNERSHIP_DRAW[random(OWNERSHIP_DRAW.length)];
          const state = CASE_STATES[random(CASE_STATES.length)];
          const disclosure = DISCLOSURE_VARIANTS[random(DISCLOSURE_VARIANTS.length)];
          const caseId = table.cases[state];
          const itemId = disclosure === 'NONE' && random(2) === 0 ? null : randomUUID();
          // An opening names a real item (the table has a foreign key to it).
          const breakGlass = itemId ? BREAK_GLASS_DRAW[random(BREAK_GLASS_DRAW.length)] : 'NONE';
          // The "other" owner depends on the disclosure situation, so that a category disclosure
          // covers exactly the combinations that were drawn for it.
          const other =
            disclosure === 'CATEGORY_FROM_OWNER'
              ? helpers.discloser
              : disclosure === 'CATEGORY_REVOKED'
                ? helpers.revokedDiscloser
                : disclosure === 'CATEGORY_CONSENT_WITHDRAWN'
                  ? helpers.lapsedDiscloser
                  : helpers.other;
          const owners = {
            OWN: [actor.organisationId],
            OTHER: [other],
            CO_OWNED: [other, actor.organisationId],
            NOBODY: [],
          }[ownership];
          const base = { caseId, from: other, to: actor.organisationId, categories: [] as DataCategory[] };
          const item = itemId ? [itemId] : [];
          switch (disclosure) {
            case 'ITEM_APPROVED':
              disclose({ ...base, itemIds: item, state: 'APPROVED' });
              break;
            case 'ITEM_REVOKED':
              disclose({ ...base, itemIds: item, state: 'REVOKED' });
              break;
            case 'ITEM_PROPOSED':
              disclose({ ...base, itemIds: item, state: 'PROPOSED' });
              break;
            case 'ITEM_REJECTED':
              disclose({ ...base, itemIds: item, state: 'REJECTED' });
              break;
            case 'ITEM_TO_ANOTHER_ORGANISATION':
              disclose({ ...base, to: helpers.recipient, itemIds: item, state: 'APPROVED' });
              break;
            case 'ITEM_IN_ANOTHER_CASE': {
              const elsewhere = CASE_STATES[(CASE_STATES.indexOf(state) + 1) % CASE_STATES.length];
              disclose({ ...base, caseId: table.cases[elsewhere], itemIds: item, state: 'APPROVED' });
              break;
            }
            case 'ITEM_CONSENT_ACTIVE':
            case 'ITEM_CONSENT_WITHDRAWN':
              disclose({
                ...base,
                itemIds: item,
                state: 'APPROVED',
                consent: disclosure === 'ITEM_CONSENT_ACTIVE' ? 'ACTIVE' : 'WITHDRAWN',
              });
              break;
            case 'ITEM_VIA_EXTRACT':
              disclose({ ...base, itemIds: item, state: 'APPROVED', viaExtract: true });
              break;
            case 'CATEGORY_VIA_EXTRACT': {
              const key = `${caseId}|${other}|${actor.organisationId}|${category}|extract`;
              if (!categoryDisclosed.has(key)) {
                categoryDisclosed.add(key);
                disclose({
                  ...base,
                  itemIds: [],
                  categories: [category],
                  state: 'APPROVED',
                  viaExtract: true,
                });
              }
              break;
            }
            case 'CATEGORY_FROM_OWNER':
            case 'CATEGORY_FROM_NON_OWNER':
            case 'CATEGORY_REVOKED':
            case 'CATEGORY_CONSENT_WITHDRAWN': {
              const from = disclosure === 'CATEGORY_FROM_NON_OWNER' ? helpers.third : other;
              const key = `${caseId}|${from}|${actor.organisationId}|${category}`;
              if (!categoryDisclosed.has(key)) {
                categoryDisclosed.add(key);
                disclose({
                  ...base,
                  from,
                  itemIds: [],
                  categories: [category],
                  state: disclosure === 'CATEGORY_REVOKED' ? 'REVOKED' : 'APPROVED',
                  consent: disclosure === 'CATEGORY_CONSENT_WITHDRAWN' ? 'WITHDRAWN' : null,
                });
              }
              break;
            }
            case 'NONE':
              break;
          }
          combos.push({
            index: combos.length,
            actor,
            table,
            state,
            caseId,
            category,
            sensitivity,
            ownership,
            disclosure,
            breakGlass,
            breakGlassId: breakGlass === 'NONE' ? null : randomUUID(),
            owners,
            itemId,
          });
        }
      }
    }
  }
  // And a sweep of both matrices: every cell, read by a participating member, for a thing of
  // another organisation without any disclosure, NORMAAL and GEVOELIG (at most a summary).
  for (const table of tables) {
    for (const actor of actors.filter((a) => a.relation === 'MEMBER')) {
      for (const category of DATA_CATEGORIES) {
        for (const sensitivity of ['NORMAAL', 'GEVOELIG'] as const) {
          combos.push({
            index: combos.length,
            actor,
            table,
            state: 'IN_UITVOERING',
            caseId: table.cases.IN_UITVOERING,
            category,
            sensitivity,
            ownership: 'OTHER',
            disclosure: 'NONE',
            breakGlass: 'NONE',
            breakGlassId: null,
            owners: [helpers.other],
            itemId: randomUUID(),
          });
        }
      }
    }
  }
  return { regionId: randomUUID(), tables, organisations, actors, helpers, disclosures, combos };
}

/** The TypeScript side: decide() with the case access built from the grid's own data (not the database). */
export function expectedDecision(
  grid: Grid,
  combo: GridCombo,
  approvedTo: Map<string, GridDisclosure[]>,
  options: { breakGlass?: boolean } = {},
): Decision {
  const participates =
    combo.actor.relation === 'MEMBER' ? 'MEMBER' : combo.actor.relation === 'GUEST' ? 'GUEST' : null;
  const access: CaseAccess = {
    organisationId: combo.actor.organisationId,
    partnerType: combo.actor.partnerType,
    participation: participates,
    caseState: combo.state,
    matrix: combo.table.matrix,
    embargoPartnerTypes: combo.table.embargoPartnerTypes,
    disclosures: (approvedTo.get(`${combo.caseId}|${combo.actor.organisationId}`) ?? []).map((d) => ({
      fromOrganisationId: d.from,
      itemIds: d.itemIds,
      categories: d.categories,
      consentWithdrawn: d.consent === 'WITHDRAWN',
    })),
    // The caller's filter: the actor's own, running openings, while procesregisseur (MEMBER here).
    breakGlass:
      options.breakGlass !== false &&
      combo.breakGlass === 'ACTIVE' &&
      combo.actor.relation === 'MEMBER' &&
      combo.itemId &&
      combo.breakGlassId
        ? [{ id: combo.breakGlassId, itemId: combo.itemId }]
        : [],
  };
  return decide(access, {
    id: combo.itemId ?? undefined,
    category: combo.category,
    sensitivity: combo.sensitivity,
    owners: combo.owners,
  });
}

export function approvedDisclosuresByRecipient(grid: Grid): Map<string, GridDisclosure[]> {
  const map = new Map<string, GridDisclosure[]>();
  // As the services load them: approved, and not an extract's record.
  for (const d of grid.disclosures.filter((x) => x.state === 'APPROVED' && !x.viaExtract)) {
    const key = `${d.caseId}|${d.to}`;
    map.set(key, [...(map.get(key) ?? []), d]);
  }
  return map;
}

/** cst_access's answer written the way decide() gives it: 'FULL:<grant>[:<opening>]', 'SUMMARY' or 'NONE'. */
export function accessCode(decision: Decision): string {
  if (decision.visibility !== 'FULL') {
    return decision.visibility;
  }
  return decision.breakGlassId ? `FULL:BREAK_GLASS:${decision.breakGlassId}` : `FULL:${decision.grantedBy}`;
}

/** Writes the grid as the schema owner, in a handful of batched statements. */
export async function seedGrid(owner: Client, grid: Grid): Promise<void> {
  await owner.query(
    `insert into region (id, code, name, is_demo) values ($1, $2, 'Matrixregio (fictief)', true)`,
    [grid.regionId, `matrix-${grid.regionId.slice(0, 8)}`],
  );
  await owner.query(
    `insert into organisation (id, region_id, name, partner_type)
     select id, $1, 'Organisatie ' || left(id::text, 8) || ' (fictief)', pt from unnest($2::uuid[], $3::text[]) as x(id, pt)`,
    [grid.regionId, grid.organisations.map((o) => o.id), grid.organisations.map((o) => o.partnerType)],
  );
  for (const table of grid.tables) {
    await owner.query(
      `insert into case_table (id, region_id, name, theme, default_retention_months, processing_activity_id,
         matrix_version, embargo_partner_types)
       values ($1, $2, $3, 'COMPLEX', 60, 'urn:casustafel:test:agreement:v1', $4, $5)`,
      [
        table.id,
        grid.regionId,
        table.variant,
        table.variant === 'default matrix' ? 1 : 2,
        table.embargoPartnerTypes,
      ],
    );
    const versions =
      table.variant === 'default matrix'
        ? [{ version: 1, rules: DEFAULT_VISIBILITY_RULES, embargo: DEFAULT_EMBARGO_PARTNER_TYPES }]
        : [
            // Version 1 stays as history; the table points at version 2.
            { version: 1, rules: DEFAULT_VISIBILITY_RULES, embargo: DEFAULT_EMBARGO_PARTNER_TYPES },
            { version: 2, rules: table.rules, embargo: table.embargoPartnerTypes },
          ];
    for (const v of versions) {
      await owner.query(
        `insert into visibility_matrix_version (table_id, version, changed_at, reason, embargo_partner_types)
         values ($1, $2, now(), 'matrixtest', $3)`,
        [table.id, v.version, v.embargo],
      );
      await owner.query(
        `insert into visibility_rule (table_id, version, category, partner_type, level)
         select $1, $2, c, p, l from unnest($3::text[], $4::text[], $5::text[]) as x(c, p, l)`,
        [
          table.id,
          v.version,
          v.rules.map((r) => r.category),
          v.rules.map((r) => r.partnerType),
          v.rules.map((r) => r.level),
        ],
      );
    }
    await owner.query(
      `insert into table_membership (table_id, organisation_id, status, since)
       select $1, id, case when b = 'GUEST' then 'GUEST' else 'SIGNATORY' end, '2020-01-01'
       from unnest($2::uuid[], $3::text[]) as x(id, b)`,
      [table.id, grid.organisations.map((o) => o.id), grid.organisations.map((o) => o.basis ?? 'MEMBER')],
    );
  }
  const responsible = grid.helpers.other;
  const cases = grid.tables.flatMap((t) =>
    CASE_STATES.map((state) => ({ id: t.cases[state], table: t.id, state })),
  );
  await owner.query(
    `insert into casus (id, number, table_id, state, opened_at, responsible_organisation_id, updated_at)
     select id, 'AG-' || left(id::text, 8), t, s, now(), $4, now() from unnest($1::uuid[], $2::uuid[], $3::text[]) as x(id, t, s)`,
    [cases.map((c) => c.id), cases.map((c) => c.table), cases.map((c) => c.state), responsible],
  );
  const participants = grid.organisations.filter((o) => o.basis !== null);
  await owner.query(
    `insert into case_participant (case_id, organisation_id, basis, since)
     select c, o.id, o.b, now() from unnest($1::uuid[]) as c cross join unnest($2::uuid[], $3::text[]) as o(id, b)`,
    [cases.map((c) => c.id), participants.map((o) => o.id), participants.map((o) => o.basis)],
  );
  await owner.query(
    `insert into app_user (id, organisation_id, email, display_name)
     select id, org, 'agreement-' || id || '@test.example', 'Matrixgebruiker (fictief)'
     from unnest($1::uuid[], $2::uuid[]) as x(id, org)`,
    [grid.actors.map((a) => a.userId), grid.actors.map((a) => a.organisationId)],
  );
  // A user of the organisation who holds a role at the table, but not one that works with cases;
  // members are procesregisseur (a break-glass opening counts only for them).
  const roleOf = (a: GridActor) =>
    a.relation === 'NO_CASE_ROLE' ? 'FG_AUDITOR' : a.relation === 'MEMBER' ? 'PROCESREGISSEUR' : 'DEELNEMER';
  await owner.query(
    `insert into user_table_role (user_id, table_id, role)
     select u, t, r from unnest($1::uuid[], $2::text[]) as x(u, r) cross join unnest($3::uuid[]) as t`,
    [grid.actors.map((a) => a.userId), grid.actors.map(roleOf), grid.tables.map((t) => t.id)],
  );
  const proposer = grid.actors[0].userId;
  // Per case a person and two consents of theirs: one that stands, one withdrawn.
  const consents = new Map(
    cases.map((c) => [c.id, { person: randomUUID(), ACTIVE: randomUUID(), WITHDRAWN: randomUUID() }]),
  );
  const perCase = [...consents].map(([caseId, k]) => ({ case_id: caseId, ...k }));
  await owner.query(
    `insert into person (id, given_name, family_name, pseudonym)
     select x.person, 'Matrix', 'Persoon (fictief)', 'ag-' || x.person from jsonb_to_recordset($1::jsonb) as x(person uuid)`,
    [JSON.stringify(perCase)],
  );
  await owner.query(
    `insert into case_person (case_id, person_id, role, position, owner_organisation_id)
     select x.case_id, x.person, 'SLACHTOFFER', 0, $2 from jsonb_to_recordset($1::jsonb) as x(case_id uuid, person uuid)`,
    [JSON.stringify(perCase), responsible],
  );
  await owner.query(
    `insert into consent_record (id, case_id, person_id, kind, scope_organisation_ids, scope_categories, purpose, given_by,
       form, evidence_type, given_at, recorded_by, recorded_organisation_id, recorded_at, withdrawn_at, withdrawn_by)
     select k.id, x.case_id, x.person, 'TOESTEMMING_GEGEVENSDELING', $2, '{C1}', 'matrixtest', 'BETROKKENE',
            'SCHRIFTELIJK', 'FORMULIER_GETEKEND', '2020-01-01', $3, $4, now(),
            case when k.withdrawn then now() end, case when k.withdrawn then $3::uuid end
     from jsonb_to_recordset($1::jsonb) as x(case_id uuid, person uuid, "ACTIVE" uuid, "WITHDRAWN" uuid)
     cross join lateral (values (x."ACTIVE", false), (x."WITHDRAWN", true)) as k(id, withdrawn)`,
    [JSON.stringify(perCase), [responsible], proposer, responsible],
  );
  const d = grid.disclosures;
  // The extracts whose disclosure records are in the grid (their state does not matter to the policy).
  await owner.query(
    `insert into extract (id, number, case_id, from_organisation_id, recipient_organisation_id, purpose, legal_ground,
       state, four_eyes, composed_by, composed_at)
     select x.id, 'AG-' || x.id, x.case_id, x.from_org, x.to_org, 'matrixtest', 'AVG_6_1_E', 'TER_GOEDKEURING', true,
            $2, now()
     from jsonb_to_recordset($1::jsonb) as x(id uuid, case_id uuid, from_org uuid, to_org uuid)`,
    [
      JSON.stringify(
        d
          .filter((x) => x.viaExtract)
          .map((x) => ({ id: x.id, case_id: x.caseId, from_org: x.from, to_org: x.to })),
      ),
      proposer,
    ],
  );
  await owner.query(
    `insert into disclosure (id, case_id, from_organisation_id, to_organisation_id, item_ids, categories, purpose,
       legal_ground, state, proposed_by, proposed_at, consent_id, extract_id)
     select x.id, x.case_id, x.from_org, x.to_org,
            array(select jsonb_array_elements_text(x.items)::uuid), array(select jsonb_array_elements_text(x.cats)),
            'matrixtest', 'AVG_6_1_E', x.state, $2, now(), x.consent_id, x.extract_id
     from jsonb_to_recordset($1::jsonb) as x(id uuid, case_id uuid, from_org uuid, to_org uuid, items jsonb, cats jsonb,
                                             state text, consent_id uuid, extract_id uuid)`,
    [
      JSON.stringify(
        d.map((x) => ({
          id: x.id,
          case_id: x.caseId,
          from_org: x.from,
          to_org: x.to,
          items: x.itemIds,
          cats: x.categories,
          state: x.state,
          consent_id: x.consent ? consents.get(x.caseId)?.[x.consent] : null,
          // An extract's record names its extract (same id, for the grid).
          extract_id: x.viaExtract ? x.id : null,
        })),
      ),
      proposer,
    ],
  );
}

/**
 * The items that have a break-glass opening, and the openings: by the actor (running or expired)
 * or by another user of its organisation (running). Written as the owner, past the checks the
 * service and the insert policy make, so that the SQL policy itself must refuse what does not count
 * (an embargo, a guest, someone else's opening).
 */
export async function seedBreakGlass(owner: Client, grid: Grid): Promise<void> {
  const opened = grid.combos.filter((c) => c.breakGlass !== 'NONE');
  const author = grid.actors[0].userId;
  const otherUser = (actor: GridActor) =>
    (
      grid.actors.find((a) => a.organisationId === actor.organisationId && a.userId !== actor.userId) ??
      grid.actors[0]
    ).userId;
  await owner.query(
    `insert into case_item (id, case_id, category, sensitivity, title, body, author_organisation_id, author_id,
       created_at, updated_at)
     select x.item, x.case_id, x.category, x.sensitivity, 'Matrixitem', 'matrixtest', x.org, $2, now(), now()
     from jsonb_to_recordset($1::jsonb) as x(item uuid, case_id uuid, category text, sensitivity text, org uuid)`,
    [
      JSON.stringify(
        opened.map((c) => ({
          item: c.itemId,
          case_id: c.caseId,
          category: c.category,
          sensitivity: c.sensitivity,
          org: c.owners[0] ?? grid.helpers.other,
        })),
      ),
      author,
    ],
  );
  await owner.query(
    `insert into break_glass (id, case_id, item_id, category, user_id, organisation_id, reason, opened_at, expires_at)
     select x.id, x.case_id, x.item, x.category, x.user_id, x.org, 'Matrixtest noodknop (fictief)',
            now() - make_interval(mins => x.age), now() - make_interval(mins => x.age) + interval '60 minutes'
     from jsonb_to_recordset($1::jsonb) as x(id uuid, case_id uuid, item uuid, category text, user_id uuid, org uuid, age int)`,
    [
      JSON.stringify(
        opened.map((c) => ({
          id: c.breakGlassId,
          case_id: c.caseId,
          item: c.itemId,
          category: c.category,
          user_id: c.breakGlass === 'OTHER_USER' ? otherUser(c.actor) : c.actor.userId,
          org: c.actor.organisationId,
          age: c.breakGlass === 'EXPIRED' ? 180 : 10,
        })),
      ),
    ],
  );
}
