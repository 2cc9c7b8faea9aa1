import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JobRunner, LivePublisher, type StoredMeetingEvent } from '@casustafel/api/meetings';
import { Clock } from '@casustafel/api/platform';
import { createTestDatabase, IdentityFactory, TestAgent, TestDatabase } from '@casustafel/api/testing';
import type {
  ActionDto,
  MinutesDto,
  NotificationDto,
  NotificationListResponse,
  ProblemDetails,
  UnreadCountDto,
} from '@casustafel/shared/contracts';
import { CONFIDENTIALITY_STATEMENT_TEXT } from '@casustafel/shared/contracts';
import { SMTPServer } from 'smtp-server';
import { addDays, ConferenceFactory } from './support/conference';
import { signIn } from './support/sign-in';
import { startTestApi } from './support/test-api';
import { buildWorld, Party } from './support/world';

const POLICE_NOTE = 'Politie heeft de woning bezocht (fictief).';
const CARE_NOTE = 'Behandeling bij de GGZ loopt, medicatie aangepast (fictief).';
const EMBARGO_NOTE = 'Lopend opsporingsonderzoek naar de uitbuiter (fictief).';
const DECISION = 'Plan van aanpak vastgesteld (fictief).';
const ACTION_TEXT = 'Huisbezoek plannen met de cliënt (fictief).';
const OTHER_CASE_NOTE = 'Alleen zorg betrokken bij deze casus (fictief).';
const DAY = 24 * 3_600_000;

interface ReceivedMail {
  to: string[];
  raw: string;
}

/**
 * Actions, reminders, notifications, mail and minutes against real PostgreSQL (issue 6 §6–7):
 * minutes filtered per organisation in the database (a GGZ care note absent for the police, an
 * embargoed police note absent for organisations off the whitelist, another case's item
 * restricted), versions with a reason, "Mijn acties" scoped to the organisation, status changes
 * with their rules, durable reminders that survive a restart and never go twice, and e-mails that
 * reach an SMTP sink without any personal data.
 */
