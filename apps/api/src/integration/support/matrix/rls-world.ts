import { randomBytes, randomUUID } from 'node:crypto';
import {
  CASE_ROLES,
  DEFAULT_EMBARGO_PARTNER_TYPES,
  ROLE_PERMISSIONS,
  type MembershipStatus,
  type PartnerType,
  type Sensitivity,
  type TableRole,
  type TableTheme,
} from '@casustafel/shared/contracts';
import type { Client } from 'pg';

/**
 * A small world for the row-level-security test: two regions, three tables, organisations that
 * take part in some cases and not in others, a user without a case role, a triagist and an
 * organisation that withdrew from a covenant but still has old participations and role rows.
 * Every table that holds case data gets rows in several cases, so a query that forgets its
 * filters shows at once whether RLS alone keeps the others out.
 */

type TableKey = 'T' | 'U' | 'V';
type OrgKey = 'A' | 'B' | 'C' | 'W' | 'D';
export type ActorKey = 'a' | 'aNoCaseRole' | 'b' | 'cTriagist' | 'wWithdrawn' | 'd';

const TABLES: Record<TableKey, { region: 1 | 2; theme: TableTheme }> = {
  T: { region: 1, theme: 'MENSENHANDEL' },
  U: { region: 1, theme: 'COMPLEX' },
  V: { region: 2, theme: 'COMPLEX' },
};

const ORGS: Record<
  OrgKey,
  { region: 1 | 2; partnerType: PartnerType; memberships: Partial<Record<TableKey, MembershipStatus>> }
> = {
  A: { region: 1, partnerType: 'GGZ_ZORGAANBIEDER', memberships: { T: 'SIGNATORY', U: 'SIGNATORY' } },
  B: { region: 1, partnerType: 'POLITIE', memberships: { T: 'SIGNATORY', U: 'SIGNATORY' } },
  C: { region: 1, partnerType: 'ZVH', memberships: { T: 'SIGNATORY', U: 'SIGNATORY' } },
  // Took part in T, then withdrew from its covenant; its participations and role rows remain.
  W: { region: 1, partnerType: 'VEILIG_THUIS', memberships: { T: 'WITHDRAWN' } },
  D: { region: 2, partnerType: 'GGZ_ZORGAANBIEDER', memberships: { V: 'SIGNATORY' } },
};

const ACTORS: Record<
  ActorKey,
  { org: OrgKey; roles: Partial<Record<TableKey, TableRole[]>>; describe: string }
> = {
  a: { org: 'A', roles: { T: ['DEELNEMER'] }, describe: 'user A (deelnemer at T; none at U)' },
  aNoCaseRole: {
    org: 'A',
    roles: { T: ['BEHEERDER', 'FG_AUDITOR'], U: ['FG_AUDITOR'] },
    describe: 'a beheerder/FG of organisation A (no case role)',
  },
  b: { org: 'B', roles: { T: ['DEELNEMER'], U: ['DEELNEMER'] }, describe: 'user B (police, embargo list)' },
  cTriagist: { org: 'C', roles: { T: ['TRIAGIST'] }, describe: 'a triagist of T' },
  wWithdrawn: {
    org: 'W',
    roles: { T: ['DEELNEMER'] },
    describe: 'a user of an organisation that withdrew from T',
  },
  d: { org: 'D', roles: { V: ['DEELNEMER'] }, describe: 'a user of another region' },
};

interface CaseSpec {
  table: TableKey;
  state: string;
  participants: OrgKey[];
  items: Array<{ author: OrgKey; sensitivity: Sensitivity }>;
}

