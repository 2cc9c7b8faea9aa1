import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@casustafel/api/platform';
import { createTestDatabase, IdentityFactory, TestDatabase } from '@casustafel/api/testing';
import {
  addCalendarMonths,
  type CaseTableDto,
  type MyRightsTaskDto,
  type ProblemDetails,
  type RegistrationDto,
  type RightsLookupResponse,
  type RightsRequestDetailDto,
  type RightsRequestSummaryDto,
} from '@casustafel/shared/contracts';
import type { Client } from 'pg';
import { appRoleClient, inSecurityContext } from './support/matrix/db';
import { pdfText } from './support/pdf-text';
import { signIn } from './support/sign-in';
import { startTestApi } from './support/test-api';
import { buildWorld, Party } from './support/world';

/**
 * Data-subject rights through the BGS contactpunt (DOMAIN.md §2.2, scenario 18; ADR 0021), against
 * real PostgreSQL over HTTP: the contactpunt looks a person up and logs a request, which fans out
 * into one task per joint controller; partners complete their tasks; the legal deadline and its one
 * extension; who may see what, in the service and in row-level security; and the audit trail.
 */
describe('data-subject requests through the contactpunt', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let clock: Clock;
  let factory: IdentityFactory;
  let tableId: string;
  let p: Record<string, Party>;
  let contactpunt: Party;
  let triagist: Party;
  let elsewhere: Party;

  const SUBJECT = { givenName: 'Miłosz', familyName: 'Verzonnen (fictief)', dateOfBirth: '2001-02-03' };
  const BSN = '111222333';
  const OTHER_BSN = '999990019';
  const cases: Record<'withBsn' | 'nameOnly' | 'namesake', string> = {
    withBsn: '',
    nameOnly: '',
    namesake: '',
  };
  const caseNumbers: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, clock } = await startTestApi(db.url, { DEMO_MODE: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    factory = await IdentityFactory.connect(db.url);
    const world = await buildWorld(app, factory, {
      parties: {
        zvh: { partnerType: 'ZVH', roles: ['PROCESREGISSEUR', 'TRIAGIST'] },
        politie: { partnerType: 'POLITIE', roles: ['DEELNEMER'] },
        ggz: { partnerType: 'GGZ_ZORGAANBIEDER', roles: ['DEELNEMER'] },
        veiligThuis: { partnerType: 'VEILIG_THUIS', roles: ['DEELNEMER'] },
        gemeente: { partnerType: 'GEMEENTE_SOCIAAL_DOMEIN', roles: ['CASUSREGISSEUR'] },
      },
    });
    tableId = world.tableId;
    p = world.parties;
    // The contactpunt works at the ZVH; a triagist of the police works with cases but answers no tasks.
    contactpunt = await party(p.zvh.organisationId, tableId, 'CONTACTPUNT', 'Contactpunt');
    triagist = await party(p.politie.organisationId, tableId, 'TRIAGIST', 'Triagist politie');
    // A contactpunt of another region.
    const region2 = await factory.region();
    const table2 = await factory.table(region2, 'COMPLEX');
    const zvh2 = await factory.organisation(region2, 'ZVH', `ZVH elders ${region2.slice(0, 6)}`);
    await factory.membership(table2, zvh2);
    elsewhere = await party(zvh2, table2, 'CONTACTPUNT', 'Contactpunt elders');

    // The person in a case with the BSN (police, GGZ), in one by name and birth date only (police,
    // Veilig Thuis), and a namesake with another BSN (municipality) who is someone else.
    cases.withBsn = await openCase(p.politie, [{ ...SUBJECT, bsn: BSN }], [p.ggz]);
    cases.nameOnly = await openCase(p.politie, [SUBJECT], [p.veiligThuis]);
    cases.namesake = await openCase(p.gemeente, [{ ...SUBJECT, bsn: OTHER_BSN }], []);
    await addItem(p.ggz, cases.withBsn, 'C4');
    await addItem(p.ggz, cases.withBsn, 'C3');
    await addItem(p.politie, cases.withBsn, 'C5');
    for (const [key, id] of Object.entries(cases)) {
      const { rows } = await factory.client.query<{ number: string }>(
        'select number from casus where id = $1',
        [id],
      );
      caseNumbers[key] = rows[0].number;
    }
  });

  afterEach(() => clock.reset());

  afterAll(async () => {
    await factory?.close();
    await app?.close();
    await db?.drop();
  });

  async function party(
    organisationId: string,
    table: string,
    role: 'CONTACTPUNT' | 'TRIAGIST' | 'FG_AUDITOR',
    name: string,
  ): Promise<Party> {
    const user = await factory.user(organisationId, {
      isDemo: true,
      displayName: `${name} (fictief)`,
      roles: [{ tableId: table, role }],
    });
    return { organisationId, userId: user.id, email: user.email, agent: await signIn(app, user.email) };
  }

  async function openCase(
    registrant: Party,
    persons: Array<typeof SUBJECT & { bsn?: string }>,
    participants: Party[],
  ): Promise<string> {
    const tables = await registrant.agent.get<CaseTableDto[]>('/api/tables');
    const table = tables.body.find((t) => t.id === tableId) as CaseTableDto;
    const registration = await registrant.agent.post<RegistrationDto>('/api/registrations', {
      tableId,
      reason: 'Zorgen over betrokkene (fictief).',
      goal: 'Hulp organiseren.',
      discussedWithPerson: true,
      criteria: {
        multipleDomains: true,
        crossChain: true,
        systemAffected: false,
        localSafetyProblem: false,
        motivation: 'x',
      },
      signals: [{ signalId: table.signals[0].id }],
      persons: persons.map((person) => ({ ...person, role: 'SLACHTOFFER' })),
      proposedParticipants: participants.map((x) => ({ organisationId: x.organisationId })),
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
    expect(decided.status).toBe(200);
    return decided.body.triage?.caseId as string;
  }

  async function addItem(
    author: Party,
    caseId: string,
    category: string,
    title = 'Notitie (fictief)',
  ): Promise<void> {
    const res = await author.agent.post(`/api/cases/${caseId}/items`, {
      category,
      sensitivity: 'NORMAAL',
      title,
      body: 'Inhoud die de contactpunt nooit ziet (fictief).',
      legalGround: 'AVG_6_1_E',
    });
    expect(res.status).toBe(201);
  }

  const request = (overrides: Record<string, unknown> = {}) => ({
    type: 'INZAGE',
    receivedAt: clock.today(),
    receivedVia: 'BRIEF',
    requester: 'BETROKKENE',
    identityVerified: true,
    identityMethod: 'ID_BEWIJS_GETOOND',
    subject: { ...SUBJECT, bsn: BSN },
    ...overrides,
  });

  async function create(overrides: Record<string, unknown> = {}): Promise<RightsRequestDetailDto> {
    const res = await contactpunt.agent.post<RightsRequestDetailDto>(
      '/api/rights-requests',
      request(overrides),
    );
    expect(res.status).toBe(201);
    return res.body;
  }

  const fields = (res: { body: unknown }) =>
    ((res.body as ProblemDetails).errors ?? []).map((e) => `${e.field}:${e.code}`);
  const problemType = (res: { body: unknown }) =>
    (res.body as ProblemDetails).type.replace('urn:casustafel:problem:', '');
  const names = (orgs: Array<{ id: string }>) => orgs.map((o) => o.id).sort();

  describe('who may do what', () => {
    it('the contactpunt manages requests but sees no case content; case roles cannot reach the contactpunt endpoints', async () => {
      expect((await contactpunt.agent.get('/api/rights-requests')).status).toBe(200);
      expect((await contactpunt.agent.get('/api/cases')).status).toBe(404);
      expect((await contactpunt.agent.get(`/api/cases/${cases.withBsn}`)).status).toBe(404);
      expect((await contactpunt.agent.get('/api/rights-tasks')).status).toBe(404);
      for (const worker of [p.politie, p.zvh, triagist]) {
        expect((await worker.agent.get('/api/rights-requests')).status).toBe(404);
        expect((await worker.agent.post('/api/rights-requests/lookup', { subject: SUBJECT })).status).toBe(
          404,
        );
        expect((await worker.agent.post('/api/rights-requests', request())).status).toBe(404);
      }
      // A case worker without `rights.tasks` (the triagist decides on registrations only).
      expect((await triagist.agent.get('/api/rights-tasks')).status).toBe(404);
      expect((await p.politie.agent.get('/api/rights-tasks')).status).toBe(200);
    });
  });

  describe('looking a person up', () => {
    it('refuses bad input naming the field', async () => {
      const missing = await contactpunt.agent.post('/api/rights-requests/lookup', {
        subject: { givenName: ' ', familyName: 'X' },
      });
      expect(missing.status).toBe(400);
      expect(fields(missing)).toEqual(['subject.givenName:isNotBlank', 'subject.dateOfBirth:isIsoDate']);
      const badBsn = await contactpunt.agent.post('/api/rights-requests/lookup', {
        subject: { ...SUBJECT, bsn: '123456789' },
      });
      expect(fields(badBsn)).toEqual(['subject.bsn:invalidBsn']);
    });

    it('matches by BSN and by name with birth date, not a namesake with another BSN; shows counts and the joint controllers only', async () => {
      const res = await contactpunt.agent.post<RightsLookupResponse>('/api/rights-requests/lookup', {
        subject: { ...SUBJECT, bsn: BSN },
      });
      expect(res.status).toBe(200);
      expect(res.body.persons).toBe(2);
      expect(res.body.cases).toBe(2);
      expect(names(res.body.controllers)).toEqual(
        [p.zvh, p.politie, p.ggz, p.veiligThuis].map((x) => x.organisationId).sort(),
      );
      expect(Object.keys(res.body).sort()).toEqual(['cases', 'controllers', 'persons']);
      expect(JSON.stringify(res.body)).not.toContain('Inhoud');

      // Without a BSN, name and date of birth match the namesake as well.
      const byName = await contactpunt.agent.post<RightsLookupResponse>('/api/rights-requests/lookup', {
        subject: SUBJECT,
      });
      expect(byName.body).toMatchObject({ persons: 3, cases: 3 });
      expect(byName.body.controllers.map((o) => o.id)).toContain(p.gemeente.organisationId);

      // Another region's contactpunt finds nobody; only its own ZVH would get a task.
      const far = await elsewhere.agent.post<RightsLookupResponse>('/api/rights-requests/lookup', {
        subject: SUBJECT,
      });
      expect(far.body).toEqual({
        persons: 0,
        cases: 0,
        controllers: [expect.objectContaining({ id: elsewhere.organisationId })],
      });

      const { rows } = await factory.client.query<{ details: Record<string, unknown>; text: string }>(
        `select details, details::text as text from audit_event
          where action = 'rights_request.person_lookup' and actor_user_id = $1 and data_subject_id is null
          order by seq`,
        [contactpunt.userId],
      );
      expect(rows).toHaveLength(2);
      // …and one record per person found, under their pseudonym (who looked this person up).
      const subjects = await factory.client.query(
        `select count(*)::int as n from audit_event
          where action = 'rights_request.person_lookup' and actor_user_id = $1 and data_subject_id is not null`,
        [contactpunt.userId],
      );
      expect(subjects.rows[0].n).toBe(5);
      expect(rows[0].details).toMatchObject({ byBsn: true, cases: 2, controllers: 4 });
      expect(rows[0].details['persons']).toHaveLength(2);
      for (const row of rows) {
        expect(row.text).not.toMatch(/Mila|Verzonnen|111222333|2001-02-03/);
      }
    });
  });

  describe('logging a request and sending it out', () => {
    it('fans out to every joint controller with the legal deadline; the BSN is sealed, the audit has ids only', async () => {
      const detail = await create();
      expect(detail.number).toMatch(/^V-\d{4}-\d{4}$/);
      expect(detail).toMatchObject({
        status: 'IN_BEHANDELING',
        type: 'INZAGE',
        receivedAt: clock.today(),
        dueAt: addCalendarMonths(clock.today(), 1),
        originalDueAt: addCalendarMonths(clock.today(), 1),
        overdue: false,
        identityVerified: true,
        identityMethod: 'ID_BEWIJS_GETOOND',
        subject: { ...SUBJECT, bsnGiven: true },
        matched: { persons: 2, cases: 2 },
        taskCounts: { total: 4, open: 4 },
        can: { fanOut: false, extend: true, close: false, reject: true },
      });
      const byOrg = new Map(detail.tasks.map((t) => [t.organisation.id, t]));
      expect([...byOrg.keys()].sort()).toEqual(
        [p.zvh, p.politie, p.ggz, p.veiligThuis].map((x) => x.organisationId).sort(),
      );
      expect(byOrg.get(p.ggz.organisationId)).toMatchObject({ status: 'OPEN', caseCount: 1, itemCount: 2 });
      expect(byOrg.get(p.politie.organisationId)).toMatchObject({ caseCount: 2, itemCount: 1 });
      expect(byOrg.get(p.veiligThuis.organisationId)).toMatchObject({ caseCount: 1, itemCount: 0 });
      expect(byOrg.get(p.zvh.organisationId)).toMatchObject({ caseCount: 2, itemCount: 0 });
      expect(JSON.stringify(detail)).not.toContain('Inhoud');

      const stored = await factory.client.query(
        'select bsn_enc, bsn_hash from rights_request_subject where request_id = $1',
        [detail.id],
      );
      expect(stored.rows[0].bsn_enc.toString('latin1')).not.toContain(BSN);
      expect(stored.rows[0].bsn_hash).toHaveLength(32);
      const matched = await factory.client.query<{ case_id: string }>(
        'select case_id from rights_request_person where request_id = $1 order by case_id',
        [detail.id],
      );
      expect(matched.rows.map((r) => r.case_id)).toEqual([cases.withBsn, cases.nameOnly].sort());

      const audit = await factory.client.query<{
        action: string;
        details: Record<string, unknown>;
        text: string;
      }>(
        `select action, details, details::text as text from audit_event where object_id = $1 and data_subject_id is null order by seq`,
        [detail.id],
      );
      expect(audit.rows.map((r) => r.action)).toEqual(['rights_request.create', 'rights_request.fan_out']);
      expect(audit.rows[1].details).toMatchObject({
        byBsn: true,
        identityMethod: 'ID_BEWIJS_GETOOND',
        cases: [cases.withBsn, cases.nameOnly].sort(),
      });
      for (const row of audit.rows) {
        expect(row.text).not.toMatch(/Mila|Verzonnen|111222333|2001-02-03/);
      }

      const list = await contactpunt.agent.get<RightsRequestSummaryDto[]>('/api/rights-requests');
      expect(list.body.find((r) => r.id === detail.id)).toMatchObject({ taskCounts: { total: 4, open: 4 } });
      expect(JSON.stringify(list.body)).not.toContain('Verzonnen');
    });

    it('refuses bad input naming the field: a date of receipt in the future, a verified identity without how', async () => {
      const future = await contactpunt.agent.post(
        '/api/rights-requests',
        request({ receivedAt: addCalendarMonths(clock.today(), 1) }),
      );
      expect(fields(future)).toEqual(['receivedAt:inTheFuture']);
      const how = await contactpunt.agent.post('/api/rights-requests', request({ identityMethod: null }));
      expect(fields(how)).toEqual(['identityMethod:isIn']);
      const contradicting = await contactpunt.agent.post(
        '/api/rights-requests',
        request({ identityVerified: false, identityMethod: 'DIGID' }),
      );
      expect(fields(contradicting)).toEqual(['identityMethod:identityNotVerified']);
      const wrong = await contactpunt.agent.post(
        '/api/rights-requests',
        request({ type: 'INKIJK', receivedVia: 'FAX' }),
      );
      expect(fields(wrong)).toEqual(['type:isIn', 'receivedVia:isIn']);
    });

    it('waits without a verified identity; "uitzetten" verifies it and sends the tasks, once', async () => {
      const waiting = await create({ identityVerified: false, identityMethod: null, type: 'VERWIJDERING' });
      expect(waiting).toMatchObject({
        status: 'ONTVANGEN',
        identityVerified: false,
        tasks: [],
        matched: { persons: 0, cases: 0 },
        can: { fanOut: true, close: false, reject: true },
      });
      const url = `/api/rights-requests/${waiting.id}/fan-out`;
      expect(fields(await contactpunt.agent.post(url, { version: waiting.version }))).toEqual([
        'identityMethod:isIn',
      ]);
      expect(
        (await contactpunt.agent.post(url, { identityMethod: 'DIGID', version: waiting.version + 7 })).status,
      ).toBe(409);
      const sent = await contactpunt.agent.post<RightsRequestDetailDto>(url, {
        identityMethod: 'DIGID',
        version: waiting.version,
      });
      expect(sent.status).toBe(200);
      expect(sent.body).toMatchObject({
        status: 'IN_BEHANDELING',
        identityMethod: 'DIGID',
        taskCounts: { total: 4 },
      });
      const again = await contactpunt.agent.post(url, {
        identityMethod: 'DIGID',
        version: sent.body.version,
      });
      expect([again.status, problemType(again)]).toEqual([409, 'rights_request.state']);
    });
  });

  describe('the legal deadline', () => {
    it.each([
      ['2025-01-31', '2025-02-28'],
      ['2024-01-31', '2024-02-29'],
      ['2025-03-31', '2025-04-30'],
      ['2025-12-15', '2026-01-15'],
    ])(
      'received %s: due %s (one calendar month, the last day when the month is shorter)',
      async (receivedAt, dueAt) => {
        const detail = await create({ receivedAt });
        expect(detail).toMatchObject({ receivedAt, dueAt, overdue: true });
      },
    );

    it('is extended once, by one or two months from receipt, with a reason, only up to the deadline', async () => {
      const detail = await create({ receivedAt: '2026-01-31' });
      const url = `/api/rights-requests/${detail.id}/extension`;
      // Make it due today: the rules look at the deadline, not at the date of receipt.
      await factory.client.query('update rights_request set due_at = $2 where id = $1', [
        detail.id,
        clock.today(),
      ]);

      const bad = await contactpunt.agent.post(url, { months: 3, reason: '  ', version: detail.version });
      expect(fields(bad)).toEqual(['months:max', 'reason:isNotBlank']);
      expect((await contactpunt.agent.post(url, { months: 2, reason: 'Complex', version: 99 })).status).toBe(
        409,
      );

      const extended = await contactpunt.agent.post<RightsRequestDetailDto>(url, {
        months: 2,
        reason: 'Veel partners en dossiers (fictief).',
        version: detail.version,
      });
      expect(extended.status).toBe(200);
      expect(extended.body).toMatchObject({
        dueAt: '2026-04-30',
        originalDueAt: '2026-02-28',
        extended: true,
        extension: { months: 2, reason: 'Veel partners en dossiers (fictief).' },
        can: { extend: false },
      });
      const twice = await contactpunt.agent.post(url, {
        months: 1,
        reason: 'Nog meer',
        version: extended.body.version,
      });
      expect([twice.status, problemType(twice)]).toEqual([409, 'rights_request.already_extended']);

      const late = await create();
      await factory.client.query('update rights_request set due_at = $2::date - 1 where id = $1', [
        late.id,
        clock.today(),
      ]);
      const refused = await contactpunt.agent.post(`/api/rights-requests/${late.id}/extension`, {
        months: 1,
        reason: 'Te laat',
        version: late.version,
      });
      expect([refused.status, problemType(refused)]).toEqual([409, 'rights_request.past_due']);
      const audit = await factory.client.query(
        `select details from audit_event where action = 'rights_request.extend' and object_id = $1`,
        [detail.id],
      );
      expect(audit.rows).toEqual([{ details: { months: 2, dueAt: '2026-04-30' } }]);
    });
  });

  describe('the joint controllers complete their tasks', () => {
    let detail: RightsRequestDetailDto;

    beforeAll(async () => {
      detail = await create({ type: 'RECTIFICATIE' });
    });

    const taskOf = async (x: Party) =>
      (await x.agent.get<MyRightsTaskDto[]>('/api/rights-tasks')).body.find(
        (t) => t.request.number === detail.number,
      );

    it('each sees its own task with the cases it takes part in, never the person', async () => {
      const politie = await taskOf(p.politie);
      expect(politie).toMatchObject({
        status: 'OPEN',
        itemCount: 1,
        request: {
          number: detail.number,
          type: 'RECTIFICATIE',
          status: 'IN_BEHANDELING',
          dueAt: detail.dueAt,
          overdue: false,
        },
      });
      expect(politie?.cases.map((c) => c.number).sort()).toEqual(
        [caseNumbers['withBsn'], caseNumbers['nameOnly']].sort(),
      );
      const ggz = await taskOf(p.ggz);
      expect(ggz?.cases).toEqual([{ id: cases.withBsn, number: caseNumbers['withBsn'] }]);
      const all = await p.ggz.agent.get<MyRightsTaskDto[]>('/api/rights-tasks');
      expect(JSON.stringify(all.body)).not.toMatch(/Mila|Verzonnen|2001-02-03/);
      // The municipality holds data on the namesake only: no task.
      expect(await taskOf(p.gemeente)).toBeUndefined();
    });

    it('a partner cannot answer another organisation’s task (404); a refusal needs its ground; stale versions are 409', async () => {
      const ggz = (await taskOf(p.ggz)) as MyRightsTaskDto;
      const url = `/api/rights-tasks/${ggz.id}/answer`;
      expect((await p.gemeente.agent.post(url, { status: 'AFGEROND', version: ggz.version })).status).toBe(
        404,
      );
      expect((await p.politie.agent.post(url, { status: 'AFGEROND', version: ggz.version })).status).toBe(
        404,
      );
      expect((await contactpunt.agent.post(url, { status: 'AFGEROND', version: ggz.version })).status).toBe(
        404,
      );
      const noGround = await p.ggz.agent.post(url, { status: 'AFGEWEZEN', note: ' ', version: ggz.version });
      expect(fields(noGround)).toEqual(['note:isNotBlank']);
      expect(fields(await p.ggz.agent.post(url, { status: 'OPEN', version: ggz.version }))).toEqual([
        'status:isIn',
      ]);
      expect((await p.ggz.agent.post(url, { status: 'AFGEROND', version: ggz.version + 1 })).status).toBe(
        409,
      );

      const refused = await p.ggz.agent.post<MyRightsTaskDto>(url, {
        status: 'AFGEWEZEN',
        note: 'Beroepsgeheim: rectificatie via de behandelaar (fictief).',
        version: ggz.version,
      });
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ status: 'AFGEWEZEN', answeredAt: expect.any(String) });
      const twice = await p.ggz.agent.post(url, { status: 'AFGEROND', version: refused.body.version });
      expect([twice.status, problemType(twice)]).toEqual([409, 'rights_task.state']);
    });

    it('the contactpunt closes only when every task is done, and sees who answered what', async () => {
      const closeUrl = `/api/rights-requests/${detail.id}/close`;
      const current = (
        await contactpunt.agent.get<RightsRequestDetailDto>(`/api/rights-requests/${detail.id}`)
      ).body;
      const early = await contactpunt.agent.post(closeUrl, {
        status: 'AFGEROND',
        outcome: 'Klaar',
        version: current.version,
      });
      expect([early.status, problemType(early)]).toEqual([409, 'rights_request.tasks_open']);

      for (const x of [p.politie, p.veiligThuis, p.zvh]) {
        const task = (await taskOf(x)) as MyRightsTaskDto;
        const res = await x.agent.post(`/api/rights-tasks/${task.id}/answer`, {
          status: x === p.veiligThuis ? 'NIETS_GEVONDEN' : 'AFGEROND',
          version: task.version,
        });
        expect(res.status).toBe(200);
      }
      const done = (await contactpunt.agent.get<RightsRequestDetailDto>(`/api/rights-requests/${detail.id}`))
        .body;
      expect(done.taskCounts).toEqual({ total: 4, open: 0 });
      expect(done.can.close).toBe(true);
      expect(done.tasks.find((t) => t.organisation.id === p.ggz.organisationId)).toMatchObject({
        status: 'AFGEWEZEN',
        answeredBy: 'ggz (fictief)',
        note: 'Beroepsgeheim: rectificatie via de behandelaar (fictief).',
      });
      expect(done.tasks.find((t) => t.organisation.id === p.veiligThuis.organisationId)?.status).toBe(
        'NIETS_GEVONDEN',
      );

      expect(
        fields(
          await contactpunt.agent.post(closeUrl, { status: 'AFGEROND', outcome: '', version: done.version }),
        ),
      ).toEqual(['outcome:isNotBlank', 'outcome:isLength']);
      const closed = await contactpunt.agent.post<RightsRequestDetailDto>(closeUrl, {
        status: 'AFGEROND',
        outcome: 'Betrokkene schriftelijk geantwoord (fictief).',
        version: done.version,
      });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        status: 'AFGEROND',
        closedAt: expect.any(String),
        can: { extend: false, reject: false },
      });
      expect(
        (
          await contactpunt.agent.post(closeUrl, {
            status: 'AFGEWEZEN',
            outcome: 'x',
            version: closed.body.version,
          })
        ).status,
      ).toBe(409);

      const audit = await factory.client.query<{ action: string; actor: string }>(
        `select action, actor_user_id::text as actor from audit_event
          where action in ('rights_task.answer', 'rights_request.close') order by seq`,
      );
      expect(audit.rows.filter((r) => r.action === 'rights_task.answer')).toHaveLength(4);
      expect(audit.rows.at(-1)).toEqual({ action: 'rights_request.close', actor: contactpunt.userId });
    });

    it('a refused request takes no more answers', async () => {
      const other = await create({ type: 'BEZWAAR' });
      const rejected = await contactpunt.agent.post<RightsRequestDetailDto>(
        `/api/rights-requests/${other.id}/close`,
        {
          status: 'AFGEWEZEN',
          outcome: 'Kennelijk ongegrond (fictief).',
          version: other.version,
        },
      );
      expect(rejected.body.status).toBe('AFGEWEZEN');
      const task = (await p.politie.agent.get<MyRightsTaskDto[]>('/api/rights-tasks')).body.find(
        (t) => t.request.number === other.number,
      ) as MyRightsTaskDto;
      expect(task.request.status).toBe('AFGEWEZEN');
      const late = await p.politie.agent.post(`/api/rights-tasks/${task.id}/answer`, {
        status: 'AFGEROND',
        version: task.version,
      });
      expect([late.status, problemType(late)]).toEqual([409, 'rights_request.closed']);
    });
  });

  describe('the inzage report', () => {
    const download = (x: Party, id: string) => x.agent.get(`/api/rights-requests/${id}/report.pdf`);

    it('lists per joint controller the cases and item titles, and who had access, without the BSN or any content', async () => {
      await addItem(p.ggz, cases.withBsn, 'C4', 'Intake GGZ (fictief)');
      await addItem(p.politie, cases.nameOnly, 'C5', 'Melding politie (fictief)');
      // The police read the case: that access belongs in the history.
      expect((await p.politie.agent.get(`/api/cases/${cases.withBsn}`)).status).toBe(200);
      const detail = await create();
      const res = await download(contactpunt, detail.id);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="inzage-${detail.number}.pdf"`);
      const body = res.raw;
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      const text = (await pdfText(body)).replace(/\s+/g, ' ');

      expect(text).toContain('Vertrouwelijk — inzageoverzicht');
      expect(text).toContain(detail.number);
      expect(text).toContain(`${SUBJECT.givenName} ${SUBJECT.familyName}`);
      expect(text).toContain('03-02-2001');
      for (const task of detail.tasks) {
        expect(text).toContain(task.organisation.name);
      }
      expect(text).toContain(`Casus ${caseNumbers.withBsn}`);
      expect(text).toContain(`Casus ${caseNumbers.nameOnly}`);
      expect(text).not.toContain(caseNumbers.namesake);
      expect(text).toContain('Zorg en gezondheid: Intake GGZ (fictief)');
      expect(text).toContain('Politiegegevens: Melding politie (fictief)');
      expect(text).not.toContain(BSN);
      expect(text).not.toContain('Inhoud die de contactpunt nooit ziet');
      expect(text).toMatch(/pagina 1 van \d+/);
      const { rows: orgs } = await factory.client.query<{ name: string }>(
        'select name from organisation where id = $1',
        [p.politie.organisationId],
      );
      expect(text).toContain(`${orgs[0].name}, deelnemer: casus ingezien`);

      const audit = await factory.client.query<{ details: Record<string, number>; persons: number }>(
        `select e.details, (select count(*)::int from audit_event c
                             where c.parent_span_id = e.span_id and c.data_subject_id is not null) as persons
           from audit_event e
          where e.action = 'rights_request.report' and e.object_id = $1 and e.data_subject_id is null`,
        [detail.id],
      );
      expect(audit.rows).toHaveLength(1);
      expect(audit.rows[0].persons).toBe(2);
      expect(Object.keys(audit.rows[0].details).sort()).toEqual([
        'accessRecords',
        'cases',
        'controllers',
        'items',
      ]);
      expect(audit.rows[0].details).toMatchObject({ controllers: 4, cases: 2 });
    });

    it('exists only for the contactpunt of the region, and only for an INZAGE request that has gone out', async () => {
      const detail = await create();
      const fg = await party(p.zvh.organisationId, tableId, 'FG_AUDITOR', 'FG');
      for (const x of [p.politie, p.zvh, fg, elsewhere]) {
        expect((await download(x, detail.id)).status).toBe(404);
      }
      const waiting = await create({ identityVerified: false, identityMethod: undefined });
      const other = await create({ type: 'BEZWAAR' });
      for (const id of [waiting.id, other.id]) {
        const res = await download(contactpunt, id);
        expect([res.status, problemType(res)]).toEqual([409, 'rights_request.no_report']);
      }
    });
  });

  describe('other regions and row-level security', () => {
    let detail: RightsRequestDetailDto;
    let app1: Client;

    beforeAll(async () => {
      detail = await create({ type: 'BEPERKING' });
      app1 = await appRoleClient(db.url);
    });

    afterAll(async () => {
      await app1?.end();
    });

    it('a request of another region does not exist for its contactpunt', async () => {
      expect((await elsewhere.agent.get(`/api/rights-requests/${detail.id}`)).status).toBe(404);
      const list = await elsewhere.agent.get<RightsRequestSummaryDto[]>('/api/rights-requests');
      expect(list.body.map((r) => r.id)).not.toContain(detail.id);
      const ext = await elsewhere.agent.post(`/api/rights-requests/${detail.id}/extension`, {
        months: 1,
        reason: 'x',
        version: detail.version,
      });
      expect(ext.status).toBe(404);
    });

    /** What a query without any service filter returns, as the app role with a request's security context. */
    async function visible(x: Party, sql: string): Promise<string[]> {
      return inSecurityContext(app1, { userId: x.userId, organisationId: x.organisationId }, async (client) =>
        (await client.query<{ key: string }>(sql)).rows.map((r) => r.key).sort(),
      );
    }

    it('the app role without the service filter sees no other organisation’s tasks, and no subject outside the contactpunt', async () => {
      const { rows } = await factory.client.query<{ id: string; organisation_id: string }>(
        'select id, organisation_id from rights_task where request_id = $1',
        [detail.id],
      );
      const taskOf = (x: Party) =>
        rows.filter((r) => r.organisation_id === x.organisationId).map((r) => r.id);
      const allTasks = `select id::text as key from rights_task where request_id = '${detail.id}'`;
      expect(await visible(contactpunt, allTasks)).toEqual(rows.map((r) => r.id).sort());
      expect(await visible(p.politie, allTasks)).toEqual(taskOf(p.politie));
      expect(await visible(p.ggz, allTasks)).toEqual(taskOf(p.ggz));
      expect(await visible(p.gemeente, allTasks)).toEqual([]);
      expect(await visible(triagist, allTasks)).toEqual([]);
      expect(await visible(elsewhere, allTasks)).toEqual([]);

      const requestRow = `select id::text as key from rights_request where id = '${detail.id}'`;
      expect(await visible(contactpunt, requestRow)).toEqual([detail.id]);
      expect(await visible(p.politie, requestRow)).toEqual([detail.id]);
      expect(await visible(p.gemeente, requestRow)).toEqual([]);
      expect(await visible(elsewhere, requestRow)).toEqual([]);

      for (const table of ['rights_request_subject', 'rights_request_person']) {
        const sql = `select request_id::text as key from ${table} where request_id = '${detail.id}'`;
        expect((await visible(contactpunt, sql)).length).toBeGreaterThan(0);
        expect(await visible(p.politie, sql)).toEqual([]);
        expect(await visible(p.zvh, sql)).toEqual([]);
      }
      // Changes: a partner answers only its own task; it cannot touch the request.
      await inSecurityContext(
        app1,
        { userId: p.politie.userId, organisationId: p.politie.organisationId },
        async (client) => {
          expect(
            (await client.query(`update rights_task set note = 'x' where request_id = $1`, [detail.id]))
              .rowCount,
          ).toBe(1);
          expect(
            (await client.query(`update rights_request set outcome = 'x' where id = $1`, [detail.id]))
              .rowCount,
          ).toBe(0);
        },
      );
    });
  });
});
