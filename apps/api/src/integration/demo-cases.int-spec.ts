import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isValidBsn, PersonsService } from '@casustafel/api/cases';
import {
  DEMO_ANCHORS,
  DEMO_CASES,
  DEMO_PASSWORD,
  DEMO_REGISTRATIONS,
  DemoSeeder,
  JOURNEY_CASE,
} from '@casustafel/api/demo';
import { Clock } from '@casustafel/api/platform';
import { createTestDatabase, TestAgent, TestDatabase } from '@casustafel/api/testing';
import {
  CASE_STATES,
  DATA_CATEGORIES,
  type CaseConsentsDto,
  type CaseDetailDto,
  type CaseInformingDto,
  type CaseItemDto,
  type CaseListResponse,
  type InformationRequestOverviewDto,
  type InformingReviewDto,
  type MyRightsTaskDto,
  type RegistrationDto,
  type RightsRequestDetailDto,
  type RightsRequestSummaryDto,
} from '@casustafel/shared/contracts';
import { Client } from 'pg';
import { signIn } from './support/sign-in';
import { startTestApi } from './support/test-api';

type Full = Extract<CaseItemDto, { visibility: 'FULL' }>;

/**
 * The demo cases (issue 4 §14) through the real API: each demo role signs in and sees its own
 * picture of the same seeded region, exactly as the access policy grants it.
 */