const CASES: Record<string, CaseSpec> = {
  K1: {
    table: 'T',
    state: 'IN_UITVOERING',
    participants: ['A', 'B', 'C', 'W'],
    items: [
      { author: 'A', sensitivity: 'NORMAAL' },
      { author: 'B', sensitivity: 'NORMAAL' },
      { author: 'B', sensitivity: 'EMBARGO' },
      { author: 'C', sensitivity: 'GEVOELIG' },
    ],
  },
  K2: {
    table: 'T',
    state: 'INFORMATIEVERZAMELING',
    participants: ['B', 'C'],
    items: [
      { author: 'B', sensitivity: 'NORMAAL' },
      { author: 'C', sensitivity: 'NORMAAL' },
    ],
  },
  // A takes part, but user A holds no role at U.
  K3: {
    table: 'U',
    state: 'IN_UITVOERING',
    participants: ['A', 'B'],
    items: [
      { author: 'A', sensitivity: 'NORMAAL' },
      { author: 'B', sensitivity: 'NORMAAL' },
    ],
  },
  K4: {
    table: 'V',
    state: 'IN_UITVOERING',
    participants: ['D'],
    items: [{ author: 'D', sensitivity: 'NORMAAL' }],
  },
};

const REGISTRATIONS: Record<string, { table: TableKey; org: OrgKey; state: string }> = {
  G1: { table: 'T', org: 'A', state: 'AANGEMELD' },
  G2: { table: 'T', org: 'B', state: 'AANGEMELD' },
  G3: { table: 'U', org: 'C', state: 'AANGEMELD' },
  G4: { table: 'V', org: 'D', state: 'AANGEMELD' },
};

/** The case-data tables and how a row is named in the expectations. */
export const CASE_DATA_TABLES = {
  casus: 'id::text',
  case_participant: `case_id || '/' || organisation_id`,
  case_person: `case_id || '/' || person_id`,
  case_item: 'id::text',
  case_item_attachment: 'id::text',
  disclosure: 'id::text',
  information_request: 'id::text',
  case_mensenhandel: 'case_id::text',
  consent_record: 'id::text',
  case_informing: 'id::text',
  registration: 'id::text',
  registration_person: `registration_id || '/' || person_id`,
  person: 'id::text',
} as const;
export type CaseDataTable = keyof typeof CASE_DATA_TABLES;

export interface RlsWorld {
  ids: {
    regions: Record<1 | 2, string>;
    tables: Record<TableKey, string>;
    orgs: Record<OrgKey, string>;
    users: Record<ActorKey, string>;
    cases: Record<string, string>;
  };
  /** Every row per table, with what decides its visibility. */
  rows: Record<
    CaseDataTable,
    Array<{
      key: string;
      caseKey?: string;
      registrationKey?: string;
      visibleIf: (actor: ActorView) => boolean;
    }>
  >;
  actors: typeof ACTORS;
}

export interface ActorView {
  org: string | null;
  user: string | null;
  canSeeCase: (caseKey: string) => boolean;
  canSeeRegistration: (registrationKey: string) => boolean;
  partnerType: PartnerType | null;
}

const id = () => randomUUID();

