import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PersonsService } from '@casustafel/api/cases';
import { installDefaultTableConfig, shelterAddressContext } from '@casustafel/api/database';
import { SecretBox } from '@casustafel/api/platform';
import { TEST_PASSWORD } from '@casustafel/api/testing';
import { argon2id, hash } from 'argon2';
import type { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import {
  BREAK_GLASS,
  CASE_KEYS,
  CASES,
  CONSENTS,
  CORE,
  DISCLOSURES,
  IDS,
  INFORMING,
  ITEMS,
  MEETING,
  MENSENHANDEL,
  ORGS,
  PARTIES,
  PARTY_KEYS,
  PERSONS,
  REGISTRATIONS,
  REQUESTER,
  REQUESTS,
  RIGHTS_REQUESTS,
  TABLE_SPECS,
  orgIdOf,
  participantsOf,
  userOfOrg,
  type CaseKey,
  type InformingEntrySpec,
  type OrgKey,
  type PartyKey,
  type TableKey,
} from './authorization-world';
import { seedConference } from './conference-world';
import { seedExtracts } from './extract-world';

export const emailOf = (party: PartyKey) => `matrix-${IDS.users[party].slice(0, 8)}@test.example`;

/** Person ids (assigned by PersonsService while seeding) by PersonSpec key. */
export type PersonIds = Record<string, string>;

/**
 * Writes the matrix world as the schema owner, in batched statements; encrypted fields (BSN,
 * shelter address) through the app's own PersonsService and SecretBox, so the API can open them.
 */
export async function seedAuthorizationWorld(owner: Client, app: NestFastifyApplication): Promise<PersonIds> {
  const q = (sql: string, params: unknown[] = []) => owner.query(sql, params);
  const batch = (sql: string, rows: unknown[], ...more: unknown[]) => q(sql, [JSON.stringify(rows), ...more]);

  for (const region of [1, 2] as const) {
    await q(`insert into region (id, code, name, is_demo) values ($1, $2, $3, true)`, [
      IDS.regions[region],
      `matrix-${region}-${IDS.regions[region].slice(0, 6)}`,
      `Matrixregio ${region} (fictief)`,
    ]);
  }
  await batch(
    `insert into organisation (id, region_id, name, partner_type, legal_regimes)
     select id, region, name, pt, '{AVG}' from jsonb_to_recordset($1::jsonb) as x(id uuid, region uuid, name text, pt text)`,
    [
      ...(Object.entries(ORGS) as Array<[OrgKey, (typeof ORGS)[OrgKey]]>).map(([key, o]) => ({
        id: IDS.orgs[key],
        region: IDS.regions[1],
        name: `${key} (fictief)`,
        pt: o.partnerType,
      })),
      { id: IDS.elsewhereOrg, region: IDS.regions[2], name: 'Elders (fictief)', pt: 'ZVH' },
    ],
  );
  for (const [key, spec] of Object.entries(TABLE_SPECS) as Array<
    [TableKey, (typeof TABLE_SPECS)[TableKey]]
  >) {
    await q(
      `insert into case_table (id, region_id, name, theme, default_retention_months, processing_activity_id)
       values ($1, $2, $3, $4, 60, $5)`,
      [
        IDS.tables[key],
        IDS.regions[spec.region],
        `${spec.label} (fictief)`,
        spec.theme,
        `urn:casustafel:test:matrix:${key}:v1`,
      ],
    );
    await installDefaultTableConfig(owner, IDS.tables[key], spec.theme);
  }
  const memberships = (Object.entries(ORGS) as Array<[OrgKey, (typeof ORGS)[OrgKey]]>).flatMap(([org, o]) =>
    Object.entries(o.memberships).map(([table, status]) => ({
      table: IDS.tables[table as TableKey],
      org: IDS.orgs[org],
      status,
    })),
  );
  memberships.push({ table: IDS.tables.ELSEWHERE, org: IDS.elsewhereOrg, status: 'SIGNATORY' });
  await batch(
    `insert into table_membership (table_id, organisation_id, status, since, document_ref)
     select t, o, s, '2020-01-01', 'matrixtest' from jsonb_to_recordset($1::jsonb) as x(t uuid, o uuid, s text)`,
    memberships.map((m) => ({ t: m.table, o: m.org, s: m.status })),
  );

  const passwordHash = await hash(TEST_PASSWORD, {
    type: argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  await q(
    `insert into app_user (id, organisation_id, email, display_name, password_hash, is_demo)
     select id, org, email, name, $2, true from jsonb_to_recordset($1::jsonb) as x(id uuid, org uuid, email text, name text)`,
    [
      JSON.stringify(
        PARTY_KEYS.map((p) => ({
          id: IDS.users[p],
          org: IDS.orgs[PARTIES[p].org],
          email: emailOf(p),
          name: `${p} (fictief)`,
        })),
      ),
      passwordHash,
    ],
  );
  await batch(
    `insert into user_table_role (user_id, table_id, role) select u, t, r from jsonb_to_recordset($1::jsonb) as x(u uuid, t uuid, r text)`,
    PARTY_KEYS.flatMap((p) =>
      Object.entries(PARTIES[p].roles).flatMap(([table, roles]) =>
        (roles as string[]).map((r) => ({ u: IDS.users[p], t: IDS.tables[table as TableKey], r })),
      ),
    ),
  );

  await batch(
    `insert into casus (id, number, table_id, state, opened_at, closed_at, responsible_organisation_id, procesregisseur_id,
       reason, goal, updated_at)
     select id, number, t, s, now() - interval '30 days', case when s in ('AFGESLOTEN', 'VERNIETIGD') then now() end,
            resp, $2::uuid, reason, goal, now()
     from jsonb_to_recordset($1::jsonb) as x(id uuid, number text, t uuid, s text, resp uuid, reason text, goal text)`,
    CASE_KEYS.map((k) => ({
      id: IDS.cases[k],
      number: `MX-${k.toUpperCase()}-${IDS.cases[k].slice(0, 4)}`,
      t: IDS.tables[CASES[k].table],
      s: CASES[k].state,
      resp: IDS.orgs[CASES[k].responsible],
      reason: CORE[k].reason,
      goal: CORE[k].goal,
    })),
    IDS.users['ZVH procesregisseur'],
  );
  await batch(
    `insert into case_participant (case_id, organisation_id, basis, since)
     select c, o, b, now() - interval '30 days' from jsonb_to_recordset($1::jsonb) as x(c uuid, o uuid, b text)`,
    CASE_KEYS.flatMap((k) =>
      participantsOf(k).map((p) => ({ c: IDS.cases[k], o: IDS.orgs[p.org], b: p.basis })),
    ),
  );

  // Persons: through the app's PersonsService, so the BSN is sealed with the app's key.
  const persons = app.get(PersonsService);
  const em = {
    query: (sql: string, params?: unknown[]) => owner.query(sql, params).then((r) => r.rows),
  } as unknown as EntityManager;
  const personIds: PersonIds = {};
  for (const [position, person] of PERSONS.entries()) {
    personIds[person.key] = await persons.create(em, {
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: '2001-02-03',
      address: person.address,
      bsn: person.bsn,
      role: person.role,
    });
    await q(
      `insert into case_person (case_id, person_id, role, position, owner_organisation_id) values ($1, $2, $3, $4, $5)`,
      [IDS.cases[person.caseKey], personIds[person.key], person.role, position, IDS.orgs[person.owner]],
    );
  }

  await batch(
    `insert into case_item (id, case_id, category, sensitivity, title, body, legal_ground, author_organisation_id, author_id,
       created_at, updated_at)
     select id, c, cat, sens, title, body, 'AVG_6_1_E', org, author, now() - (n || ' minutes')::interval, now()
     from jsonb_to_recordset($1::jsonb) as x(id uuid, c uuid, cat text, sens text, title text, body text, org uuid, author uuid, n int)`,
    ITEMS.map((i, n) => ({
      id: i.id,
      c: IDS.cases[i.caseKey],
      cat: i.category,
      sens: i.sensitivity,
      title: i.title,
      body: i.body,
      org: IDS.orgs[i.author],
      author: userOfOrg(i.author),
      n: ITEMS.length - n,
    })),
  );
  await batch(
    `insert into case_item_attachment (id, item_id, file_name, content_type, size, sha256, content, created_at)
     select id, item, name, 'text/plain', length(convert_to(content, 'UTF8')), sha256(convert_to(content, 'UTF8')),
            convert_to(content, 'UTF8'), now()
     from jsonb_to_recordset($1::jsonb) as x(id uuid, item uuid, name text, content text)`,
    ITEMS.filter((i) => i.attachment).map((i) => ({
      id: i.attachment?.id,
      item: i.id,
      name: i.attachment?.fileName,
      content: i.attachment?.content,
    })),
  );

  const box = app.get(SecretBox);
  for (const [caseKey, m] of Object.entries(MENSENHANDEL)) {
    const caseId = IDS.cases[caseKey as keyof typeof IDS.cases];
    const org = (key: OrgKey | null) => (key ? IDS.orgs[key] : null);
    await q(
      `insert into case_mensenhandel (case_id, forms, victim_status, comensha_reported, exploitation_owner_id,
         b8_offered_at, b8_accepted_at, aangifte, permit_status, b8_owner_id,
         shelter_type, shelter_placed_at, shelter_placed_via, shelter_organisation_id, shelter_address_enc, shelter_owner_id,
         updated_at)
       values ($1, '{SEKSUEEL}', 'MOGELIJK_SLACHTOFFER', true, $2,
         case when $3::uuid is null then null else current_date - 20 end, case when $3::uuid is null then null else current_date - 10 end,
         case when $3::uuid is null then null else 'JA' end, case when $3::uuid is null then null else 'AANGEVRAAGD' end, $3,
         case when $4::uuid is null then null else 'COSM' end, case when $4::uuid is null then null else current_date - 5 end,
         case when $4::uuid is null then null else 'ZORGCOORDINATOR' end, $5, $6, $4, now())`,
      [
        caseId,
        org(m.exploitationOwner),
        org(m.b8Owner),
        org(m.shelterOwner),
        org(m.shelterOrganisation),
        m.address ? box.seal(m.address, shelterAddressContext(caseId)) : null,
      ],
    );
  }

  // Consents of each case's victim: the shared ones and one pair of withdraw targets per party.
  await batch(
    `insert into consent_record (id, case_id, person_id, kind, scope_organisation_ids, scope_categories, purpose, given_by,
       form, evidence_type, given_at, recorded_by, recorded_organisation_id, recorded_at, withdrawn_at, withdrawn_by)
     select id, c, person, 'BEROEPSGEHEIM_DOORBREKING', array[$2::uuid, $3::uuid], '{C4}', purpose, 'BETROKKENE',
            'SCHRIFTELIJK', 'FORMULIER_GETEKEND', current_date - 10, u, o, now() - interval '2 days',
            case when w then now() - interval '1 day' end, case when w then u end
     from jsonb_to_recordset($1::jsonb) as x(id uuid, c uuid, person uuid, purpose text, u uuid, o uuid, w boolean)`,
    CONSENTS.map((k) => ({
      id: k.id,
      c: IDS.cases[k.caseKey],
      person: personIds[`${k.caseKey}-victim`],
      purpose: k.purpose,
      u: userOfOrg(k.recordedBy),
      o: IDS.orgs[k.recordedBy],
      w: k.withdrawn,
    })),
    IDS.orgs.veiligThuis,
    IDS.orgs.gemeente,
  );
  await batch(
    `insert into disclosure (id, case_id, from_organisation_id, to_organisation_id, item_ids, categories, purpose, legal_ground,
       state, proposed_by, proposed_at, decided_by, decided_at, revoked_by, revoked_at, consent_id)
     select id, c, f, t, array(select jsonb_array_elements_text(items)::uuid), array(select jsonb_array_elements_text(cats)),
            purpose, 'BEROEPSGEHEIM_TOESTEMMING', s, proposer, now() - interval '1 day',
            case when s <> 'PROPOSED' then $2::uuid end, case when s <> 'PROPOSED' then now() end,
            case when s = 'REVOKED' then $2::uuid end, case when s = 'REVOKED' then now() end, consent
     from jsonb_to_recordset($1::jsonb) as x(id uuid, c uuid, f uuid, t uuid, items jsonb, cats jsonb, purpose text, s text,
                                             proposer uuid, consent uuid)`,
    DISCLOSURES.map((d) => ({
      id: d.id,
      c: IDS.cases[d.caseKey],
      f: IDS.orgs[d.from],
      t: IDS.orgs[d.to],
      items: d.itemIds,
      cats: d.categories,
      purpose: d.purpose,
      s: d.state,
      proposer: d.proposedBy,
      consent: d.consent ?? null,
    })),
    IDS.users['ZVH voorzitter'],
  );
  await batch(
    `insert into case_informing (case_id, seq, status, reason_code, review_at, set_by, set_organisation_id, set_at)
     select c, seq, status, code, (now() at time zone 'Europe/Amsterdam')::date + review, $2, $3,
            now() - interval '10 days' + (seq || ' minutes')::interval
     from jsonb_to_recordset($1::jsonb) as x(c uuid, seq int, status text, code text, review int)`,
    (Object.entries(INFORMING) as Array<[CaseKey, InformingEntrySpec[]]>).flatMap(([caseKey, entries]) =>
      entries.map((e, index) => ({
        c: IDS.cases[caseKey],
        seq: index + 1,
        status: e.status,
        code: e.reasonCode,
        review: e.reviewInDays,
      })),
    ),
    IDS.users['ZVH procesregisseur'],
    IDS.orgs.zvh,
  );
  await batch(
    `insert into information_request (id, case_id, to_organisation_id, question, categories, due_at, state, requested_by,
       requested_at, answered_at, decline_reason)
     select id, c, t, question, '{C3}', current_date + 14, s, $2::uuid, now() - interval '2 days',
            case when s = 'DECLINED' then now() end, case when s = 'DECLINED' then 'Niet bekend (fictief)' end
     from jsonb_to_recordset($1::jsonb) as x(id uuid, c uuid, t uuid, question text, s text)`,
    REQUESTS.map((r) => ({
      id: r.id,
      c: IDS.cases[r.caseKey],
      t: IDS.orgs[r.to],
      question: r.question,
      s: r.state,
    })),
    IDS.users[REQUESTER],
  );
  await batch(
    `insert into registration (id, number, table_id, state, registering_organisation_id, registered_by, created_at, submitted_at,
       reason, goal, discussed_with_person, criteria, updated_at)
     select id, number, t, s, o, u, now() - (n || ' minutes')::interval, case when s <> 'CONCEPT' then now() end,
            'Zorgen over een jongere (fictief)', 'Hulp organiseren (fictief)', true,
            '{"multipleDomains":true,"crossChain":true,"systemAffected":false,"localSafetyProblem":false,"motivation":"x"}', now()
     from jsonb_to_recordset($1::jsonb) as x(id uuid, number text, t uuid, s text, o uuid, u uuid, n int)`,
    REGISTRATIONS.map((r, n) => ({
      id: r.id,
      number: `A-MX-${String(n).padStart(4, '0')}`,
      t: IDS.tables[r.table],
      s: r.state,
      o: IDS.orgs[r.org],
      u: r.registeredBy,
      n: REGISTRATIONS.length - n,
    })),
  );
  // Data-subject requests: one running request per region, with tasks (matching keys are not
  // needed: nothing is looked up again for a request that has gone out).
  for (const [key, r] of Object.entries(RIGHTS_REQUESTS)) {
    await q(
      `insert into rights_request (id, number, region_id, organisation_id, type, received_at, received_via, requester,
         identity_method, due_at, status, fanned_out_at, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, 'INZAGE', current_date - 10, 'BRIEF', 'BETROKKENE', 'DIGID', current_date + 20,
         'IN_BEHANDELING', now(), $5, now(), now())`,
      [
        r.id,
        `V-MX-${key}`,
        IDS.regions[r.region],
        r.region === 1 ? IDS.orgs.zvh : IDS.elsewhereOrg,
        IDS.users['ZVH contactpunt'],
      ],
    );
    await q(
      `insert into rights_request_subject (request_id, given_name, family_name, date_of_birth, match_hash)
       values ($1, 'Matrix', 'Betrokkene (fictief)', '2001-02-03', sha256('matrix'::bytea))`,
      [r.id],
    );
    await batch(
      `insert into rights_task (id, request_id, organisation_id, status, created_at)
       select id, $2::uuid, org, 'OPEN', now() from jsonb_to_recordset($1::jsonb) as x(id uuid, org uuid)`,
      r.tasks.map((t) => ({ id: t.id, org: t.org === 'elsewhere' ? IDS.elsewhereOrg : IDS.orgs[t.org] })),
      r.id,
    );
  }
  await q(
    `insert into break_glass (id, case_id, item_id, category, user_id, organisation_id, reason, opened_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, now() - interval '2 hours', now() - interval '1 hour')`,
    [
      BREAK_GLASS.id,
      IDS.cases[BREAK_GLASS.item.caseKey],
      BREAK_GLASS.item.id,
      BREAK_GLASS.item.category,
      IDS.users[BREAK_GLASS.party],
      orgIdOf(BREAK_GLASS.party),
      BREAK_GLASS.reason,
    ],
  );
  await seedMeeting(q);
  await seedConference(owner);
  await seedExtracts(owner);
  return personIds;
}

async function seedMeeting(q: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<void> {
  const chair = IDS.users[MEETING.chair];
  await q(
    `insert into meeting (id, table_id, type, scheduled_at, duration_minutes, chair_user_id, minute_taker_user_id, status,
       started_at, created_by, created_at, updated_at)
     values ($1, $2, 'CASUSOVERLEG', now() - interval '30 minutes', 90, $3, $4, 'LIVE', now() - interval '20 minutes',
       $3, now() - interval '1 day', now())`,
    [MEETING.id, IDS.tables.MH, chair, IDS.users[MEETING.minuteTaker]],
  );
  for (const [position, item] of MEETING.items.entries()) {
    await q(
      `insert into agenda_item (id, meeting_id, case_id, position, timebox_minutes, created_at)
       values ($1, $2, $3, $4, 20, now() - interval '1 day')`,
      [item.id, MEETING.id, IDS.cases[item.caseKey], position],
    );
    for (const org of item.invited) {
      await q(`insert into agenda_invitee (agenda_item_id, organisation_id, basis) values ($1, $2, $3)`, [
        item.id,
        IDS.orgs[org],
        (ORGS[org].memberships as Partial<Record<TableKey, string>>).MH === 'SIGNATORY' ? 'MEMBER' : 'GUEST',
      ]);
    }
  }
  await q(`update meeting set current_agenda_item_id = $2 where id = $1`, [MEETING.id, MEETING.items[0].id]);
  await q(
    `insert into meeting_decision (id, meeting_id, agenda_item_id, case_id, type, text, author_organisation_id, decided_by,
       decided_at)
     values ($1, $2, $3, $4, 'MONITOREN', $5, $6, $7, now())`,
    [
      MEETING.decision.id,
      MEETING.id,
      MEETING.items[0].id,
      IDS.cases[MEETING.items[0].caseKey],
      MEETING.decision.text,
      IDS.orgs.zvh,
      chair,
    ],
  );
  await q(
    `insert into meeting_confidentiality_ack (meeting_id, user_id, organisation_id, statement_version, acknowledged_at)
     select $1, u.id, u.organisation_id, 1, now() from app_user u where u.id = any($2)`,
    [MEETING.id, PARTY_KEYS.map((p) => IDS.users[p])],
  );
}