describe('actions, reminders and minutes', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let clock: Clock;
  let factory: IdentityFactory;
  let conference: ConferenceFactory;
  let p: Record<string, Party>;
  let tableId: string;
  let caseA: string;
  let caseB: string;
  let caseNumbers: string[];
  let meetingId: string;
  let itemA: string;
  let itemB: string;
  let careNote: string;
  let embargoNote: string;
  let meetingAction: string;
  let ggzSecond: { id: string; email: string };
  let sink: SMTPServer;
  let sinkPort: number;
  let deadPort: number;
  const mails: ReceivedMail[] = [];
  const published: StoredMeetingEvent[] = [];
  /** How far the test moved the application's clock (a new instance's clock is moved as far). */
  let travelled = 0;

  const travel = (ms: number) => {
    clock.advance(ms);
    travelled += ms;
  };
  const runJobs = async () => {
    travel(61_000); // recurring jobs are due again a minute after their last run
    return app.get(JobRunner).runDueJobs();
  };
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await factory.client.query(text, params)).rows as T[];

  beforeAll(async () => {
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: decodeQuotedPrintable(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    sinkPort = (sink.server.address() as AddressInfo).port;
    deadPort = await closedPort();

    db = await createTestDatabase();
    // The first instance's mail server is down: mails wait in the outbox and back off.
    ({ app, clock } = await startTestApi(db.url, {
      DEMO_MODE: 'true',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      SMTP_URL: `smtp://127.0.0.1:${deadPort}`,
      PUBLIC_BASE_URL: 'https://casustafel.test',
    }));
    factory = await IdentityFactory.connect(db.url);
    conference = new ConferenceFactory(factory.client);
    const world = await buildWorld(app, factory, {
      parties: {
        zvh: { partnerType: 'ZVH', roles: ['PROCESREGISSEUR', 'TRIAGIST'] },
        politie: { partnerType: 'POLITIE', roles: ['DEELNEMER'] },
        ggz: { partnerType: 'GGZ_ZORGAANBIEDER', roles: ['DEELNEMER'] },
      },
    });
    p = world.parties;
    tableId = world.tableId;
    ggzSecond = await factory.user(p.ggz.organisationId, {
      isDemo: true,
      displayName: 'GGZ collega (fictief)',
      roles: [{ tableId, role: 'CASUSREGISSEUR' }],
    });
    // Neither receives reminders: one is inactive, the other holds no role at the table.
    await factory.user(p.ggz.organisationId, { roles: [{ tableId, role: 'DEELNEMER' }], active: false });
    await factory.user(p.ggz.organisationId, {});

    caseA = await ConferenceFactory.caseVia(p.politie.agent, p.zvh.agent, tableId, [p.ggz.organisationId]);
    caseB = await ConferenceFactory.caseVia(p.ggz.agent, p.zvh.agent, tableId, []);
    caseNumbers = [await conference.caseNumber(caseA), await conference.caseNumber(caseB)];

    meetingId = await conference.meeting({
      tableId,
      chairUserId: p.zvh.userId,
      minuteTakerUserId: p.politie.userId,
    });
    itemA = await conference.agendaItem(meetingId, caseA, 0);
    itemB = await conference.agendaItem(meetingId, caseB, 1);
    await conference.attendance(meetingId, p.zvh.organisationId, 'PRESENT', p.zvh.userId);
    await conference.attendance(meetingId, p.politie.organisationId, 'PRESENT', p.zvh.userId);
    await conference.attendance(meetingId, p.ggz.organisationId, 'APOLOGY', p.zvh.userId);
    const at = { meetingId, caseId: caseA, agendaItemId: itemA };
    await conference.note({
      ...at,
      category: 'C2',
      sensitivity: 'NORMAAL',
      body: POLICE_NOTE,
      organisationId: p.politie.organisationId,
      userId: p.politie.userId,
    });
    careNote = await conference.note({
      ...at,
      category: 'C4',
      sensitivity: 'NORMAAL',
      body: CARE_NOTE,
      organisationId: p.ggz.organisationId,
      userId: p.ggz.userId,
    });
    embargoNote = await conference.note({
      ...at,
      category: 'C7',
      sensitivity: 'EMBARGO',
      body: EMBARGO_NOTE,
      organisationId: p.politie.organisationId,
      userId: p.politie.userId,
    });
    await conference.note({
      meetingId,
      caseId: caseB,
      agendaItemId: itemB,
      category: 'C2',
      sensitivity: 'NORMAAL',
      body: OTHER_CASE_NOTE,
      organisationId: p.ggz.organisationId,
      userId: p.ggz.userId,
    });
    await conference.decision({
      ...at,
      text: DECISION,
      organisationId: p.zvh.organisationId,
      userId: p.zvh.userId,
    });
    meetingAction = await conference.action({
      ...at,
      description: ACTION_TEXT,
      authorOrganisationId: p.zvh.organisationId,
      ownerOrganisationId: p.ggz.organisationId,
      dueDate: addDays(clock.today(), 10),
      createdBy: p.zvh.userId,
    });
    app.get(LivePublisher).listen((events) => published.push(...events));
  });

  afterAll(async () => {
    await factory?.close();
    await app?.close();
    await db?.drop();
    await new Promise<void>((resolve) => sink?.close(() => resolve()));
  });

  const url = (path = '') => `/api/meetings/${meetingId}/minutes${path}`;
  const minutesOf = async (party: Party | TestAgent, path = '') => {
    const agent = 'agent' in party ? party.agent : party;
    const response = await agent.get<MinutesDto>(url(path));
    expect(response.status).toBe(200);
    return response.body;
  };
  const auditCount = async (action: string, outcome = 'OK') =>
    Number(
      (
        await sql<{ count: string }>(
          `select count(*) from audit_event where action = $1 and outcome = $2 and data_subject_id is null`,
          [action, outcome],
        )
      )[0].count,
    );

  describe('minutes', () => {
    it('only the chair or the minute-taker drafts them, and only once the meeting has ended', async () => {
      expect((await p.politie.agent.get(url())).status).toBe(404); // not drafted yet
      const refused = await p.ggz.agent.post<ProblemDetails>(url());
      expect(refused.status).toBe(403);
      expect(await auditCount('meeting.chair.denied', 'DENIED')).toBe(1);

      await factory.client.query(`update meeting set status = 'LIVE' where id = $1`, [meetingId]);
      expect((await p.zvh.agent.post(url())).status).toBe(409);
      await factory.client.query(`update meeting set status = 'AFGEROND' where id = $1`, [meetingId]);

      const drafted = await p.politie.agent.post<MinutesDto>(url());
      expect(drafted.status).toBe(200);
      expect(drafted.body).toMatchObject({
        status: 'CONCEPT',
        version: 1,
        can: { edit: true, establish: false },
      });
      const meeting = await sql<{ status: string }>('select status from meeting where id = $1', [meetingId]);
      expect(meeting[0].status).toBe('VERSLAG_CONCEPT');
      const events = await sql<{ type: string; data: { status: string } }>(
        'select type, data from meeting_event where meeting_id = $1 order by seq',
        [meetingId],
      );
      expect(events).toEqual([{ type: 'STATUS_CHANGED', data: { status: 'VERSLAG_CONCEPT' } }]);
      expect(published.map((e) => e.type)).toEqual(['STATUS_CHANGED']);
    });

    it('each organisation reads its own filtered concept: no care note for the police, no embargo outside the whitelist', async () => {
      const police = await minutesOf(p.politie);
      const ggz = await minutesOf(p.ggz);
      const zvh = await minutesOf(p.zvh);

      const texts = (m: MinutesDto) => JSON.stringify(m);
      // The police: its own notes in full, the care note absent, the other case restricted.
      expect(texts(police)).toContain(POLICE_NOTE);
      expect(texts(police)).toContain(EMBARGO_NOTE);
      expect(texts(police)).not.toContain(CARE_NOTE);
      expect(texts(police)).not.toContain(careNote);
      const policeB = police.items.find((i) => i.agendaItemId === itemB);
      expect(policeB).toMatchObject({
        restricted: true,
        caseNumber: null,
        notes: [],
        decisions: [],
        actions: [],
      });
      expect(texts(police)).not.toContain(OTHER_CASE_NOTE);
      expect(texts(police)).not.toContain(caseNumbers[1]);

      // GGZ: its care note in full, the embargoed note absent (not even a summary).
      expect(texts(ggz)).toContain(CARE_NOTE);
      expect(texts(ggz)).not.toContain(EMBARGO_NOTE);
      expect(texts(ggz)).not.toContain(embargoNote);
      expect(ggz.items.find((i) => i.agendaItemId === itemB)).toMatchObject({
        restricted: false,
        caseNumber: caseNumbers[1],
      });

      // The procesregisseur: the care note as a summary only (C4 is S for the ZVH), no embargo.
      const zvhA = zvh.items.find((i) => i.agendaItemId === itemA);
      expect(zvhA?.notes.find((n) => n.id === careNote)).toMatchObject({ visibility: 'SUMMARY', text: null });
      expect(texts(zvh)).not.toContain(CARE_NOTE);
      expect(texts(zvh)).not.toContain(EMBARGO_NOTE);
      expect(zvhA?.decisions.map((d) => d.text)).toEqual([DECISION]);
      expect(zvhA?.actions.map((a) => a.id)).toEqual([meetingAction]);
      expect(zvh.attendance.map((a) => a.status).sort()).toEqual(['APOLOGY', 'PRESENT', 'PRESENT']);
      // The words the participants acknowledged in the live room, Dutch and English.
      expect(zvh.confidentialityStatement).toContain(CONFIDENTIALITY_STATEMENT_TEXT.nl);
      expect(zvh.confidentialityStatement).toContain(CONFIDENTIALITY_STATEMENT_TEXT.en);

      // Every read is audited with the cases shown as data subjects.
      const reads = await sql<{ count: string }>(
        `select count(*) from audit_event where action = 'minutes.read' and data_subject_id is not null`,
      );
      expect(Number(reads[0].count)).toBeGreaterThan(0);
    });

    it('the minute-taker writes a summary per item with a category; a stale version is a 409', async () => {
      const put = (agent: TestAgent, body: unknown) => agent.put<MinutesDto>(url(`/items/${itemA}`), body);
      const invalid = await put(p.politie.agent, { category: 'C99', text: 'x', version: 0 });
      expect(invalid.status).toBe(400);
      expect((invalid.body as unknown as ProblemDetails).errors?.map((e) => e.field)).toEqual(['category']);
      expect((await put(p.ggz.agent, { category: 'C2', text: 'x', version: 0 })).status).toBe(403);

      const first = await put(p.politie.agent, {
        category: 'C5',
        text: 'Politie-informatie besproken (fictief).',
        version: 0,
      });
      expect(first.status).toBe(200);
      expect(first.body.items.find((i) => i.agendaItemId === itemA)?.summary).toMatchObject({
        category: 'C5',
        visibility: 'FULL',
        version: 1,
      });
      expect(
        (await put(p.politie.agent, { category: 'C2', text: 'Opnieuw (fictief).', version: 0 })).status,
      ).toBe(409);
      const second = await put(p.politie.agent, {
        category: 'C2',
        text: 'Samenvatting van de bespreking (fictief).',
        version: 1,
      });
      expect(second.status).toBe(200);
      const ggz = await minutesOf(p.ggz);
      expect(ggz.items.find((i) => i.agendaItemId === itemA)?.summary).toMatchObject({
        category: 'C2',
        text: 'Samenvatting van de bespreking (fictief).',
      });
    });

    it('the chair establishes a version; later reads come from the snapshot, filtered by the policy', async () => {
      const concept = await minutesOf(p.zvh);
      expect(concept.can.establish).toBe(true);
      expect((await p.politie.agent.post(url('/establish'), { version: concept.rowVersion })).status).toBe(
        403,
      );
      expect((await p.zvh.agent.post(url('/establish'), { version: concept.rowVersion - 1 })).status).toBe(
        409,
      );
      const established = await p.zvh.agent.post<MinutesDto>(url('/establish'), {
        version: concept.rowVersion,
      });
      expect(established.status).toBe(200);
      expect(established.body).toMatchObject({
        status: 'VASTGESTELD',
        version: 1,
        can: { revise: true, edit: false },
      });
      expect(established.body.establishedBy?.id).toBe(p.zvh.userId);

      // A note added afterwards is not in the established version.
      await conference.note({
        meetingId,
        caseId: caseA,
        agendaItemId: itemA,
        category: 'C2',
        sensitivity: 'NORMAAL',
        body: 'Nagekomen notitie (fictief).',
        organisationId: p.politie.organisationId,
        userId: p.politie.userId,
      });
      const police = JSON.stringify(await minutesOf(p.politie));
      expect(police).not.toContain('Nagekomen notitie');
      expect(police).toContain(EMBARGO_NOTE);
      expect(police).not.toContain(CARE_NOTE);
      const ggz = JSON.stringify(await minutesOf(p.ggz));
      expect(ggz).toContain(CARE_NOTE);
      expect(ggz).not.toContain(EMBARGO_NOTE);

      // The app role cannot read the stored content itself: only the filtered answer.
      const stored = await sql<{ count: string }>(
        `select count(*) from minutes_version where meeting_id = $1`,
        [meetingId],
      );
      expect(Number(stored[0].count)).toBe(1);
      const privileges = await sql<{ allowed: boolean }>(
        `select has_column_privilege('casustafel_app', 'minutes_version', 'content', 'SELECT') as allowed`,
      );
      expect(privileges[0].allowed).toBe(false);

      // Everyone of the participating organisations with a role at the table is notified.
      const notified = await sql<{ user_id: string }>(
        `select user_id from notification where type = 'MINUTES_ESTABLISHED' and meeting_id = $1 order by user_id`,
        [meetingId],
      );
      expect(notified.map((n) => n.user_id).sort()).toEqual(
        [p.zvh.userId, p.politie.userId, p.ggz.userId, ggzSecond.id].sort(),
      );
      expect(
        (await sql<{ status: string }>('select status from meeting where id = $1', [meetingId]))[0].status,
      ).toBe('VERSLAG_VASTGESTELD');
    });

    it('a change after vaststelling needs a reason and makes version 2; version 1 stays readable', async () => {
      const current = await minutesOf(p.zvh);
      for (const body of [{ version: current.rowVersion }, { reason: '   ', version: current.rowVersion }]) {
        const refused = await p.zvh.agent.post<ProblemDetails>(url('/revise'), body);
        expect(refused.status).toBe(400);
        expect([...new Set(refused.body.errors?.map((e) => e.field))]).toEqual(['reason']);
      }
      expect(
        (await p.politie.agent.post(url('/revise'), { reason: 'Correctie.', version: current.rowVersion }))
          .status,
      ).toBe(403);
      const revised = await p.zvh.agent.post<MinutesDto>(url('/revise'), {
        reason: 'Correctie van de samenvatting.',
        version: current.rowVersion,
      });
      expect(revised.status).toBe(200);
      expect(revised.body).toMatchObject({
        status: 'CONCEPT',
        version: 2,
        changeReason: 'Correctie van de samenvatting.',
      });
      expect(revised.body.versions.map((v) => [v.version, v.status])).toEqual([
        [1, 'VASTGESTELD'],
        [2, 'CONCEPT'],
      ]);
      // The concept shows the later note; establishing it makes version 2.
      expect(JSON.stringify(revised.body)).toContain('Nagekomen notitie');
      const established = await p.zvh.agent.post<MinutesDto>(url('/establish'), {
        version: revised.body.rowVersion,
      });
      expect(established.body).toMatchObject({
        status: 'VASTGESTELD',
        version: 2,
        changeReason: 'Correctie van de samenvatting.',
      });

      const v1 = await minutesOf(p.ggz, '/versions/1');
      expect(v1).toMatchObject({ version: 1, status: 'VASTGESTELD', changeReason: null });
      expect(JSON.stringify(v1)).not.toContain('Nagekomen notitie');
      expect(JSON.stringify(v1)).not.toContain(EMBARGO_NOTE);
      expect((await p.ggz.agent.get(url('/versions/7'))).status).toBe(404);
      expect((await p.ggz.agent.get(url('/versions/abc'))).status).toBe(400);
      expect(await auditCount('minutes.revise')).toBe(1);
      expect(await auditCount('minutes.establish')).toBe(2);
    });

    it('an organisation that does not take part in the meeting gets a 404, like a meeting that does not exist', async () => {
      const stranger = await factory.user(await factory.organisation(await factory.region(), 'POLITIE'), {
        isDemo: true,
        roles: [{ tableId: await factory.table(await factory.region()), role: 'DEELNEMER' }],
      });
      const agent = await signIn(app, stranger.email);
      expect((await agent.get(url())).status).toBe(404);
      expect((await agent.get(`/api/meetings/${randomUUID()}/minutes`)).status).toBe(404);
      expect((await agent.post(url('/revise'), { reason: 'x', version: 1 })).status).toBe(404);
    });
  });

  describe('Mijn acties', () => {
    let ownAction: string;
    let otherCaseAction: string;
    let personal: string;

    beforeAll(async () => {
      ownAction = await conference.action({
        caseId: caseA,
        meetingId,
        agendaItemId: itemA,
        description: 'Zorgplan bijwerken (fictief).',
        authorOrganisationId: p.zvh.organisationId,
        ownerOrganisationId: p.ggz.organisationId,
        dueDate: addDays(clock.today(), -1),
        createdBy: p.zvh.userId,
      });
      personal = await conference.action({
        caseId: caseA,
        description: 'Contact met de huisarts (fictief).',
        authorOrganisationId: p.zvh.organisationId,
        ownerOrganisationId: p.ggz.organisationId,
        ownerUserId: ggzSecond.id,
        dueDate: addDays(clock.today(), 3),
        createdBy: p.zvh.userId,
      });
      otherCaseAction = await conference.action({
        caseId: caseB,
        description: 'Alleen zorg (fictief).',
        authorOrganisationId: p.ggz.organisationId,
        ownerOrganisationId: p.ggz.organisationId,
        dueDate: addDays(clock.today(), 3),
        createdBy: p.ggz.userId,
      });
    });

    it('lists mine (or my organisation’s without an owner user) and the organisation’s, overdue flagged', async () => {
      const mine = await p.ggz.agent.get<ActionDto[]>('/api/actions');
      expect(mine.status).toBe(200);
      const ids = mine.body.map((a) => a.id);
      expect(ids).toEqual(expect.arrayContaining([meetingAction, ownAction, otherCaseAction]));
      expect(ids).not.toContain(personal);
      expect(mine.body.find((a) => a.id === ownAction)).toMatchObject({
        overdue: true,
        caseNumber: caseNumbers[0],
        can: { changeStatus: true, cancel: false },
      });
      expect(mine.body.find((a) => a.id === meetingAction)?.overdue).toBe(false);

      const organisation = await p.ggz.agent.get<ActionDto[]>('/api/actions?scope=organisation');
      expect(organisation.body.map((a) => a.id)).toContain(personal);
      const open = await p.ggz.agent.get<ActionDto[]>('/api/actions?scope=organisation&status=AFGEROND');
      expect(open.body).toEqual([]);
      const bad = await p.ggz.agent.get<ProblemDetails>('/api/actions?scope=everyone');
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.field)).toEqual(['scope']);

      // Another organisation's actions are not in its lists.
      const police = await p.politie.agent.get<ActionDto[]>('/api/actions?scope=organisation');
      expect(police.body).toEqual([]);
      expect(await auditCount('action.read')).toBeGreaterThanOrEqual(4);
    });

    it('the owner organisation works on an action: OPEN → IN_UITVOERING → AFGEROND, then it is final', async () => {
      const put = (agent: TestAgent, id: string, body: unknown) =>
        agent.put<ActionDto>(`/api/actions/${id}/status`, body);
      const started = await put(p.ggz.agent, ownAction, { status: 'IN_UITVOERING', version: 1 });
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({ status: 'IN_UITVOERING', version: 2, overdue: true });
      expect((await put(p.ggz.agent, ownAction, { status: 'AFGEROND', version: 1 })).status).toBe(409);
      const done = await put(p.ggz.agent, ownAction, { status: 'AFGEROND', note: 'Gedaan.', version: 2 });
      expect(done.body).toMatchObject({ status: 'AFGEROND', overdue: false, statusNote: 'Gedaan.' });
      const final = await put(p.ggz.agent, ownAction, { status: 'VERVALLEN', version: 3 });
      expect(final.status).toBe(403); // cancelling is the chair's
      const again = await put(p.zvh.agent, ownAction, { status: 'VERVALLEN', version: 3 });
      expect(again.status).toBe(409);
      expect((again.body as unknown as ProblemDetails).type).toMatch(/action\.final/);
    });

    it('NIET_UITGEVOERD needs a reason; bad input writes nothing', async () => {
      const put = (body: unknown) =>
        p.ggz.agent.put<ProblemDetails>(`/api/actions/${otherCaseAction}/status`, body);
      const missing = await put({ status: 'NIET_UITGEVOERD', version: 1 });
      expect(missing.status).toBe(400);
      expect(missing.body.errors?.map((e) => e.field)).toEqual(['notDoneReason']);
      expect((await put({ status: 'KLAAR', version: 1 })).status).toBe(400);
      const notDone = await p.ggz.agent.put<ActionDto>(`/api/actions/${otherCaseAction}/status`, {
        status: 'NIET_UITGEVOERD',
        notDoneReason: 'OMSTANDIGHEDEN_GEWIJZIGD',
        version: 1,
      });
      expect(notDone.status).toBe(200);
      expect(notDone.body).toMatchObject({
        status: 'NIET_UITGEVOERD',
        notDoneReason: 'OMSTANDIGHEDEN_GEWIJZIGD',
      });
    });

    it('another organisation cannot change it: 403 where it sees the action, 404 where it does not', async () => {
      const seen = await p.politie.agent.put(`/api/actions/${meetingAction}/status`, {
        status: 'IN_UITVOERING',
        version: 1,
      });
      expect(seen.status).toBe(403);
      const unseen = await p.politie.agent.put(`/api/actions/${otherCaseAction}/status`, {
        status: 'VERVALLEN',
        version: 2,
      });
      expect(unseen.status).toBe(404);
      const missing = await p.politie.agent.put(`/api/actions/${randomUUID()}/status`, {
        status: 'VERVALLEN',
        version: 1,
      });
      expect(missing.status).toBe(404);
      const shape = (r: { body: unknown }) => {
        const { type, title, status, detail } = r.body as ProblemDetails;
        return { type, title, status, detail };
      };
      expect(shape(unseen)).toEqual(shape(missing));
    });

    it('the chair cancels an action of the meeting: ACTION_CHANGED is appended and pushed after commit', async () => {
      const before = published.length;
      const cancelled = await p.zvh.agent.put<ActionDto>(`/api/actions/${meetingAction}/status`, {
        status: 'VERVALLEN',
        version: 1,
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('VERVALLEN');
      const events = await sql<{ type: string; ref_id: string; data: { status: string } }>(
        `select type, ref_id, data from meeting_event where meeting_id = $1 and type = 'ACTION_CHANGED' order by seq`,
        [meetingId],
      );
      // The owner organisation's changes of an action of the meeting are in the log too.
      expect(events).toEqual([
        { type: 'ACTION_CHANGED', ref_id: ownAction, data: { status: 'IN_UITVOERING' } },
        { type: 'ACTION_CHANGED', ref_id: ownAction, data: { status: 'AFGEROND' } },
        { type: 'ACTION_CHANGED', ref_id: meetingAction, data: { status: 'VERVALLEN' } },
      ]);
      expect(published.slice(before).map((e) => [e.type, e.refId])).toEqual([
        ['ACTION_CHANGED', meetingAction],
      ]);
    });
  });

  describe('reminders, notifications and e-mail', () => {
    let assigned: string;
    let dueSoon: string;

    beforeAll(async () => {
      assigned = await conference.action({
        caseId: caseA,
        description: 'Veiligheidsplan opstellen voor Noor Fictief.',
        authorOrganisationId: p.zvh.organisationId,
        ownerOrganisationId: p.ggz.organisationId,
        ownerUserId: p.ggz.userId,
        dueDate: addDays(clock.today(), 5),
        createdBy: p.zvh.userId,
      });
      dueSoon = await conference.action({
        caseId: caseA,
        description: 'Opvang regelen (fictief).',
        authorOrganisationId: p.zvh.organisationId,
        ownerOrganisationId: p.ggz.organisationId,
        dueDate: addDays(clock.today(), 1),
        createdBy: p.zvh.userId,
      });
    });

    const notificationsOf = (actionId: string) =>
      sql<{ user_id: string; type: string }>(
        'select user_id, type from notification where action_id = $1 order by type, user_id',
        [actionId],
      );

    it('a job run notifies the owner user, or every user of the owner organisation with a role at the table', async () => {
      await app.get(JobRunner).runDueJobs();
      expect(await notificationsOf(assigned)).toEqual([{ user_id: p.ggz.userId, type: 'ACTION_ASSIGNED' }]);
      const ggzUsers = [p.ggz.userId, ggzSecond.id].sort();
      expect(await notificationsOf(dueSoon)).toEqual([
        ...ggzUsers.map((user_id) => ({ user_id, type: 'ACTION_ASSIGNED' })),
        ...ggzUsers.map((user_id) => ({ user_id, type: 'ACTION_DUE_SOON' })),
      ]);
      const marks = await sql<{ assigned: boolean; soon: boolean; overdue: boolean }>(
        `select assigned_notified_at is not null as assigned, due_soon_notified_at is not null as soon,
                overdue_notified_at is not null as overdue from case_action where id = $1`,
        [dueSoon],
      );
      expect(marks).toEqual([{ assigned: true, soon: true, overdue: false }]);

      // A second run (a retry, another instance) sends nothing twice.
      const count = async () =>
        Number((await sql<{ count: string }>('select count(*) from notification'))[0].count);
      const mailCount = async () =>
        Number((await sql<{ count: string }>('select count(*) from mail_outbox'))[0].count);
      const [n, m] = [await count(), await mailCount()];
      await runJobs();
      expect([await count(), await mailCount()]).toEqual([n, m]);
    });

    it('the mail server is down: e-mails stay in the outbox and back off, nothing is lost', async () => {
      const outbox = await sql<{
        to_address: string;
        attempts: number;
        sent: boolean;
        last_error: string | null;
      }>(
        'select to_address, attempts, sent_at is not null as sent, last_error from mail_outbox order by to_address',
      );
      expect(outbox.length).toBeGreaterThan(0);
      expect(outbox.every((m) => !m.sent && m.attempts >= 1 && m.last_error !== null)).toBe(true);
      expect(outbox.map((m) => m.to_address)).toContain(ggzSecond.email);
      expect(mails).toEqual([]);
    });

    it('the notification bell: own notifications newest first, unread count, read one, read all', async () => {
      const list = await p.ggz.agent.get<NotificationListResponse>('/api/notifications?pageSize=2');
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(2);
      expect(list.body.total).toBeGreaterThanOrEqual(4);
      expect(list.body.unread).toBe(list.body.total);
      const times = list.body.items.map((n) => n.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      // Opaque ids and a type only.
      expect(Object.keys(list.body.items[0]).sort()).toEqual([
        'actionId',
        'createdAt',
        'id',
        'meetingId',
        'readAt',
        'type',
      ]);

      const first = list.body.items[0];
      expect((await p.politie.agent.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
      const read = await p.ggz.agent.post<NotificationDto>(`/api/notifications/${first.id}/read`);
      expect(read.status).toBe(200);
      expect(read.body.readAt).not.toBeNull();
      const unread = await p.ggz.agent.get<UnreadCountDto>('/api/notifications/unread-count');
      expect(unread.body.unread).toBe(list.body.total - 1);
      expect((await p.ggz.agent.post<UnreadCountDto>('/api/notifications/read-all')).body.unread).toBe(0);
      expect((await p.ggz.agent.get<UnreadCountDto>('/api/notifications/unread-count')).body.unread).toBe(0);
      expect((await p.ggz.agent.get('/api/notifications?page=0')).status).toBe(400);
      expect(await auditCount('notification.read')).toBe(2);
    });

    it('when the due date passes, the overdue reminder goes out once (the job follows the application clock)', async () => {
      travel(3 * DAY);
      await runJobs();
      const ggzUsers = [p.ggz.userId, ggzSecond.id].sort();
      expect((await notificationsOf(dueSoon)).filter((n) => n.type === 'ACTION_OVERDUE')).toEqual(
        ggzUsers.map((user_id) => ({ user_id, type: 'ACTION_OVERDUE' })),
      );
      // Due in two days now: the owner user gets the due-soon reminder.
      expect((await notificationsOf(assigned)).map((n) => n.type)).toEqual([
        'ACTION_ASSIGNED',
        'ACTION_DUE_SOON',
      ]);
      await runJobs();
      expect((await notificationsOf(dueSoon)).filter((n) => n.type === 'ACTION_OVERDUE')).toHaveLength(2);
    });

    it('after a restart a new instance finds the jobs and the outbox and delivers every e-mail once, without personal data', async () => {
      const jobsBefore = await sql<{ singleton_key: string }>(
        'select singleton_key from scheduled_job where done_at is null order by singleton_key',
      );
      expect(jobsBefore.map((j) => j.singleton_key)).toEqual(['action-reminders', 'mail-outbox']);
      const pending = Number(
        (await sql<{ count: string }>('select count(*) from mail_outbox where sent_at is null'))[0].count,
      );
      const notifications = Number(
        (await sql<{ count: string }>('select count(*) from notification'))[0].count,
      );

      await app.close();
      ({ app, clock } = await startTestApi(db.url, {
        SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
        PUBLIC_BASE_URL: 'https://casustafel.test',
      }));
      clock.advance(travelled);
      // Past every back-off of the failed attempts.
      travel(2 * 3_600_000);
      await app.get(JobRunner).runDueJobs();

      expect(mails).toHaveLength(pending);
      const unsent = await sql<{ count: string }>('select count(*) from mail_outbox where sent_at is null');
      expect(Number(unsent[0].count)).toBe(0);
      expect(Number((await sql<{ count: string }>('select count(*) from notification'))[0].count)).toBe(
        notifications,
      );
      expect(mails.flatMap((m) => m.to)).toContain(ggzSecond.email);

      const forbidden = [
        ...caseNumbers,
        'Noor',
        'Fictief',
        'Veiligheidsplan',
        'Opvang',
        ACTION_TEXT,
        'GGZ collega',
        p.ggz.organisationId,
        caseA,
      ];
      for (const mail of mails) {
        for (const word of forbidden) {
          expect(mail.raw).not.toContain(word);
        }
        expect(mail.raw).toContain('Er staat een actie voor u klaar in Casustafel');
        expect(mail.raw).toContain('https://casustafel.test/acties');
        expect(mail.raw).toContain('An action is waiting for you in Casustafel');
      }

      // Running again delivers nothing twice.
      travel(3_600_000);
      await app.get(JobRunner).runDueJobs();
      expect(mails).toHaveLength(pending);
    });
  });
});

/** A local port with nothing listening on it (connections are refused). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The text as written: soft line breaks and =XX escapes of quoted-printable undone. */
function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
