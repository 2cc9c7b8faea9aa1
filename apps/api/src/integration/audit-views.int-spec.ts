import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EndpointInventory } from '@casustafel/api/auth';
import { Clock } from '@casustafel/api/platform';
import { createTestDatabase, IdentityFactory, TestDatabase } from '@casustafel/api/testing';
import type {
  AuditPersonEventsResponse,
  AuditPersonHitDto,
  AuditUserDto,
  AuditUserEventsResponse,
  CaseDetailDto,
  CaseTableDto,
  LdvLogRecord,
  ProblemDetails,
  RegistrationDto,
} from '@casustafel/shared/contracts';
import { startTestApi } from './support/test-api';
import { buildWorld, Party } from './support/world';

const DAY = 24 * 60 * 60 * 1000;
const BSN = '111222333';

/**
 * The FG's views of the audit log (DOMAIN.md §2.7–2.8, scenario 17) over HTTP against real
 * PostgreSQL: who had access to a person's data (the same BSN in another case counts), what a user
 * did, the exports — and nothing of other persons or another region; the views are audited too.
 */
describe('audit log views for the FG', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let clock: Clock;
  let factory: IdentityFactory;
  let p: Record<string, Party>;
  let otherFg: Party;
  let caseId: string;
  let secondCaseId: string;
  let unrelatedCaseId: string;
  let sanneId: string;
  let sanneAgainId: string;
  let pietId: string;
  let caseNumber: string;

  async function newCase(persons: Array<Record<string, string>>): Promise<string> {
    const tables = await p.politie.agent.get<CaseTableDto[]>('/api/tables');
    const table = tables.body[0];
    const registration = await p.politie.agent.post<RegistrationDto>('/api/registrations', {
      tableId: table.id,
      reason: 'Signalen van uitbuiting (fictief).',
      goal: 'Hulp en veiligheid.',
      discussedWithPerson: true,
      criteria: {
        multipleDomains: true,
        crossChain: true,
        systemAffected: false,
        localSafetyProblem: false,
        motivation: 'Zorg.',
      },
      signals: [{ signalId: table.signals[0].id }],
      persons: persons.map((person) => ({ dateOfBirth: '2001-03-12', role: 'SLACHTOFFER', ...person })),
      proposedParticipants: [{ organisationId: p.ggz.organisationId }],
      submit: true,
    });
    expect(registration.status).toBe(201);
    const started = await p.zvh.agent.post<RegistrationDto>(
      `/api/triage/registrations/${registration.body.id}/start`,
    );
    const decided = await p.zvh.agent.post<RegistrationDto>(
      `/api/triage/registrations/${registration.body.id}/decision`,
      {
        outcome: 'ZVH_TABLE',
        advice: '',
        version: started.body.version,
      },
    );
    return decided.body.triage?.caseId as string;
  }

  const events = (party: Party, personId: string, query = '') =>
    party.agent.get<AuditPersonEventsResponse>(`/api/audit/persons/${personId}/events${query}`);
  const pseudonymOf = async (personId: string) =>
    (
      await factory.client.query<{ pseudonym: string }>('select pseudonym from person where id = $1', [
        personId,
      ])
    ).rows[0].pseudonym;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, clock } = await startTestApi(db.url, { DEMO_MODE: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    factory = await IdentityFactory.connect(db.url);
    const world = await buildWorld(app, factory, {
      parties: {
        zvh: { partnerType: 'ZVH', roles: ['PROCESREGISSEUR', 'TRIAGIST'] },
        politie: { partnerType: 'POLITIE', roles: ['DEELNEMER'] },
        ggz: { partnerType: 'GGZ_ZORGAANBIEDER', roles: ['DEELNEMER'] },
        gemeente: { partnerType: 'GEMEENTE_SOCIAAL_DOMEIN', roles: ['DEELNEMER'] },
        fg: { partnerType: 'ZVH', roles: ['FG_AUDITOR'] },
        beheerder: { partnerType: 'ZVH', roles: ['BEHEERDER'] },
      },
    });
    p = world.parties;
    otherFg = (
      await buildWorld(app, factory, { parties: { fg: { partnerType: 'ZVH', roles: ['FG_AUDITOR'] } } })
    ).parties.fg;

    caseId = await newCase([
      { givenName: 'Sanne', familyName: 'Auditspoor (fictief)', bsn: BSN },
      { givenName: 'Piet', familyName: 'Anders (fictief)', dateOfBirth: '1990-01-01' },
    ]);
    secondCaseId = await newCase([{ givenName: 'Sanne', familyName: 'Auditspoor (fictief)', bsn: BSN }]);
    unrelatedCaseId = await newCase([{ givenName: 'Mila', familyName: 'Auditspoor-Elders (fictief)' }]);
    const detail = (await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${caseId}`)).body;
    caseNumber = detail.number;
    sanneId = detail.persons.find((x) => x.givenName === 'Sanne')?.id as string;
    pietId = detail.persons.find((x) => x.givenName === 'Piet')?.id as string;
    sanneAgainId = (await p.zvh.agent.get<CaseDetailDto>(`/api/cases/${secondCaseId}`)).body.persons[0].id;

    // 40 days ago the GGZ read the case; now the police read both cases and the unrelated one, and
    // the gemeente, who does not take part, tried.
    clock.advance(-40 * DAY);
    expect((await p.ggz.agent.get(`/api/cases/${caseId}`)).status).toBe(200);
    clock.reset();
    expect((await p.politie.agent.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await p.politie.agent.get(`/api/cases/${secondCaseId}`)).status).toBe(200);
    expect((await p.politie.agent.get(`/api/cases/${unrelatedCaseId}`)).status).toBe(200);
    expect((await p.gemeente.agent.get(`/api/cases/${caseId}`)).status).toBe(404);
  });

  afterEach(() => clock.reset());

  afterAll(async () => {
    await factory?.close();
    await app?.close();
    await db?.drop();
  });

  it('finds persons of the region by family name, date of birth or case number; the search is audited', async () => {
    const byName = await p.fg.agent.get<AuditPersonHitDto[]>('/api/audit/persons?familyName=auditspoor');
    expect(byName.status).toBe(200);
    expect(byName.body.map((h) => `${h.givenName} ${h.caseNumber}`).sort()).toEqual(
      expect.arrayContaining([`Sanne ${caseNumber}`]),
    );
    expect(byName.body.filter((h) => h.givenName === 'Sanne')).toHaveLength(2);
    expect(byName.body.every((h) => h.familyName.toLowerCase().startsWith('auditspoor'))).toBe(true);
    expect(byName.body[0]).toMatchObject({
      role: 'SLACHTOFFER',
      dateOfBirth: '2001-03-12',
      tableName: expect.any(String),
    });

    const byCase = await p.fg.agent.get<AuditPersonHitDto[]>(`/api/audit/persons?number=${caseNumber}`);
    expect(byCase.body.map((h) => h.personId).sort()).toEqual([sanneId, pietId].sort());
    const byBirth = await p.fg.agent.get<AuditPersonHitDto[]>('/api/audit/persons?dateOfBirth=1990-01-01');
    expect(byBirth.body.map((h) => h.personId)).toEqual([pietId]);

    // Another region's FG finds nobody here.
    expect(
      (await otherFg.agent.get<AuditPersonHitDto[]>('/api/audit/persons?familyName=auditspoor')).body,
    ).toEqual([]);

    const audit = await factory.client.query(
      `select data_subject_id, details from audit_event where action = 'audit.subject.search' and actor_user_id = $1
       order by seq`,
      [p.fg.userId],
    );
    const action = audit.rows.find((r) => r.data_subject_id === null && r.details.by?.includes('number'));
    expect(action.details).toEqual({ by: ['number'], returned: 2 });
    expect(JSON.stringify(audit.rows)).not.toContain('uditspoor');
    expect(audit.rows.map((r) => r.data_subject_id)).toContain(await pseudonymOf(pietId));
  });

  it('shows who had access to the person, newest first, across cases with the same BSN, denials included', async () => {
    const res = await events(p.fg, sanneId);
    expect(res.status).toBe(200);
    expect(res.body.person).toMatchObject({ id: sanneId, givenName: 'Sanne', records: 2 });
    expect(res.body.person.links.map((l) => l.caseNumber)).toHaveLength(2);
    const reads = res.body.items.filter((e) => e.action === 'case.read');
    expect(reads.map((e) => `${e.organisation?.name.split(' ')[0]}:${e.outcome}:${e.objectId}`)).toEqual([
      `gemeente:DENIED:${caseId}`,
      `politie:OK:${secondCaseId}`,
      `politie:OK:${caseId}`,
      `zvh:OK:${secondCaseId}`,
      `zvh:OK:${caseId}`,
      `ggz:OK:${caseId}`,
    ]);
    const police = reads.find((e) => e.organisation?.id === p.politie.organisationId);
    expect(police).toMatchObject({
      user: { id: p.politie.userId, displayName: 'politie (fictief)' },
      roles: ['DEELNEMER'],
      onBehalfOf: null,
      authorisationRule: 'PARTICIPATION',
      breakGlass: false,
      statusCode: 'OK',
      dataSubjectIdType: 'CST_PSEUDONYM',
      processingActivity: { id: expect.stringMatching(/^urn:/), name: expect.any(String) },
    });
    expect(reads.find((e) => e.outcome === 'DENIED')?.statusCode).toBe('ERROR');
    const times = res.body.items.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    // Only this person's records (both of her pseudonyms), never Piet's or Mila's.
    const mine = [await pseudonymOf(sanneId), await pseudonymOf(sanneAgainId)];
    expect(new Set(res.body.items.map((e) => e.dataSubjectId))).toEqual(new Set(mine));
    expect(res.body.items.some((e) => e.objectId === unrelatedCaseId)).toBe(false);
    expect(res.body.total).toBe(res.body.items.length);
  });

  it('filters by period and pages; a bad period is a field-named 400', async () => {
    const today = clock.today();
    const old = new Date(clock.now().getTime() - 40 * DAY).toISOString().slice(0, 10);
    const recent = await events(p.fg, sanneId, `?from=${today}&to=${today}`);
    expect(recent.body.items.some((e) => e.organisation?.id === p.ggz.organisationId)).toBe(false);
    expect(recent.body.items.some((e) => e.organisation?.id === p.politie.organisationId)).toBe(true);
    const then = await events(p.fg, sanneId, `?from=${old}&to=${old}`);
    expect(then.body.items.map((e) => `${e.action}:${e.organisation?.id}`)).toEqual([
      `case.read:${p.ggz.organisationId}`,
    ]);

    const all = await events(p.fg, sanneId);
    const page2 = await events(p.fg, sanneId, '?page=2&pageSize=2');
    // Viewing the list added a record for each of her two person records.
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: all.body.total + 2 });
    expect(page2.body.items.map((e) => e.seq)).toEqual(all.body.items.slice(0, 2).map((e) => e.seq));
    expect(page2.body.items).toHaveLength(2);

    const reversed = await p.fg.agent.get<ProblemDetails>(
      `/api/audit/persons/${sanneId}/events?from=${today}&to=${old}`,
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['to:toBeforeFrom']);
    const malformed = await p.fg.agent.get<ProblemDetails>(
      `/api/audit/persons/${sanneId}/events?from=2026-02-30&to=gisteren&pageSize=0`,
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((e) => e.field).sort()).toEqual(['from', 'pageSize', 'to']);
    const search = await p.fg.agent.get<ProblemDetails>('/api/audit/persons?familyName=a');
    expect(search.body.errors?.map((e) => e.field)).toEqual(['familyName']);
    const nothing = await p.fg.agent.get<ProblemDetails>('/api/audit/persons');
    expect(nothing.body.errors?.map((e) => e.field)).toEqual(['familyName']);
    const export400 = await p.fg.agent.get<ProblemDetails>(
      `/api/audit/persons/${sanneId}/events/export/csv?to=nooit`,
    );
    expect(export400.body.errors?.map((e) => e.field)).toEqual(['to']);
  });

  it('exports the list as CSV (semicolons, BOM, Dutch headers) and as LDV log records, of this person only', async () => {
    const mine = [await pseudonymOf(sanneId), await pseudonymOf(sanneAgainId)];
    const csv = await p.fg.agent.get(`/api/audit/persons/${sanneId}/events/export/csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="logboek-alles.csv"');
    expect(
      csv.text.startsWith('\uFEFFTijdstip (Nederlandse tijd);Handeling;Uitkomst;Organisatie;Gebruiker'),
    ).toBe(true);
    const lines = csv.text.trim().split('\r\n');
    const header = lines[0].replace('\uFEFF', '').split(';');
    const rows = lines
      .slice(1)
      .map((line) => Object.fromEntries(line.split(';').map((v, i) => [header[i], v])));
    expect(rows.length).toBeGreaterThan(4);
    expect(new Set(rows.map((r) => r['Betrokkene (pseudoniem)']))).toEqual(new Set(mine));
    expect(rows.find((r) => r['Uitkomst'] === 'geweigerd')).toMatchObject({
      Handeling: 'case.read',
      Noodknop: 'nee',
    });
    expect(csv.text).not.toContain('Piet');

    const ldv = await p.fg.agent.get<LdvLogRecord[]>(`/api/audit/persons/${sanneId}/events/export/ldv`);
    expect(ldv.status).toBe(200);
    expect(ldv.headers['content-type']).toContain('application/json');
    const read = ldv.body.find(
      (r) =>
        r.name === 'case.read' && r.attributes['dpl.nen7513.organisation_id'] === p.politie.organisationId,
    );
    expect(read).toMatchObject({
      trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      span_id: expect.stringMatching(/^[0-9a-f]{16}$/),
      parent_span_id: expect.stringMatching(/^[0-9a-f]{16}$/),
      status_code: 'OK',
      resource: { name: 'casustafel' },
      attributes: {
        'dpl.core.processing_activity_id': expect.stringMatching(/^urn:/),
        'dpl.core.data_subject_id_type': 'CST_PSEUDONYM',
        'dpl.nen7513.user_id': p.politie.userId,
        'dpl.nen7513.role_id_code': ['DEELNEMER'],
        'dpl.nen7513.autorisatie_protocol': 'PARTICIPATION',
        'dpl.nen7513.noodknop': false,
      },
    });
    expect(read?.start_time).toBe(read?.end_time);
    expect(new Set(ldv.body.map((r) => r.attributes['dpl.core.data_subject_id']))).toEqual(new Set(mine));

    const exports = await factory.client.query(
      `select details from audit_event where action = 'audit.subject.export' and actor_user_id = $1 and data_subject_id is null
       order by seq`,
      [p.fg.userId],
    );
    expect(exports.rows.map((r) => r.details.format)).toEqual(['CSV', 'LDV']);
  });

  it('viewing the list is itself audited, against the person', async () => {
    const before = await events(p.fg, sanneId);
    const seen = before.body.items.filter((e) => e.action === 'audit.subject.read');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatchObject({ user: { id: p.fg.userId }, objectType: 'person', objectId: sanneId });
  });

  it('shows what a user of the region did, with a period filter', async () => {
    const users = await p.fg.agent.get<AuditUserDto[]>('/api/audit/users?name=politie');
    expect(users.body.map((u) => u.id)).toEqual([p.politie.userId]);
    const res = await p.fg.agent.get<AuditUserEventsResponse>(`/api/audit/users/${p.politie.userId}/events`);
    expect(res.status).toBe(200);
    expect(res.body.user.organisation.id).toBe(p.politie.organisationId);
    const reads = res.body.items.filter((e) => e.action === 'case.read');
    expect(reads.map((e) => e.objectId)).toEqual([unrelatedCaseId, secondCaseId, caseId]);
    expect(reads.every((e) => e.dataSubjectId === null)).toBe(true);
    expect(reads[2].subjectCount).toBe(2);
    const ggz = await p.fg.agent.get<AuditUserEventsResponse>(
      `/api/audit/users/${p.ggz.userId}/events?from=${clock.today()}`,
    );
    expect(ggz.body.items.some((e) => e.action === 'case.read')).toBe(false);
    const audit = await factory.client.query(
      `select count(*)::int as n from audit_event where action = 'audit.user.read' and object_id = $1`,
      [p.politie.userId],
    );
    expect(audit.rows[0].n).toBe(1);
    // A user of another region is not there.
    expect((await otherFg.agent.get(`/api/audit/users/${p.politie.userId}/events`)).status).toBe(404);
    expect((await otherFg.agent.get<AuditUserDto[]>('/api/audit/users?name=politie')).body).toEqual([]);
  });

  it('is not there for anyone but the FG of the region', async () => {
    const routes = app
      .get(EndpointInventory)
      .list()
      .filter((e) => e.path.startsWith('/api/audit'));
    expect(routes.map((e) => e.access)).toEqual(routes.map(() => 'audit.read'));
    expect(routes).toHaveLength(6);
    const urls = routes.map((e) =>
      e.path.replace(':id', e.path.includes('users') ? p.politie.userId : sanneId),
    );
    for (const party of [p.zvh, p.beheerder, p.politie, otherFg]) {
      for (const url of urls) {
        const res = await party.agent.get<ProblemDetails>(
          url.endsWith('/persons') ? `${url}?familyName=auditspoor` : url,
        );
        const emptyList = party === otherFg && !url.includes('/events');
        expect(`${url} ${res.status}`).toBe(`${url} ${emptyList ? 200 : 404}`);
      }
    }
    // An unknown person looks the same as one of another region.
    expect((await events(p.fg, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await events(p.fg, 'niet-een-id')).status).toBe(400);
  });
});