export function buildRlsWorld(): RlsWorld {
  const ids = {
    regions: { 1: id(), 2: id() } as Record<1 | 2, string>,
    tables: { T: id(), U: id(), V: id() } as Record<TableKey, string>,
    orgs: Object.fromEntries(Object.keys(ORGS).map((k) => [k, id()])) as Record<OrgKey, string>,
    users: Object.fromEntries(Object.keys(ACTORS).map((k) => [k, id()])) as Record<ActorKey, string>,
    cases: Object.fromEntries(Object.keys(CASES).map((k) => [k, id()])) as Record<string, string>,
  };
  const rows: RlsWorld['rows'] = Object.fromEntries(
    Object.keys(CASE_DATA_TABLES).map((t) => [t, []]),
  ) as never;
  const ofCase = (caseKey: string) => (v: ActorView) => v.canSeeCase(caseKey);
  for (const [caseKey, spec] of Object.entries(CASES)) {
    const caseId = ids.cases[caseKey];
    rows.casus.push({ key: caseId, caseKey, visibleIf: ofCase(caseKey) });
    for (const org of spec.participants) {
      rows.case_participant.push({ key: `${caseId}/${ids.orgs[org]}`, caseKey, visibleIf: ofCase(caseKey) });
    }
    const personId = id();
    rows.person.push({ key: personId, caseKey, visibleIf: ofCase(caseKey) });
    rows.case_person.push({ key: `${caseId}/${personId}`, caseKey, visibleIf: ofCase(caseKey) });
    for (const item of spec.items) {
      const itemId = id();
      // The coarse wall of embargo: the author and the table's embargo list only.
      const visibleIf = (v: ActorView) =>
        v.canSeeCase(caseKey) &&
        (item.sensitivity !== 'EMBARGO' ||
          v.org === ids.orgs[item.author] ||
          (v.partnerType !== null && DEFAULT_EMBARGO_PARTNER_TYPES.includes(v.partnerType)));
      rows.case_item.push({ key: itemId, caseKey, visibleIf });
      rows.case_item_attachment.push({ key: id(), caseKey, visibleIf });
    }
    rows.disclosure.push({ key: id(), caseKey, visibleIf: ofCase(caseKey) });
    rows.information_request.push({ key: id(), caseKey, visibleIf: ofCase(caseKey) });
    rows.consent_record.push({ key: id(), caseKey, visibleIf: ofCase(caseKey) });
    rows.case_informing.push({ key: id(), caseKey, visibleIf: ofCase(caseKey) });
    if (TABLES[spec.table].theme === 'MENSENHANDEL') {
      rows.case_mensenhandel.push({ key: caseId, caseKey, visibleIf: ofCase(caseKey) });
    }
  }
  for (const registrationKey of Object.keys(REGISTRATIONS)) {
    const registrationId = id();
    const personId = id();
    const visibleIf = (v: ActorView) => v.canSeeRegistration(registrationKey);
    rows.registration.push({ key: registrationId, registrationKey, visibleIf });
    rows.registration_person.push({ key: `${registrationId}/${personId}`, registrationKey, visibleIf });
    rows.person.push({ key: personId, registrationKey, visibleIf });
  }
  return { ids, rows, actors: ACTORS };
}

const active = (org: OrgKey, table: TableKey) =>
  ['SIGNATORY', 'GUEST'].includes(ORGS[org].memberships[table] ?? 'NONE');

/**
 * What an actor may see at the level of RLS, by the migration's own statement of intent: "an
 * organisation sees nothing of a case it does not take part in, a user nothing of a table where
 * they hold no case role, and embargoed items stay with the author and the embargo list" — a role
 * counting only while the organisation takes part in the table's covenant (as the session does);
 * registrations: the registering organisation, and triage of the table.
 */
export function actorView(world: RlsWorld, actor: ActorKey | { org: OrgKey } | null): ActorView {
  if (actor === null) {
    return {
      org: null,
      user: null,
      partnerType: null,
      canSeeCase: () => false,
      canSeeRegistration: () => false,
    };
  }
  if (typeof actor === 'object') {
    const org = actor.org;
    return {
      org: world.ids.orgs[org],
      user: null,
      partnerType: ORGS[org].partnerType,
      canSeeCase: () => false,
      canSeeRegistration: (key) => REGISTRATIONS[key].org === org,
    };
  }
  const spec = ACTORS[actor];
  const rolesAt = (table: TableKey) => (active(spec.org, table) ? (spec.roles[table] ?? []) : []);
  return {
    org: world.ids.orgs[spec.org],
    user: world.ids.users[actor],
    partnerType: ORGS[spec.org].partnerType,
    canSeeCase: (key) =>
      CASES[key].participants.includes(spec.org) &&
      rolesAt(CASES[key].table).some((r) => CASE_ROLES.includes(r)),
    canSeeRegistration: (key) =>
      REGISTRATIONS[key].org === spec.org ||
      rolesAt(REGISTRATIONS[key].table).some((r) => ROLE_PERMISSIONS[r].includes('registrations.triage')),
  };
}