describe('demo cases (real PostgreSQL, real API)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let clock: Clock;
  let sql: Client;
  let seedMs: number;
  const agents = new Map<string, TestAgent>();

  const as = async (user: string): Promise<TestAgent> => {
    let agent = agents.get(user);
    if (!agent) {
      agent = await signIn(app, `${user}@demo.casustafel.example`, DEMO_PASSWORD);
      agents.set(user, agent);
    }
    return agent;
  };
  const demoCase = (key: string) => DEMO_CASES.find((c) => c.key === key) ?? missing(`no demo case ${key}`);
  /** A seeded case's id, found by its first person. */
  const caseId = async (key: string): Promise<string> => {
    const first = demoCase(key).persons[0];
    const { rows } = await sql.query<{ case_id: string }>(
      `select cp.case_id from case_person cp join person p on p.id = cp.person_id
        where cp.position = 0 and p.given_name = $1 and p.family_name = $2`,
      [first.givenName, first.familyName],
    );
    expect(rows).toHaveLength(1);
    return rows[0].case_id;
  };
  const view = async (user: string, key: string): Promise<CaseDetailDto> => {
    const res = await (await as(user)).get<CaseDetailDto>(`/api/cases/${await caseId(key)}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const item = (detail: CaseDetailDto, title: string) =>
    detail.items.find((i) => i.visibility === 'FULL' && i.title === title) as Full | undefined;
  const itemId = async (title: string): Promise<string> =>
    (await sql.query<{ id: string }>('select id from case_item where title = $1', [title])).rows[0].id;
  const listed = async (user: string): Promise<CaseListResponse> => {
    const res = await (await as(user)).get<CaseListResponse>('/api/cases?pageSize=100');
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, clock } = await startTestApi(db.url, { DEMO_MODE: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    const started = Date.now();
    await expect(app.get(DemoSeeder).seedOnce()).resolves.toBe('seeded');
    seedMs = Date.now() - started;
  });

  afterAll(async () => {
    await sql?.end();
    await app?.close();
    await db?.drop();
  });

  it('seeds once and quickly: a second start finds the region and adds nothing', async () => {
    // It runs at every demo start-up (the bound leaves room for a loaded test machine).
    expect(seedMs).toBeLessThan(5000);
    const count = async () =>
      (
        await sql.query<{ n: string }>(
          `select (select count(*) from casus) + (select count(*) from registration) + (select count(*) from person)
                  + (select count(*) from case_item) as n`,
        )
      ).rows[0].n;
    const before = await count();
    await expect(app.get(DemoSeeder).seedOnce()).resolves.toBe('already-present');
    expect(await count()).toBe(before);
  });

  it('has about twenty mensenhandel cases in every state but VERNIETIGD, and complex cases with the OM', async () => {
    const { rows } = await sql.query<{ theme: string; state: string; n: number }>(
      `select t.theme, c.state, count(*)::int as n from casus c join case_table t on t.id = c.table_id group by 1, 2`,
    );
    const mh = rows.filter((r) => r.theme === 'MENSENHANDEL');
    expect(mh.map((r) => r.state).sort()).toEqual(CASE_STATES.filter((s) => s !== 'VERNIETIGD').sort());
    expect(mh.reduce((n, r) => n + r.n, 0)).toBeGreaterThanOrEqual(18);
    const complex = await sql.query<{ n: number; with_om: number }>(
      `select count(*)::int as n, count(*) filter (where exists (select 1 from case_participant p join organisation o
                on o.id = p.organisation_id where p.case_id = c.id and o.partner_type = 'OM'))::int as with_om
         from casus c join case_table t on t.id = c.table_id where t.theme = 'COMPLEX'`,
    );
    expect(complex.rows[0].n).toBeGreaterThanOrEqual(3);
    expect(complex.rows[0].with_om).toBe(complex.rows[0].n);
    // Closed cases carry their closing time and the retention date the AFSLUITEN transition computes.
    const closed = await sql.query<{ ok: boolean }>(
      `select c.closed_at is not null and c.retention_until = (c.closed_at + make_interval(months => t.default_retention_months))::date
              and c.retention_until > current_date as ok
         from casus c join case_table t on t.id = c.table_id where c.state = 'AFGESLOTEN'`,
    );
    expect(closed.rows.length).toBeGreaterThanOrEqual(2);
    expect(closed.rows.every((r) => r.ok)).toBe(true);
  });

  it('has items in every category C1..C14 and every sensitivity', async () => {
    const categories = await sql.query<{ category: string }>('select distinct category from case_item');
    expect(categories.rows.map((r) => r.category).sort()).toEqual([...DATA_CATEGORIES].sort());
    const sensitivities = await sql.query<{ sensitivity: string }>(
      'select distinct sensitivity from case_item',
    );
    expect(sensitivities.rows.map((r) => r.sensitivity).sort()).toEqual(['EMBARGO', 'GEVOELIG', 'NORMAAL']);
  });

  it('writes persons as the persons service does: fictional names, test-range BSNs sealed, the same keys', async () => {
    const persons = app.get(PersonsService);
    const { rows } = await sql.query<{
      id: string;
      given_name: string;
      family_name: string;
      date_of_birth: string | null;
      bsn_enc: Buffer | null;
      bsn_hash: Buffer | null;
      match_hash: Buffer | null;
    }>(
      `select id, given_name, family_name, to_char(date_of_birth, 'YYYY-MM-DD') as date_of_birth, bsn_enc, bsn_hash, match_hash
         from person`,
    );
    expect(rows.length).toBeGreaterThan(30);
    let withBsn = 0;
    for (const p of rows) {
      expect(p.family_name).toContain('(fictief)');
      const expectedMatch = persons.matchHash(p.given_name, p.family_name, p.date_of_birth);
      expect(p.match_hash?.equals(expectedMatch as Buffer) ?? expectedMatch === null).toBe(true);
      if (p.bsn_enc) {
        withBsn++;
        const bsn = persons.openBsn(p.id, p.bsn_enc.toString('base64')) as string;
        expect(isValidBsn(bsn)).toBe(true);
        expect(bsn).toMatch(/^99999/);
        expect(p.bsn_enc.toString('latin1')).not.toContain(bsn);
        expect(p.bsn_hash?.equals(persons.bsnHash(bsn))).toBe(true);
      }
    }
    expect(withBsn).toBeGreaterThan(5);
  });

  it('the journey case: politie misses the GGz note, GGz reads it, the ZVH sees that care is involved', async () => {
    const politieList = await (
      await as('politie')
    ).get<CaseListResponse>(`/api/cases?q=${encodeURIComponent(JOURNEY_CASE.personName)}`);
    expect(politieList.body.items).toHaveLength(1);
    expect(politieList.body.items[0]).toMatchObject({
      state: JOURNEY_CASE.state,
      tableName: JOURNEY_CASE.table,
    });
    expect(politieList.body.items[0].persons).toEqual([
      { role: 'SLACHTOFFER', name: JOURNEY_CASE.personName },
    ]);

    const { ggzNote, policeItem, plan } = JOURNEY_CASE.items;
    const noteId = await itemId(ggzNote.title);
    const politie = await view('politie', JOURNEY_CASE.key);
    expect(politie.participants.map((p) => p.organisation.partnerType).sort()).toEqual([
      'GGZ_ZORGAANBIEDER',
      'POLITIE',
      'ZORGCOORDINATOR',
      'ZVH',
    ]);
    expect(politie.items.find((i) => i.id === noteId)).toBeUndefined();
    expect(item(politie, policeItem.title)).toMatchObject({ grantedBy: 'OWN', category: 'C5' });
    expect(item(politie, plan.title)).toMatchObject({ grantedBy: 'MATRIX', category: 'C3' });
    expect(politie.persons[0]).toMatchObject({ visibility: 'FULL', givenName: JOURNEY_CASE.givenName });
    expect(politie.mensenhandel?.shelter).toBeUndefined();
    expect(politie.mensenhandel?.b8).toBeUndefined();
    expect(politie.items.some((i) => i.category === 'C7')).toBe(false);

    const ggz = await view('ggz', JOURNEY_CASE.key);
    expect(item(ggz, ggzNote.title)).toMatchObject({
      grantedBy: 'OWN',
      category: 'C4',
      sensitivity: 'NORMAAL',
    });
    expect(ggz.items.find((i) => i.category === 'C5')).toMatchObject({ visibility: 'SUMMARY' });

    for (const user of ['procesregisseur', 'zorgcoordinator']) {
      const detail = await view(user, JOURNEY_CASE.key);
      expect(detail.items.find((i) => i.id === noteId)).toMatchObject({
        visibility: 'SUMMARY',
        summary: 'ZORGPARTNER_BETROKKEN',
      });
    }
    expect((await (await as('om')).get(`/api/cases/${await caseId(JOURNEY_CASE.key)}`)).status).toBe(404);
  });

  it('the shelter address: the zorgcoördinator and the shelter organisation read it, the police does not', async () => {
    const zcShelter = demoCase('shelter-zc').mensenhandel?.shelter;
    const zc = await view('zorgcoordinator', 'shelter-zc');
    expect(zc.mensenhandel?.shelter).toMatchObject({
      visibility: 'FULL',
      type: 'COSM',
      address: zcShelter?.address,
    });
    const politie = await view('politie', 'shelter-zc');
    expect(politie.mensenhandel?.shelter).toEqual({ visibility: 'SUMMARY' });
    expect(JSON.stringify(politie)).not.toContain(zcShelter?.address);

    const ggzShelter = demoCase('escalated-shelter-ggz').mensenhandel?.shelter;
    expect(DEMO_ANCHORS.shelterGgzCase).toBe(
      `${demoCase('escalated-shelter-ggz').persons[0].givenName} ${demoCase('escalated-shelter-ggz').persons[0].familyName}`,
    );
    for (const user of ['zorgcoordinator', 'ggz']) {
      const detail = await view(user, 'escalated-shelter-ggz');
      expect(detail.mensenhandel?.shelter).toMatchObject({
        visibility: 'FULL',
        address: ggzShelter?.address,
      });
    }
    const procesregisseur = await view('procesregisseur', 'escalated-shelter-ggz');
    expect(procesregisseur.mensenhandel?.shelter).toEqual({ visibility: 'SUMMARY' });
  });

  it('the B8 reflection period of one case ends within two weeks: the warning shows', async () => {
    const zc = await view('zorgcoordinator', 'escalated-shelter-ggz');
    const b8 = zc.mensenhandel?.b8 as { visibility: 'FULL'; endsAt: string; endingSoon: boolean };
    expect(b8).toMatchObject({ visibility: 'FULL', endingSoon: true });
    const daysLeft = (Date.parse(b8.endsAt) - Date.parse(clock.today())) / 86_400_000;
    expect(daysLeft).toBeGreaterThanOrEqual(0);
    expect(daysLeft).toBeLessThanOrEqual(14);
    // Elsewhere no warning; the ZVH sees only that a B8 track runs (C8: S).
    const other = await view('zorgcoordinator', 'labour-greenhouse');
    expect(other.mensenhandel?.b8).toMatchObject({ visibility: 'FULL', endingSoon: false });
    expect((await view('procesregisseur', 'escalated-shelter-ggz')).mensenhandel?.b8).toEqual({
      visibility: 'SUMMARY',
    });
  });

  it('embargo: the police item stays with police (and OM); GEVOELIG gives a summary where the matrix says full', async () => {
    const title = 'Lopend opsporingsonderzoek';
    expect(item(await view('politie', 'escalated-shelter-ggz'), title)).toMatchObject({
      sensitivity: 'EMBARGO',
      grantedBy: 'OWN',
    });
    for (const user of ['zorgcoordinator', 'ggz', 'procesregisseur', 'veiligthuis']) {
      expect((await view(user, 'escalated-shelter-ggz')).items.some((i) => i.category === 'C7')).toBe(false);
    }
    const complexTitle = 'Onderzoek naar de ex-partner';
    expect(item(await view('om', 'complex-family'), complexTitle)).toMatchObject({
      grantedBy: 'EMBARGO_WHITELIST',
    });
    for (const user of ['ggz', 'veiligthuis', 'casusregisseur']) {
      expect((await view(user, 'complex-family')).items.some((i) => i.category === 'C7')).toBe(false);
    }
    // The police see C2 in full by the matrix, but this statement is GEVOELIG: a summary.
    const sensitive = await itemId('Verklaring over de uitbuitingssituatie');
    expect(
      (await view('politie', 'escalated-shelter-ggz')).items.find((i) => i.id === sensitive),
    ).toMatchObject({
      visibility: 'SUMMARY',
    });
  });

  it('each role sees a different set of cases; the OM only Complexe casuïstiek, FG and beheerder none', async () => {
    const sets = new Map<string, string[]>();
    for (const user of [
      'procesregisseur',
      'casusregisseur',
      'politie',
      'zorgcoordinator',
      'ggz',
      'om',
      'veiligthuis',
      'reclassering',
    ]) {
      sets.set(user, (await listed(user)).items.map((c) => c.number).sort());
    }
    const distinct = new Set([...sets.values()].map((s) => s.join(',')));
    expect(distinct.size).toBe(sets.size);
    const om = await listed('om');
    expect(om.items.length).toBeGreaterThanOrEqual(3);
    expect(om.items.every((c) => c.tableName === 'Complexe casuïstiek')).toBe(true);
    expect((await listed('zorgcoordinator')).items.every((c) => c.tableName === 'Mensenhandel')).toBe(true);
    // The ZVH takes part in every case (it triaged them); the others in some.
    const total = Number(
      (await sql.query<{ n: string }>("select count(*) as n from casus where state <> 'VERNIETIGD'")).rows[0]
        .n,
    );
    expect(sets.get('procesregisseur')).toHaveLength(total);
    for (const user of ['casusregisseur', 'politie', 'zorgcoordinator', 'ggz']) {
      expect((sets.get(user) ?? []).length).toBeLessThan(total);
      expect((sets.get(user) ?? []).length).toBeGreaterThan(3);
    }
    const ggzSignal = await caseId('signal-ggz');
    expect((await listed('ggz')).items.map((c) => c.id)).toContain(ggzSignal);
    expect((await listed('politie')).items.map((c) => c.id)).not.toContain(ggzSignal);
    for (const user of ['fg', 'beheerder', 'contactpunt']) {
      expect((await (await as(user)).get('/api/cases')).status).toBe(404);
    }
  });

  it('extracts (issue 7): nothing issued yet; the OM user signs in and finds an empty list', async () => {
    const om = await (await as('om')).get('/api/received-extracts');
    expect(om.status).toBe(200);
    expect(om.body).toEqual([]);
    expect(Number((await sql.query<{ n: string }>('select count(*) as n from extract')).rows[0].n)).toBe(0);
  });

  it('a person in two active cases: the managers get the person-index hint, others do not', async () => {
    const detail = await view('procesregisseur', 'shelter-zc');
    const kees = detail.persons.find((p) => p.role === 'VERDACHTE');
    expect(detail.knownElsewhere).toEqual([
      expect.objectContaining({
        personRef: kees?.id,
        tableName: 'Mensenhandel',
        procesregisseur: 'Petra Procesregisseur (fictief)',
      }),
    ]);
    expect((await view('politie', 'shelter-zc')).knownElsewhere).toEqual([]);
    // Triage sees a submitted registration's person known in an active case.
    const submitted = DEMO_REGISTRATIONS.find((x) => x.key === 'submitted-police') ?? missing('registration');
    const person = submitted.persons[0];
    expect(`${person.givenName} ${person.familyName}`).toBe(DEMO_ANCHORS.registrationKnownElsewhere);
    const board = await (await as('triagist')).get<RegistrationDto[]>('/api/triage/registrations');
    const known = board.body.find((r) => r.reason === submitted.reason) ?? missing('on the board');
    const full = await (await as('triagist')).get<RegistrationDto>(`/api/registrations/${known.id}`);
    expect(full.body.persons[0]).toMatchObject({
      givenName: person.givenName,
      familyName: person.familyName,
    });
    expect(full.body.knownElsewhere).toEqual([expect.objectContaining({ tableName: 'Mensenhandel' })]);
  });

  it('registrations: triage has a board, the police its own list with drafts, advice and created cases', async () => {
    const board = await (await as('triagist')).get<RegistrationDto[]>('/api/triage/registrations');
    expect(new Set(board.body.map((r) => r.state))).toEqual(new Set(['AANGEMELD', 'IN_TRIAGE']));
    expect(board.body.length).toBeGreaterThanOrEqual(3);
    const mine = await (await as('politie')).get<RegistrationDto[]>('/api/registrations');
    const states = new Set(mine.body.map((r) => r.state));
    for (const state of ['CONCEPT', 'AANGEMELD', 'AFGEWEZEN_MET_ADVIES', 'CASE_CREATED']) {
      expect(states).toContain(state);
    }
    const rejected = mine.body.find((r) => r.state === 'AFGEWEZEN_MET_ADVIES');
    expect(rejected?.triage).toMatchObject({ outcome: 'AFGEWEZEN', advice: expect.stringMatching(/\S/) });
    expect(mine.body.filter((r) => r.state === 'CASE_CREATED').every((r) => r.triage?.caseId)).toBe(true);
    const ggzMine = await (await as('ggz')).get<RegistrationDto[]>('/api/registrations');
    expect(ggzMine.body.map((r) => r.state)).toContain('BILATERAAL');
    const gemeente = await (await as('casusregisseur')).get<RegistrationDto[]>('/api/registrations');
    expect(gemeente.body.find((r) => r.state === 'DOORVERWEZEN_LOKAAL')?.triage?.referral).toMatch(/\S/);
  });

  it('information requests: open, overdue, answered with an item and declined with a reason', async () => {
    const vt = await (
      await as('veiligthuis')
    ).get<InformationRequestOverviewDto[]>('/api/information-requests');
    expect(
      vt.body
        .filter((r) => r.direction === 'RECEIVED')
        .map((r) => r.overdue)
        .sort(),
    ).toEqual([false, true]);
    const ggz = await (await as('ggz')).get<InformationRequestOverviewDto[]>('/api/information-requests');
    expect(
      ggz.body.filter((r) => r.direction === 'RECEIVED' && r.state === 'OPEN').length,
    ).toBeGreaterThanOrEqual(2);
    const reclassering = await (
      await as('reclassering')
    ).get<InformationRequestOverviewDto[]>('/api/information-requests');
    expect(reclassering.body.some((r) => r.direction === 'RECEIVED')).toBe(true);
    const sent = await (
      await as('procesregisseur')
    ).get<InformationRequestOverviewDto[]>('/api/information-requests');
    expect(sent.body.some((r) => r.direction === 'SENT' && r.overdue)).toBe(true);

    const courier = await view('procesregisseur', 'criminal-courier');
    const answered = courier.informationRequests.find((r) => r.state === 'ANSWERED');
    expect(answered?.to.partnerType).toBe('RECLASSERING');
    expect(answered?.answerItemIds).toHaveLength(1);
    expect(courier.informationRequests.find((r) => r.state === 'DECLINED')).toMatchObject({
      to: expect.objectContaining({ partnerType: 'GGZ_ZORGAANBIEDER' }),
      declineReason: expect.stringContaining('Beroepsgeheim'),
    });
    const ownAnswer = await view('reclassering', 'criminal-courier');
    expect(ownAnswer.items.find((i) => i.id === answered?.answerItemIds[0])).toMatchObject({
      visibility: 'FULL',
      category: 'C6',
    });
  });

  it('disclosures: approved ones open items, a revoked one no longer does, proposed ones await a manager', async () => {
    const policeReport = await itemId('Proces-verbaal controle kwekerij');
    expect(
      (await view('zorgcoordinator', 'labour-greenhouse')).items.find((i) => i.id === policeReport),
    ).toMatchObject({
      visibility: 'FULL',
      grantedBy: 'DISCLOSURE',
    });
    const supervision = await itemId('Toezicht en bijzondere voorwaarden');
    const gemeente = await view('casusregisseur', 'monitoring-criminal');
    expect(gemeente.items.find((i) => i.id === supervision)).toMatchObject({ visibility: 'SUMMARY' });
    expect(gemeente.disclosures.map((d) => d.state)).toEqual(['REVOKED']);
    const aftercare = await view('reclassering', 'complex-aftercare');
    const omItems = aftercare.items.filter((i) => i.authorOrganisation.partnerType === 'OM');
    expect(omItems.length).toBeGreaterThan(0);
    expect(omItems.every((i) => i.visibility === 'FULL' && i.grantedBy === 'DISCLOSURE')).toBe(true);
    const agenda = await view('procesregisseur', 'agenda-sexual');
    expect(agenda.disclosures.map((d) => d.state)).toEqual(['PROPOSED']);
    expect(agenda.can.approveDisclosure).toBe(true);
    // Proposed: the recipient sees nothing more yet (C5 is a summary for the zorgcoördinator).
    const pending = await view('zorgcoordinator', 'agenda-sexual');
    expect(pending.items.filter((i) => i.category === 'C5').every((i) => i.visibility === 'SUMMARY')).toBe(
      true,
    );
  });

  it('consent and informing: a disclosure rests on a recorded consent; an overdue deferral reminds the procesregisseur', async () => {
    const monitoring = await caseId('monitoring-sexual');
    const register = await (
      await as('zorgcoordinator')
    ).get<CaseConsentsDto>(`/api/cases/${monitoring}/consents`);
    // The zorgcoördinator sees the disclosure to itself, not the lapsed one to the wijkteam.
    expect(register.body.consents.map((k) => [k.kind, k.status, k.disclosureIds.length])).toEqual([
      ['INSTEMMING_AANPAK', 'ACTIVE', 0],
      ['BEROEPSGEHEIM_DOORBREKING', 'ACTIVE', 1],
      ['TOESTEMMING_GEGEVENSDELING', 'WITHDRAWN', 0],
    ]);
    const managed = await (
      await as('procesregisseur')
    ).get<CaseConsentsDto>(`/api/cases/${monitoring}/consents`);
    expect(managed.body.consents.map((k) => k.disclosureIds.length)).toEqual([0, 1, 1]);
    const progress = await itemId('Voortgang behandeling');
    expect(
      (await view('zorgcoordinator', 'monitoring-sexual')).items.find((i) => i.id === progress),
    ).toMatchObject({
      visibility: 'FULL',
      grantedBy: 'DISCLOSURE',
    });
    const courier = await caseId('criminal-courier');
    const informing = await (await as('politie')).get<CaseInformingDto>(`/api/cases/${courier}/informing`);
    expect(informing.body.history.map((h) => [h.status, h.reasonCode])).toEqual([
      ['DEFERRED', 'LOPEND_ONDERZOEK'],
      ['DEFERRED', 'VEILIGHEID_ANDEREN'],
    ]);
    expect(informing.body).toMatchObject({ reviewDue: true, canChange: false });
    const reminders = await (
      await as('procesregisseur')
    ).get<InformingReviewDto[]>('/api/informing/reviews-due');
    expect(reminders.body).toEqual([
      expect.objectContaining({ caseId: courier, reasonCode: 'LOPEND_ONDERZOEK', overdue: true }),
    ]);
    expect(
      (await (await as('politie')).get<InformingReviewDto[]>('/api/informing/reviews-due')).body,
    ).toEqual([]);
    // The journey cases start without a status.
    for (const name of DEMO_ANCHORS.informingJourneyCases) {
      const [givenName, ...family] = name.split(' ');
      const { rows } = await sql.query(
        `select count(*)::int as n from case_informing i join case_person cp on cp.case_id = i.case_id
           join person p on p.id = cp.person_id where p.given_name = $1 and p.family_name = $2`,
        [givenName, family.join(' ')],
      );
      expect([name, rows[0].n]).toEqual([name, 0]);
    }
  });

  // Last: it changes the demo data (a registration becomes a case, a new registration).
  it('data-subject requests: the contactpunt has one near its deadline and one waiting; the partners see their tasks', async () => {
    const contactpunt = await as('contactpunt');
    const list = await contactpunt.get<RightsRequestSummaryDto[]>('/api/rights-requests');
    expect(list.status).toBe(200);
    expect(list.body.map((r) => [r.type, r.status])).toEqual([
      ['INZAGE', 'IN_BEHANDELING'],
      ['VERWIJDERING', 'ONTVANGEN'],
    ]);
    const [inzage, waiting] = list.body;
    const daysLeft = (Date.parse(inzage.dueAt) - Date.parse(clock.today())) / 86_400_000;
    expect(daysLeft).toBeGreaterThanOrEqual(1);
    expect(daysLeft).toBeLessThanOrEqual(7);
    expect(inzage.overdue).toBe(false);
    expect(waiting.taskCounts).toEqual({ total: 0, open: 0 });

    const detail = (await contactpunt.get<RightsRequestDetailDto>(`/api/rights-requests/${inzage.id}`)).body;
    expect(detail.subject).toMatchObject({
      givenName: 'Piotr',
      familyName: 'Przykład (fictief)',
      bsnGiven: true,
    });
    expect(detail.matched.persons).toBeGreaterThanOrEqual(1);
    const done = detail.tasks.filter((t) => t.status !== 'OPEN').map((t) => t.organisation.name);
    expect(done).toEqual(['Zorgcoördinatie mensenhandel Gooi en Vechtstreek']);
    expect(detail.tasks.map((t) => t.organisation.name)).toEqual(
      expect.arrayContaining([
        'Zorg- en Veiligheidshuis Gooi en Vechtstreek',
        'Politie Midden-Nederland, district Gooi en Vechtstreek',
      ]),
    );

    const politie = (await (await as('politie')).get<MyRightsTaskDto[]>('/api/rights-tasks')).body;
    const task = politie.find((t) => t.request.number === inzage.number);
    expect(task).toMatchObject({ status: 'OPEN', request: { type: 'INZAGE', dueAt: inzage.dueAt } });
    expect(task?.cases.map((c) => c.id)).toContain(await caseId('shelter-zc'));
    expect(JSON.stringify(politie)).not.toContain('Przykład');
    // A new request continues the numbering.
    const created = await contactpunt.post<RightsRequestDetailDto>('/api/rights-requests', {
      type: 'BEZWAAR',
      receivedAt: clock.today(),
      receivedVia: 'BALIE',
      requester: 'BETROKKENE',
      identityVerified: false,
      subject: { givenName: 'Test', familyName: 'Nummering (fictief)', dateOfBirth: '1990-01-01' },
    });
    expect(created.status).toBe(201);
    expect(list.body.map((r) => r.number)).not.toContain(created.body.number);
  });

  it('numbers cases and registrations in the services’ format, and the services continue after them', async () => {
    const cases = await sql.query<{ number: string }>('select number from casus');
    for (const c of cases.rows) {
      expect(c.number).toMatch(/^(MH|CC)-\d{4}-\d{4}$/);
    }
    const linked = await sql.query<{ n: number }>(
      `select count(*)::int as n from casus c join registration r on r.id = c.registration_id
        where r.case_id = c.id and r.state = 'CASE_CREATED' and r.triage_outcome = 'ZVH_TABLE'`,
    );
    expect(linked.rows[0].n).toBe(cases.rows.length);

    // The triagist takes a seeded registration to the table: the new case gets the next free number.
    const triagist = await as('triagist');
    const board = await triagist.get<RegistrationDto[]>('/api/triage/registrations');
    const complex = board.body.find(
      (r) => r.tableName === 'Complexe casuïstiek' && r.state === 'AANGEMELD',
    ) as RegistrationDto;
    const started = await triagist.post<RegistrationDto>(`/api/triage/registrations/${complex.id}/start`);
    const decided = await triagist.post<RegistrationDto>(`/api/triage/registrations/${complex.id}/decision`, {
      outcome: 'ZVH_TABLE',
      advice: '',
      version: started.body.version,
    });
    expect(decided.status).toBe(200);
    const number = (
      await sql.query<{ number: string }>('select number from casus where id = $1', [
        decided.body.triage?.caseId,
      ])
    ).rows[0].number;
    expect(cases.rows.map((c) => c.number)).not.toContain(number);
    // And a new registration by the police gets a fresh registration number.
    const politie = await as('politie');
    const tables = await politie.get<Array<{ id: string; name: string }>>('/api/tables');
    const created = await politie.post<RegistrationDto>('/api/registrations', {
      tableId: tables.body.find((t) => t.name === 'Mensenhandel')?.id,
      reason: 'Nieuwe aanmelding (fictief).',
      goal: 'Test van de nummering.',
      discussedWithPerson: true,
      criteria: {
        multipleDomains: true,
        crossChain: true,
        systemAffected: false,
        localSafetyProblem: false,
        motivation: 'Test.',
      },
      signals: [],
      persons: [{ givenName: 'Test', familyName: 'Nummering (fictief)', role: 'OVERIG' }],
      proposedParticipants: [],
      submit: true,
    });
    expect(created.status).toBe(201);
  });
});

function missing(message: string): never {
  throw new Error(message);
}