export async function seedRlsWorld(owner: Client, world: RlsWorld): Promise<void> {
  const { ids } = world;
  for (const region of [1, 2] as const) {
    await owner.query(`insert into region (id, code, name, is_demo) values ($1, $2, $3, true)`, [
      ids.regions[region],
      `rls-${region}-${ids.regions[region].slice(0, 6)}`,
      `RLS-regio ${region} (fictief)`,
    ]);
  }
  for (const [key, t] of Object.entries(TABLES) as Array<[TableKey, (typeof TABLES)[TableKey]]>) {
    await owner.query(
      `insert into case_table (id, region_id, name, theme, default_retention_months, processing_activity_id)
       values ($1, $2, $3, $4, 60, 'urn:casustafel:test:rls:v1')`,
      [ids.tables[key], ids.regions[t.region], `Tafel ${key} (fictief)`, t.theme],
    );
  }
  for (const [key, o] of Object.entries(ORGS) as Array<[OrgKey, (typeof ORGS)[OrgKey]]>) {
    await owner.query(
      `insert into organisation (id, region_id, name, partner_type) values ($1, $2, $3, $4)`,
      [ids.orgs[key], ids.regions[o.region], `Organisatie ${key} (fictief)`, o.partnerType],
    );
    for (const [table, status] of Object.entries(o.memberships)) {
      await owner.query(
        `insert into table_membership (table_id, organisation_id, status, since) values ($1, $2, $3, '2020-01-01')`,
        [ids.tables[table as TableKey], ids.orgs[key], status],
      );
    }
  }
  for (const [key, a] of Object.entries(ACTORS) as Array<[ActorKey, (typeof ACTORS)[ActorKey]]>) {
    await owner.query(
      `insert into app_user (id, organisation_id, email, display_name) values ($1, $2, $3, 'RLS-gebruiker (fictief)')`,
      [ids.users[key], ids.orgs[a.org], `rls-${ids.users[key]}@test.example`],
    );
    for (const [table, roles] of Object.entries(a.roles)) {
      for (const role of roles ?? []) {
        await owner.query(`insert into user_table_role (user_id, table_id, role) values ($1, $2, $3)`, [
          ids.users[key],
          ids.tables[table as TableKey],
          role,
        ]);
      }
    }
  }
  const someone = ids.users.b;
  const rowsOf = (table: CaseDataTable, caseKey: string) =>
    world.rows[table].filter((r) => r.caseKey === caseKey);
  for (const [caseKey, spec] of Object.entries(CASES)) {
    const caseId = ids.cases[caseKey];
    await owner.query(
      `insert into casus (id, number, table_id, state, opened_at, responsible_organisation_id, reason, goal, updated_at)
       values ($1, $2, $3, $4, now(), $5, 'Reden (fictief)', 'Doel (fictief)', now())`,
      [
        caseId,
        `RLS-${caseKey}-${caseId.slice(0, 4)}`,
        ids.tables[spec.table],
        spec.state,
        ids.orgs[spec.participants[0]],
      ],
    );
    for (const org of spec.participants) {
      await owner.query(
        `insert into case_participant (case_id, organisation_id, basis, since) values ($1, $2, 'MEMBER', now())`,
        [caseId, ids.orgs[org]],
      );
    }
    const [person] = rowsOf('person', caseKey);
    await owner.query(
      `insert into person (id, given_name, family_name, bsn_enc, bsn_hash, pseudonym)
       values ($1, 'Persoon', $2, $3, $4, $5)`,
      [person.key, `${caseKey} (fictief)`, randomBytes(40), randomBytes(32), `ps-${person.key}`],
    );
    await owner.query(
      `insert into case_person (case_id, person_id, role, position, owner_organisation_id) values ($1, $2, 'SLACHTOFFER', 0, $3)`,
      [caseId, person.key, ids.orgs[spec.participants[0]]],
    );
    const items = rowsOf('case_item', caseKey);
    const attachments = rowsOf('case_item_attachment', caseKey);
    for (const [index, item] of spec.items.entries()) {
      const authorUser = Object.entries(ACTORS).find(([, a]) => a.org === item.author)?.[0] as ActorKey;
      await owner.query(
        `insert into case_item (id, case_id, category, sensitivity, title, body, author_organisation_id, author_id,
           created_at, updated_at)
         values ($1, $2, 'C3', $3, 'Notitie (fictief)', 'Inhoud (fictief)', $4, $5, now(), now())`,
        [items[index].key, caseId, item.sensitivity, ids.orgs[item.author], ids.users[authorUser]],
      );
      await owner.query(
        `insert into case_item_attachment (id, item_id, file_name, content_type, size, sha256, content, created_at)
         values ($1, $2, 'bijlage.txt', 'text/plain', 4, $3, 'test', now())`,
        [attachments[index].key, items[index].key, randomBytes(32)],
      );
    }
    const other = spec.participants[1] ?? spec.participants[0];
    await owner.query(
      `insert into disclosure (id, case_id, from_organisation_id, to_organisation_id, categories, purpose, legal_ground,
         state, proposed_by, proposed_at)
       values ($1, $2, $3, $4, '{C3}', 'Doel (fictief)', 'AVG_6_1_E', 'APPROVED', $5, now())`,
      [
        rowsOf('disclosure', caseKey)[0].key,
        caseId,
        ids.orgs[spec.participants[0]],
        ids.orgs[other],
        someone,
      ],
    );
    await owner.query(
      `insert into information_request (id, case_id, to_organisation_id, question, categories, due_at, state,
         requested_by, requested_at)
       values ($1, $2, $3, 'Vraag (fictief)', '{C3}', current_date + 7, 'OPEN', $4, now())`,
      [rowsOf('information_request', caseKey)[0].key, caseId, ids.orgs[other], someone],
    );
    // A consent and an informing status, recorded by the ZVH (so user A, a deelnemer, may change neither).
    await owner.query(
      `insert into consent_record (id, case_id, person_id, kind, scope_organisation_ids, scope_categories, purpose,
         given_by, form, evidence_type, given_at, recorded_by, recorded_organisation_id, recorded_at)
       values ($1, $2, $3, 'TOESTEMMING_GEGEVENSDELING', $4, '{C3}', 'Doel (fictief)', 'BETROKKENE', 'SCHRIFTELIJK',
               'FORMULIER_GETEKEND', '2020-01-01', $5, $6, now())`,
      [
        rowsOf('consent_record', caseKey)[0].key,
        caseId,
        person.key,
        [ids.orgs[other]],
        ids.users.cTriagist,
        ids.orgs.C,
      ],
    );
    await owner.query(
      `insert into case_informing (id, case_id, seq, status, reason_code, review_at, set_by, set_organisation_id, set_at)
       values ($1, $2, 1, 'DEFERRED', 'LOPEND_ONDERZOEK', '2100-01-01', $3, $4, now())`,
      [rowsOf('case_informing', caseKey)[0].key, caseId, ids.users.cTriagist, ids.orgs.C],
    );
    if (TABLES[spec.table].theme === 'MENSENHANDEL') {
      await owner.query(
        `insert into case_mensenhandel (case_id, forms, shelter_address_enc, shelter_owner_id, updated_at)
         values ($1, '{SEKSUEEL}', $2, $3, now())`,
        [caseId, randomBytes(40), ids.orgs[spec.participants[0]]],
      );
    }
  }
  for (const [registrationKey, spec] of Object.entries(REGISTRATIONS)) {
    const [registration] = world.rows.registration.filter((r) => r.registrationKey === registrationKey);
    const [person] = world.rows.person.filter((r) => r.registrationKey === registrationKey);
    const registrant = Object.entries(ACTORS).find(([, a]) => a.org === spec.org)?.[0] as ActorKey;
    await owner.query(
      `insert into registration (id, number, table_id, state, registering_organisation_id, registered_by, created_at,
         submitted_at, reason, goal, discussed_with_person, criteria, updated_at)
       values ($1, $2, $3, $4, $5, $6, now(), now(), 'Reden (fictief)', 'Doel (fictief)', true, '{}', now())`,
      [
        registration.key,
        `R-${registration.key.slice(0, 8)}`,
        ids.tables[spec.table],
        spec.state,
        ids.orgs[spec.org],
        ids.users[registrant],
      ],
    );
    await owner.query(
      `insert into person (id, given_name, family_name, pseudonym) values ($1, 'Aangemelde', $2, $3)`,
      [person.key, `${registrationKey} (fictief)`, `ps-${person.key}`],
    );
    await owner.query(
      `insert into registration_person (registration_id, person_id, role, position) values ($1, $2, 'SLACHTOFFER', 0)`,
      [registration.key, person.key],
    );
  }
}
