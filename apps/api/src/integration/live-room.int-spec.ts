import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LiveService } from '@casustafel/api/meetings';
import { Clock } from '@casustafel/api/platform';
import { createTestDatabase, IdentityFactory, TestAgent, TestDatabase } from '@casustafel/api/testing';
import {
  LIVE_CLIENT_EVENTS,
  LIVE_SERVER_EVENTS,
  type LiveAck,
  type LiveEventDto,
  type LiveRemovedDto,
  type LiveStateDto,
  type PresenceDto,
} from '@casustafel/shared/contracts';
import {
  connectLive,
  disconnected,
  listenOnRandomPort,
  refusedHandshake,
  type LiveClient,
} from './support/live-socket';
import { buildLiveWorld, LIVE_PARTIES, type LiveParty, type LiveWorld } from './support/live-world';
import { SOCKET_EVENT_ROWS, type SocketMatrixContext } from './support/matrix/socket-events';
import { signIn } from './support/sign-in';
import { startTestApi } from './support/test-api';

const MINUTE = 60_000;

type Problem = Extract<LiveAck, { ok: false }>['problem'];
const problemOf = (ack: LiveAck): Problem => {
  if (ack.ok) {
    throw new Error(`expected a problem, got ${JSON.stringify(ack)}`);
  }
  return ack.problem;
};

/**
 * The live room's socket layer (issue 6 §3–§5, DESIGN-NOTES §4) on a real server with real
 * socket.io clients: handshake (session cookie and Origin only), the session re-checked on every
 * message and ended sockets closed on every instance, every message validated and acknowledged.
 */
describe('live room sockets (real server, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let clock: Clock;
  let baseUrl: string;
  let factory: IdentityFactory;
  let orgId: string;
  let tableId: string;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, clock } = await startTestApi(db.url, { DEMO_MODE: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    baseUrl = await listenOnRandomPort(app);
    factory = await IdentityFactory.connect(db.url);
    const region = await factory.region();
    orgId = await factory.organisation(region, 'POLITIE');
    tableId = await factory.table(region);
    await factory.membership(tableId, orgId);
  });

  afterEach(() => {
    clock.reset();
    while (clients.length > 0) {
      clients.pop()?.close();
    }
  });

  afterAll(async () => {
    await factory?.close();
    await app?.close();
    await db?.drop();
  });

  async function member(): Promise<TestAgent> {
    const user = await factory.user(orgId, { isDemo: true, roles: [{ tableId, role: 'DEELNEMER' }] });
    return signIn(app, user.email);
  }

  async function connect(agent: TestAgent, url = baseUrl): Promise<LiveClient> {
    const client = await connectLive(url, agent);
    clients.push(client);
    return client;
  }

  describe('handshake', () => {
    it('accepts a signed-in browser of the own origin', async () => {
      const client = await connect(await member());
      expect(client.socket.connected).toBe(true);
    });

    it('refuses a handshake without a session cookie, with a dead one, or with a token in auth or query', async () => {
      const agent = await member();
      const token = agent.cookie('cst_session') as string;
      const none = await refusedHandshake(baseUrl, undefined);
      expect(none.data).toEqual({ status: 401, code: 'auth.unauthenticated' });
      const forged = await refusedHandshake(baseUrl, undefined, {
        headers: { cookie: 'cst_session=geraden' },
      });
      expect(forged.data?.status).toBe(401);
      // The token anywhere but the cookie counts for nothing (no tokens in URLs or payloads).
      const inAuth = await refusedHandshake(baseUrl, undefined, { auth: { token, sessionToken: token } });
      expect(inAuth.data?.status).toBe(401);
      const inQuery = await refusedHandshake(baseUrl, undefined, { query: { token, cst_session: token } });
      expect(inQuery.data?.status).toBe(401);
    });

    it('refuses a handshake from another origin or without an Origin', async () => {
      const agent = await member();
      const foreign = await refusedHandshake(baseUrl, agent, { origin: 'https://evil.example' });
      expect(foreign.message).toMatch(/websocket error/i);
      await refusedHandshake(baseUrl, agent, { origin: null });
      await refusedHandshake(baseUrl, agent, { origin: baseUrl.replace(/:\d+$/, ':1') });
    });

    it('refuses a session whose login is not finished (second factor pending)', async () => {
      const user = await factory.user(orgId, { roles: [{ tableId, role: 'DEELNEMER' }] });
      const agent = new TestAgent(app);
      await agent.get('/api/auth/config');
      const login = await agent.post<{ next: string }>('/api/auth/login', {
        email: user.email,
        password: 'testen-met-een-lange-zin',
      });
      expect(login.body.next).not.toBe('DONE');
      expect((await refusedHandshake(baseUrl, agent)).data?.status).toBe(401);
    });

    it('serves nothing on the main namespace', async () => {
      const agent = await member();
      const { io } = await import('socket.io-client');
      const main = io(`${baseUrl}/`, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { origin: baseUrl, cookie: `cst_session=${agent.cookie('cst_session')}` },
      });
      const refused = await new Promise<Error>((resolve) => main.once('connect_error', resolve));
      main.close();
      expect(refused.message).toBe('Not found');
    });
  });

  describe('sessions', () => {
    it('closes the socket within a second when its session ends (logout), telling the client why', async () => {
      const agent = await member();
      const client = await connect(agent);
      const other = await connect(await member());
      const gone = disconnected(client, 1000);
      expect((await agent.post('/api/auth/logout')).status).toBe(204);
      expect(await gone).toBe('io server disconnect');
      expect(client.received).toContainEqual([
        LIVE_SERVER_EVENTS.removed,
        { reason: 'SESSION_ENDED' } satisfies LiveRemovedDto,
      ]);
      expect(other.socket.connected).toBe(true);
      expect(other.received).toEqual([]);
    });

    it('closes the sockets of a session ended on another instance (LISTEN/NOTIFY), within a second', async () => {
      const { app: second } = await startTestApi(db.url, { DEMO_MODE: 'true' });
      try {
        const secondUrl = await listenOnRandomPort(second);
        const agent = await member();
        const onSecond = await connect(agent, secondUrl);
        const keeps = await connect(agent, secondUrl);
        const sessions = await agent.get<Array<{ id: string; current: boolean }>>('/api/account/sessions');
        const phone = await signIn(
          app,
          (await agent.get<{ user: { email: string } }>('/api/auth/session')).body.user.email,
        );
        const phoneSocket = await connect(phone, secondUrl);
        // End the phone's session from the first instance: only its sockets go, on the second instance.
        const phoneSessions =
          await phone.get<Array<{ id: string; current: boolean }>>('/api/account/sessions');
        const phoneSession = phoneSessions.body.find((s) => s.current)?.id as string;
        expect(sessions.body.some((s) => s.id === phoneSession)).toBe(false);
        const gone = disconnected(phoneSocket, 1000);
        expect((await agent.delete(`/api/account/sessions/${phoneSession}`)).status).toBe(204);
        await gone;
        expect(onSecond.socket.connected).toBe(true);
        expect(keeps.socket.connected).toBe(true);
        // All other sessions of the user, from the first instance: the second instance's sockets close.
        const both = [disconnected(onSecond, 1000), disconnected(keeps, 1000)];
        expect((await agent.post('/api/auth/logout')).status).toBe(204);
        await Promise.all(both);
      } finally {
        await second.close();
      }
    });

    it('re-checks the session on every message: an expired one gets 401 and the socket is closed', async () => {
      const client = await connect(await member());
      clock.advance(31 * MINUTE);
      const gone = disconnected(client, 1000);
      const ack = await client
        .send(LIVE_CLIENT_EVENTS.resync, { meetingId: randomUUID(), sinceSeq: 0 })
        .catch(
          // The server may close the connection before the acknowledgement is read.
          () => undefined,
        );
      if (ack) {
        expect(problemOf(ack).status).toBe(401);
      }
      await gone;
      expect(client.received).toContainEqual([LIVE_SERVER_EVENTS.removed, { reason: 'SESSION_ENDED' }]);
    });
  });

  describe('bad messages', () => {
    const meetingId = randomUUID();
    const key = 'retry-key-0001';
    const valid: Record<keyof typeof LIVE_CLIENT_EVENTS, Record<string, unknown>> = {
      join: { meetingId, confidentialityAccepted: true },
      leave: { meetingId },
      resync: { meetingId, sinceSeq: 0 },
      currentItem: { meetingId, idempotencyKey: key, agendaItemId: null },
      timer: { meetingId, idempotencyKey: key, agendaItemId: randomUUID(), command: 'START' },
      attendance: { meetingId, idempotencyKey: key, organisationId: randomUUID(), status: 'PRESENT' },
      note: {
        meetingId,
        idempotencyKey: key,
        agendaItemId: randomUUID(),
        category: 'C2',
        sensitivity: 'NORMAAL',
        text: 'Afspraak gemaakt.',
      },
      decision: {
        meetingId,
        idempotencyKey: key,
        agendaItemId: randomUUID(),
        type: 'PLAN_VASTGESTELD',
        text: 'Plan.',
      },
      action: {
        meetingId,
        idempotencyKey: key,
        agendaItemId: randomUUID(),
        description: 'Huisbezoek',
        ownerOrganisationId: randomUUID(),
        dueDate: '2026-12-01',
      },
    };

    it.each(Object.keys(LIVE_CLIENT_EVENTS) as Array<keyof typeof LIVE_CLIENT_EVENTS>)(
      '%s: wrong shapes, types, missing and unknown fields get a 400 naming the fields; nobody else hears anything',
      async (name) => {
        const event = LIVE_CLIENT_EVENTS[name];
        const client = await connect(await member());
        const bystander = await connect(await member());
        // The valid message passes validation (and fails later: there is no such meeting) …
        const base = await client.send(event, valid[name]);
        expect(base.ok || problemOf(base).status !== 400).toBe(true);
        // … and each of these breaks it.
        for (const payload of ['text', 42, null, [valid[name]]]) {
          const problem = problemOf(await client.send(event, payload));
          expect(problem).toMatchObject({ status: 400, code: 'validation' });
          expect(problem.errors?.[0]).toMatchObject({ field: 'message' });
        }
        for (const field of Object.keys(valid[name])) {
          const missing = { ...valid[name] };
          delete missing[field];
          const wrongType = {
            ...valid[name],
            [field]: field === 'meetingId' ? 'not-a-uuid' : { nested: true },
          };
          for (const payload of [missing, wrongType]) {
            const problem = problemOf(await client.send(event, payload));
            expect(problem).toMatchObject({ status: 400, title: 'Invalid request', code: 'validation' });
            expect(problem.errors?.map((e) => e.field)).toContain(field);
          }
        }
        const unknown = problemOf(await client.send(event, { ...valid[name], sneaky: 'x' }));
        expect(unknown.errors).toContainEqual(
          expect.objectContaining({ field: 'sneaky', code: 'whitelistValidation' }),
        );
        // Two payloads in one message: refused as a whole.
        const two = await client.socket.timeout(3000).emitWithAck(event, valid[name], valid[name]);
        expect(problemOf(two as LiveAck).status).toBe(400);
        expect(client.socket.connected).toBe(true);
        expect(bystander.received).toEqual([]);
      },
    );

    it('a message without an acknowledgement callback is not processed', async () => {
      const client = await connect(await member());
      const commands = app.get(LiveService);
      const spy = jest.spyOn(commands, 'addNote');
      try {
        client.socket.emit(LIVE_CLIENT_EVENTS.note, valid.note);
        client.socket.emit(LIVE_CLIENT_EVENTS.join, valid.join);
        // The next acknowledged message is answered after the earlier ones were handled.
        await client.send(LIVE_CLIENT_EVENTS.leave, valid.leave);
        expect(spy).not.toHaveBeenCalled();
        expect(client.received).toEqual([]);
        // The same message with a callback does reach the service.
        await client.send(LIVE_CLIENT_EVENTS.note, valid.note);
        expect(spy).toHaveBeenCalledTimes(1);
      } finally {
        spy.mockRestore();
      }
    });

    it('an unknown event gets a 404 problem', async () => {
      const client = await connect(await member());
      const problem = problemOf(await client.send('chair:self-destruct', { meetingId }));
      expect(problem).toMatchObject({ status: 404, code: 'not_found' });
    });

    it('an unexpected error in a handler answers a generic 500 to its sender only, and the server keeps serving', async () => {
      const client = await connect(await member());
      const bystander = await connect(await member());
      const commands = app.get(LiveService);
      const spy = jest
        .spyOn(commands, 'addNote')
        .mockRejectedValue(
          new Error('relation "case_item" violates … select body from case_item where bsn = 123456782'),
        );
      try {
        const ack = await client.send(LIVE_CLIENT_EVENTS.note, valid.note);
        const problem = problemOf(ack);
        expect(problem).toMatchObject({ status: 500, code: 'internal', title: 'Internal Server Error' });
        expect(problem.correlationId).toMatch(/^[0-9a-f-]{36}$/);
        expect(JSON.stringify(ack)).not.toMatch(/case_item|bsn|123456782|at .*\.ts/);
      } finally {
        spy.mockRestore();
      }
      expect(client.socket.connected).toBe(true);
      expect(bystander.received).toEqual([]);
      expect((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
    });
  });
  describe('the room', () => {
    let w: LiveWorld;
    const room = {} as Record<LiveParty, LiveClient>;
    const url = (rest = '') => `/api/meetings/${w.meetingId}${rest}`;
    let keys = 0;
    const key = () => `key-${randomUUID()}-${keys++}`;
    const events = (party: LiveParty): LiveEventDto[] =>
      room[party].received
        .filter(([name]) => name === LIVE_SERVER_EVENTS.event)
        .map(([, e]) => e as LiveEventDto);
    const lastSeq = async () =>
      Number(
        (await factory.client.query('select last_seq from meeting where id = $1', [w.meetingId])).rows[0]
          .last_seq,
      );
    const deniedAudits = async () =>
      Number(
        (
          await factory.client.query(
            `select count(*) from audit_event where action = 'meeting.chair.denied' and object_id = $1`,
            [w.meetingId],
          )
        ).rows[0].count,
      );

    /**
     * Every push before it has been emitted when this returns: the chair records the guest
     * organisation's attendance (an event every organisation in the room sees, the guest included),
     * and pushes of one meeting are emitted in order on one connection.
     */
    async function barrier(parties: LiveParty[]): Promise<void> {
      const ack = await room.chair.send(LIVE_CLIENT_EVENTS.attendance, {
        meetingId: w.meetingId,
        idempotencyKey: key(),
        organisationId: w.p.om.organisationId,
        status: 'INFO_SENT',
      });
      if (!ack.ok) {
        throw new Error(`barrier: ${JSON.stringify(ack)}`);
      }
      await Promise.all(
        parties.map((party) =>
          room[party].next<LiveEventDto>(LIVE_SERVER_EVENTS.event, (e) => e.seq === ack.seq),
        ),
      );
    }

    const joinMessage = () => ({ meetingId: w.meetingId, confidentialityAccepted: true });

    beforeAll(async () => {
      w = await buildLiveWorld(app, factory);
      for (const party of LIVE_PARTIES) {
        room[party] = await connectLive(baseUrl, w.p[party].agent);
      }
    });

    afterAll(() => {
      for (const party of LIVE_PARTIES) {
        room[party]?.close();
      }
    });

    it('lets in the organisations that take part, after the confidentiality statement; presence per organisation', async () => {
      const refused = problemOf(
        await room.politie.send(LIVE_CLIENT_EVENTS.join, {
          meetingId: w.meetingId,
          confidentialityAccepted: false,
        }),
      );
      expect(refused.status).toBe(400);
      expect(refused.errors?.map((e) => e.field)).toEqual(['confidentialityAccepted']);
      expect(problemOf(await room.buiten.send(LIVE_CLIENT_EVENTS.join, joinMessage())).status).toBe(404);
      // A user of a taking-part organisation without a case role (no meetings.attend): as over HTTP, 404.
      const roleless = await factory.user(w.p.politie.organisationId, { isDemo: true, roles: [] });
      const noRole = await connect(await signIn(app, roleless.email));
      const attempts: Array<[string, unknown]> = [
        [LIVE_CLIENT_EVENTS.join, joinMessage()],
        [LIVE_CLIENT_EVENTS.resync, { meetingId: w.meetingId, sinceSeq: 0 }],
      ];
      for (const [event, payload] of attempts) {
        expect(problemOf(await noRole.send(event, payload))).toMatchObject({
          status: 404,
          code: 'not_found',
        });
      }
      expect(problemOf(await room.om.send(LIVE_CLIENT_EVENTS.join, joinMessage()))).toMatchObject({
        status: 403,
        code: 'notYourItem',
      });
      for (const party of ['chair', 'politie', 'ggz', 'reclassering'] as const) {
        const ack = await room[party].send<LiveStateDto>(LIVE_CLIENT_EVENTS.join, joinMessage());
        expect(ack).toMatchObject({ ok: true, data: { guest: false } });
        expect(ack.ok && ack.seq).toBe(await lastSeq());
      }
      // The last join's presence, as everyone in the room got it: one user per organisation.
      const presence = await room.chair.next<PresenceDto[]>(
        LIVE_SERVER_EVENTS.presence,
        (list) => list.length === 4,
      );
      expect(Object.fromEntries(presence.map((p) => [p.organisation.id, [p.users, p.guest]]))).toEqual({
        [w.p.chair.organisationId]: [1, false],
        [w.p.politie.organisationId]: [1, false],
        [w.p.ggz.organisationId]: [1, false],
        [w.p.reclassering.organisationId]: [1, false],
      });
      // A second police officer (another socket of the same organisation) counts; leaving uncounts.
      const colleague = await factory.user(w.p.politie.organisationId, {
        isDemo: true,
        roles: [{ tableId: w.tableId, role: 'DEELNEMER' }],
      });
      const second = await connect(await signIn(app, colleague.email));
      const joined = await second.send<LiveStateDto>(LIVE_CLIENT_EVENTS.join, joinMessage());
      expect(
        joined.ok &&
          joined.data?.presence.find((p) => p.organisation.id === w.p.politie.organisationId)?.users,
      ).toBe(2);
      second.close();
      await room.ggz.next<PresenceDto[]>(
        LIVE_SERVER_EVENTS.presence,
        (list) =>
          list.find((p) => p.organisation.id === w.p.politie.organisationId)?.users === 1 &&
          room.ggz.received.length > 2,
      );
      // Nothing of the meeting reached the refused sockets.
      expect(room.om.received).toEqual([]);
      expect(room.buiten.received).toEqual([]);
    });

    const matrixContext: SocketMatrixContext = {
      get meetingId() {
        return w.meetingId;
      },
      get itemA() {
        return w.itemA;
      },
      organisationOf: (party) => w.p[party].organisationId,
      key: () => key(),
    };

    it('covers every client event', () => {
      expect([...new Set(SOCKET_EVENT_ROWS.map((row) => row.event))].sort()).toEqual(
        Object.keys(LIVE_CLIENT_EVENTS).sort(),
      );
    });

    describe.each(
      SOCKET_EVENT_ROWS.map((row) => [`${LIVE_CLIENT_EVENTS[row.event]} — ${row.scenario}`, row] as const),
    )('socket matrix: %s', (_name, row) => {
      it('allows and denies the parties as the policy says; a denial stores, pushes and tells nothing', async () => {
        const before = { seq: await lastSeq(), denied: await deniedAudits() };
        const outcomes = {} as Record<LiveParty, 'ok' | number>;
        const seqs: number[] = [];
        // The chair first (a chair action changes the state others are tried against only after).
        const order: LiveParty[] = ['politie', 'ggz', 'reclassering', 'om', 'buiten', 'chair'];
        const receivedBefore = Object.fromEntries(LIVE_PARTIES.map((p) => [p, room[p].received.length]));
        let deniedSeq = before.seq;
        for (const party of order) {
          const ack = await room[party].send(
            LIVE_CLIENT_EVENTS[row.event],
            row.payload(party, matrixContext),
          );
          outcomes[party] = ack.ok ? 'ok' : ack.problem.status;
          if (ack.ok && typeof ack.seq === 'number' && row.event !== 'join' && row.event !== 'resync') {
            seqs.push(ack.seq);
          }
          if (!ack.ok) {
            expect(ack.problem.title).toBeTruthy();
            expect(JSON.stringify(ack)).not.toMatch(/select |stack|\.ts:/i);
          }
          if (party !== 'chair' && row.expected[party] !== 'ok') {
            // Nothing stored by a refused attempt.
            expect(await lastSeq()).toBe(deniedSeq);
          }
          deniedSeq = await lastSeq();
        }
        expect(outcomes).toEqual(row.expected);
        const participantsDenied = (['politie', 'ggz', 'reclassering', 'om'] as const).filter(
          (p) => row.expected[p] === 403,
        ).length;
        expect((await deniedAudits()) - before.denied).toBe(row.chairDenial ? participantsDenied : 0);
        if (row.event === 'leave') {
          // Back into the room for the rows and tests after this one.
          for (const party of ['chair', 'politie', 'ggz', 'reclassering'] as const) {
            expect((await room[party].send(LIVE_CLIENT_EVENTS.join, joinMessage())).ok).toBe(true);
          }
          return;
        }
        await barrier(['chair', 'politie', 'ggz', 'reclassering']);
        // Outside the room: never anything (refused sockets never joined).
        for (const party of ['om', 'buiten'] as const) {
          expect(
            room[party].received.slice(receivedBefore[party]).filter(([n]) => n === LIVE_SERVER_EVENTS.event),
          ).toEqual([]);
        }
        // What each organisation in the room got of the stored events: its projection, never the raw row.
        for (const party of ['chair', 'politie', 'ggz', 'reclassering'] as const) {
          const got = room[party].received
            .slice(receivedBefore[party])
            .filter(([n]) => n === LIVE_SERVER_EVENTS.event)
            .map(([, e]) => e as LiveEventDto)
            .filter((e) => seqs.includes(e.seq));
          for (const event of got) {
            expect(Object.keys(event)).not.toContain('refId');
            expect(Object.keys(event)).not.toContain('data');
            expect(event.meetingId).toBe(w.meetingId);
          }
          if (
            row.event === 'note' ||
            row.event === 'decision' ||
            row.event === 'action' ||
            row.event === 'timer' ||
            row.event === 'currentItem'
          ) {
            if (party === 'reclassering') {
              // Item A's case is not reclassering's: nothing of it but that the current item changed (restricted).
              expect(
                got.filter((e) => e.type !== 'CURRENT_ITEM_CHANGED' && e.type !== 'TIMER_CHANGED'),
              ).toEqual([]);
            } else {
              expect(got.map((e) => e.seq).sort()).toEqual([...seqs].sort());
            }
          }
        }
      });
    });

    it('pushes each organisation its projection: an embargoed note only to the whitelist, a GGZ care note to the chair as a summary', async () => {
      const embargoText = `Lopend onderzoek ${randomUUID()} (fictief).`;
      const careText = `Crisisplan besproken ${randomUUID()} (fictief).`;
      const embargo = await room.politie.send(LIVE_CLIENT_EVENTS.note, {
        meetingId: w.meetingId,
        idempotencyKey: key(),
        agendaItemId: w.itemA,
        category: 'C7',
        sensitivity: 'EMBARGO',
        text: embargoText,
      });
      const care = await room.ggz.send(LIVE_CLIENT_EVENTS.note, {
        meetingId: w.meetingId,
        idempotencyKey: key(),
        agendaItemId: w.itemA,
        category: 'C4',
        sensitivity: 'NORMAAL',
        text: careText,
      });
      expect(embargo.ok && care.ok).toBe(true);
      const [embargoSeq, careSeq] = [embargo.ok && embargo.seq, care.ok && care.seq];
      await barrier(['chair', 'politie', 'ggz', 'reclassering']);
      const notes = (party: LiveParty) =>
        events(party)
          .filter((e) => e.seq === embargoSeq || e.seq === careSeq)
          .map((e) => (e.type === 'NOTE_ADDED' ? [e.seq, e.note.visibility, e.note.text] : [e.seq, e.type]));
      expect(notes('politie')).toEqual([[embargoSeq, 'FULL', embargoText]]);
      expect(notes('ggz')).toEqual([[careSeq, 'FULL', careText]]);
      expect(notes('chair')).toEqual([[careSeq, 'SUMMARY', null]]);
      expect(notes('reclassering')).toEqual([]);
      for (const party of LIVE_PARTIES) {
        const everything = JSON.stringify(room[party].received);
        expect(everything.includes(embargoText)).toBe(party === 'politie');
        expect(everything.includes(careText)).toBe(party === 'ggz');
      }
      // A push is a read: each user it reached has an audit record naming the events, nobody else.
      const pushedTo = async (seq: number | false | undefined) =>
        (
          await factory.client.query(
            `select actor_user_id from audit_event where action = 'meeting.push' and object_id = $1
               and data_subject_id is null and details->'seqs' ? $2 order by seq`,
            [w.meetingId, String(seq)],
          )
        ).rows.map((r: { actor_user_id: string }) => r.actor_user_id);
      expect(await pushedTo(embargoSeq)).toEqual([w.p.politie.userId]);
      expect((await pushedTo(careSeq)).sort()).toEqual([w.p.chair.userId, w.p.ggz.userId].sort());
    });

    it('a guest organisation is in the room only while its item is current, and hears nothing of other items', async () => {
      // Item A is current: the guest is refused and waits outside (it left everything in the matrix).
      expect(problemOf(await room.om.send(LIVE_CLIENT_EVENTS.join, joinMessage())).code).toBe('notYourItem');
      const moved = await room.chair.send(LIVE_CLIENT_EVENTS.currentItem, {
        meetingId: w.meetingId,
        idempotencyKey: key(),
        agendaItemId: w.itemB,
      });
      expect(moved.ok).toBe(true);
      // The guest's socket, refused earlier, waited outside: it is told that its item is current now.
      const called = await room.om.next<LiveEventDto>(LIVE_SERVER_EVENTS.event);
      expect(called).toMatchObject({
        type: 'CURRENT_ITEM_CHANGED',
        agendaItemId: w.itemB,
        seq: moved.ok && moved.seq,
      });
      expect(room.om.received.filter(([name]) => name === LIVE_SERVER_EVENTS.event)).toHaveLength(1);
      const since = await lastSeq();
      const joined = await room.om.send<LiveStateDto>(LIVE_CLIENT_EVENTS.join, joinMessage());
      expect(joined).toMatchObject({ ok: true, data: { guest: true, currentAgendaItemId: w.itemB } });
      const state = joined.ok ? (joined.data as LiveStateDto) : undefined;
      expect(state?.meeting.agenda.map((i) => i.id)).toEqual([w.itemB]);
      expect(state?.notes).toEqual([]);
      expect(state?.presence.find((p) => p.organisation.id === w.p.om.organisationId)).toEqual(
        expect.objectContaining({ users: 1, guest: true }),
      );
      // Its own item: the timer and a decision reach the guest as they reach the others.
      const timer = await room.chair.send(LIVE_CLIENT_EVENTS.timer, {
        meetingId: w.meetingId,
        idempotencyKey: key(),
        agendaItemId: w.itemB,
        command: 'START',
      });
      await room.chair.send(LIVE_CLIENT_EVENTS.decision, {
        meetingId: w.meetingId,
        idempotencyKey: key(),
        agendaItemId: w.itemB,
        type: 'MONITOREN',
        text: 'Blijven volgen (fictief).',
      });
      await barrier(['chair', 'politie', 'om']);
      expect(events('om').some((e) => e.type === 'TIMER_CHANGED' && timer.ok && e.seq === timer.seq)).toBe(
        true,
      );
      // What the guest got pushed is exactly what a resync gives it: the same projection.
      const resync = await room.om.send<{ events: LiveEventDto[]; seq: number }>(LIVE_CLIENT_EVENTS.resync, {
        meetingId: w.meetingId,
        sinceSeq: since,
      });
      expect(resync.ok && resync.data?.events).toEqual(events('om').filter((e) => e.seq > since));

      // The chair moves on to item A: the guest is told and leaves the room.
      const removedAt = room.om.received.length;
      const chairMark = room.chair.received.length;
      await room.chair.send(LIVE_CLIENT_EVENTS.currentItem, {
        meetingId: w.meetingId,
        idempotencyKey: key(),
        agendaItemId: w.itemA,
      });
      expect(await room.om.next<LiveRemovedDto>(LIVE_SERVER_EVENTS.removed)).toEqual({
        reason: 'NOT_CURRENT_ITEM',
        meetingId: w.meetingId,
      });
      const presence = await room.chair.next<PresenceDto[]>(
        LIVE_SERVER_EVENTS.presence,
        (list) => !list.some((p) => p.organisation.id === w.p.om.organisationId),
        3000,
        chairMark,
      );
      expect(presence.length).toBe(4);
      const secret = `Alleen over casus A ${randomUUID()} (fictief).`;
      await room.politie.send(LIVE_CLIENT_EVENTS.note, {
        meetingId: w.meetingId,
        idempotencyKey: key(),
        agendaItemId: w.itemA,
        category: 'C2',
        sensitivity: 'NORMAAL',
        text: secret,
      });
      await barrier(['chair', 'politie']);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = room.om.received.slice(removedAt);
      expect(after.filter(([name]) => name === LIVE_SERVER_EVENTS.event)).toEqual(
        // At most the item change itself, without saying which item.
        after
          .filter(([name]) => name === LIVE_SERVER_EVENTS.event)
          .filter(([, e]) => (e as LiveEventDto).type === 'CURRENT_ITEM_CHANGED'),
      );
      const everything = JSON.stringify(room.om.received);
      for (const hidden of [w.itemA, w.caseA, secret, 'Matrixnotitie']) {
        expect(everything).not.toContain(hidden);
      }
      expect(
        problemOf(await room.om.send(LIVE_CLIENT_EVENTS.resync, { meetingId: w.meetingId, sinceSeq: 0 }))
          .status,
      ).toBe(403);
      // Back to item B: the waiting guest is called again and may rejoin; then on to item A for good.
      const mark = room.om.received.length;
      const back = await room.chair.send(LIVE_CLIENT_EVENTS.currentItem, {
        meetingId: w.meetingId,
        idempotencyKey: key(),
        agendaItemId: w.itemB,
      });
      await room.om.next<LiveEventDto>(
        LIVE_SERVER_EVENTS.event,
        (e) =>
          e.type === 'CURRENT_ITEM_CHANGED' && back.ok && e.seq === back.seq && e.agendaItemId === w.itemB,
        5000,
        mark,
      );
      expect((await room.om.send(LIVE_CLIENT_EVENTS.join, joinMessage())).ok).toBe(true);
      await room.chair.send(LIVE_CLIENT_EVENTS.currentItem, {
        meetingId: w.meetingId,
        idempotencyKey: key(),
        agendaItemId: w.itemA,
      });
      await room.om.next<LiveRemovedDto>(LIVE_SERVER_EVENTS.removed, () => true, 5000, mark);
    });

    it('a client that reconnects and resyncs from its last sequence number ends with exactly the server state: no losses, no duplicates', async () => {
      // The GGZ client's view: every event it was pushed or resynced, applied once per sequence number.
      const applied = new Map<number, LiveEventDto>();
      let duplicates = 0;
      const apply = (list: LiveEventDto[]) => {
        for (const event of list) {
          if (applied.has(event.seq)) {
            duplicates++;
            expect(applied.get(event.seq)).toEqual(event);
          } else {
            applied.set(event.seq, event);
          }
        }
      };
      const base = await room.ggz.send<{ events: LiveEventDto[]; seq: number }>(LIVE_CLIENT_EVENTS.resync, {
        meetingId: w.meetingId,
        sinceSeq: 0,
      });
      apply(base.ok ? (base.data?.events ?? []) : []);
      apply(events('ggz'));
      let last = Math.max(...applied.keys());

      room.ggz.close();
      // While GGZ is away: the chair and the police carry on, and a GGZ colleague writes on the item.
      const colleague = await factory.user(w.p.ggz.organisationId, {
        isDemo: true,
        roles: [{ tableId: w.tableId, role: 'DEELNEMER' }],
      });
      const other = await connect(await signIn(app, colleague.email));
      expect((await other.send(LIVE_CLIENT_EVENTS.join, joinMessage())).ok).toBe(true);
      // One after the other, as a client awaiting each acknowledgement does (concurrent messages of one
      // socket are handled concurrently).
      const writes: Array<() => Promise<LiveAck>> = [
        () =>
          room.chair.send(LIVE_CLIENT_EVENTS.timer, {
            meetingId: w.meetingId,
            idempotencyKey: key(),
            agendaItemId: w.itemA,
            command: 'START',
          }),
        () =>
          room.politie.send(LIVE_CLIENT_EVENTS.note, {
            meetingId: w.meetingId,
            idempotencyKey: key(),
            agendaItemId: w.itemA,
            category: 'C2',
            sensitivity: 'NORMAAL',
            text: 'Tijdens de storing (fictief).',
          }),
        () =>
          other.send(LIVE_CLIENT_EVENTS.note, {
            meetingId: w.meetingId,
            idempotencyKey: key(),
            agendaItemId: w.itemA,
            category: 'C4',
            sensitivity: 'NORMAAL',
            text: 'Zorgnotitie collega (fictief).',
          }),
        () =>
          room.chair.send(LIVE_CLIENT_EVENTS.decision, {
            meetingId: w.meetingId,
            idempotencyKey: key(),
            agendaItemId: w.itemA,
            type: 'OPSCHALEN',
            text: 'Opschalen (fictief).',
          }),
        () =>
          room.chair.send(LIVE_CLIENT_EVENTS.action, {
            meetingId: w.meetingId,
            idempotencyKey: key(),
            agendaItemId: w.itemA,
            description: 'Crisisplan delen (fictief).',
            ownerOrganisationId: w.p.ggz.organisationId,
            dueDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
          }),
        () =>
          room.chair.send(LIVE_CLIENT_EVENTS.timer, {
            meetingId: w.meetingId,
            idempotencyKey: key(),
            agendaItemId: w.itemA,
            command: 'PAUSE',
          }),
      ];
      for (const write of writes) {
        expect((await write()).ok).toBe(true);
      }
      // Back: a new connection with the same session, join, then resync from a little before the last
      // sequence number it had (overlap on purpose: duplicates are ignored by sequence number).
      room.ggz = await connectLive(baseUrl, w.p.ggz.agent);
      const rejoined = await room.ggz.send<LiveStateDto>(LIVE_CLIENT_EVENTS.join, joinMessage());
      expect(rejoined.ok).toBe(true);
      const resync = await room.ggz.send<{ events: LiveEventDto[]; seq: number }>(LIVE_CLIENT_EVENTS.resync, {
        meetingId: w.meetingId,
        sinceSeq: last - 2,
      });
      apply(resync.ok ? (resync.data?.events ?? []) : []);
      // One more change while connected: it is pushed live.
      await room.politie.send(LIVE_CLIENT_EVENTS.note, {
        meetingId: w.meetingId,
        idempotencyKey: key(),
        agendaItemId: w.itemA,
        category: 'C2',
        sensitivity: 'NORMAAL',
        text: 'Na de storing (fictief).',
      });
      await barrier(['ggz']);
      apply(events('ggz'));
      last = Math.max(...applied.keys());
      expect(duplicates).toBeGreaterThan(0);

      // The server's answer for GGZ from the very start, and its room state now.
      const truth = await w.p.ggz.agent.get<{ events: LiveEventDto[]; seq: number }>(url('/events?since=0'));
      expect(truth.status).toBe(200);
      expect([...applied.values()].sort((a, b) => a.seq - b.seq)).toEqual(truth.body.events);
      expect(last).toBe(truth.body.events[truth.body.events.length - 1].seq);
      const state = await w.p.ggz.agent.get<LiveStateDto>(url('/live'));
      const appliedNotes = [...applied.values()].flatMap((e) => (e.type === 'NOTE_ADDED' ? [e.note] : []));
      expect(appliedNotes.map((n) => n.id).sort()).toEqual(state.body.notes.map((n) => n.id).sort());
      const appliedDecisions = [...applied.values()].flatMap((e) =>
        e.type === 'DECISION_RECORDED' ? [e.decision.id] : [],
      );
      expect(appliedDecisions.sort()).toEqual(state.body.decisions.map((d) => d.id).sort());
      const appliedActions = [...applied.values()].flatMap((e) =>
        e.type === 'ACTION_CREATED' ? [e.action.id] : [],
      );
      expect(appliedActions.sort()).toEqual(state.body.actions.map((a) => a.id).sort());
      const timers = [...applied.values()].filter((e) => e.type === 'TIMER_CHANGED');
      expect(timers.at(-1)).toMatchObject({ timer: { running: false } });
      expect(state.body.timer).toMatchObject({ running: false, agendaItemId: w.itemA });
      expect(state.body.seq).toBe(await lastSeq());
    });

    it('a note sent as the connection drops is stored once: the retry with the same key is acknowledged as the stored one', async () => {
      const text = `Net voor de storing ${randomUUID()} (fictief).`;
      const idempotencyKey = key();
      const note = {
        meetingId: w.meetingId,
        idempotencyKey,
        agendaItemId: w.itemA,
        category: 'C2',
        sensitivity: 'NORMAAL',
        text,
      };
      const flaky = await connectLive(baseUrl, w.p.politie.agent);
      expect((await flaky.send(LIVE_CLIENT_EVENTS.join, joinMessage())).ok).toBe(true);
      // Sent, and the connection drops before the acknowledgement arrives.
      let acknowledged = false;
      flaky.socket.emit(LIVE_CLIENT_EVENTS.note, note, () => (acknowledged = true));
      flaky.socket.disconnect();
      const stored = async () =>
        Number(
          (await factory.client.query('select count(*) from case_item where body = $1', [text])).rows[0]
            .count,
        );
      const deadline = Date.now() + 2000;
      while ((await stored()) === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(acknowledged).toBe(false);
      // The client retries with the same key on a new connection.
      const retry = await connectLive(baseUrl, w.p.politie.agent);
      clients.push(retry);
      const first = (
        await factory.client.query('select seq from meeting_event where idempotency_key = $1', [
          idempotencyKey,
        ])
      ).rows;
      const ack = await retry.send<{ duplicate: boolean }>(LIVE_CLIENT_EVENTS.note, note);
      const again = await retry.send<{ duplicate: boolean }>(LIVE_CLIENT_EVENTS.note, note);
      expect(ack.ok && again.ok).toBe(true);
      if (first.length === 1) {
        // The first attempt was stored: the retry answers with its sequence number and stores nothing.
        expect(ack).toEqual({ ok: true, seq: Number(first[0].seq), data: { duplicate: true } });
      }
      expect(again).toEqual({ ok: true, seq: ack.ok ? ack.seq : -1, data: { duplicate: true } });
      expect(await stored()).toBe(1);
      await barrier(['chair', 'politie', 'ggz']);
      // Pushed once to each organisation that may read it (the retries pushed nothing).
      for (const party of ['chair', 'politie', 'ggz'] as const) {
        expect(events(party).filter((e) => e.type === 'NOTE_ADDED' && e.note.text === text)).toHaveLength(1);
      }
    });
  });

  describe('two instances sharing Redis (the socket.io Redis adapter)', () => {
    const REDIS_URL = 'redis://127.0.0.1:6379';
    let one: NestFastifyApplication;
    let two: NestFastifyApplication;
    let urlOne: string;
    let urlTwo: string;
    let w: LiveWorld;

    beforeAll(async () => {
      ({ app: one } = await startTestApi(db.url, {
        DEMO_MODE: 'true',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
        REDIS_URL,
      }));
      ({ app: two } = await startTestApi(db.url, { DEMO_MODE: 'true', REDIS_URL }));
      urlOne = await listenOnRandomPort(one);
      urlTwo = await listenOnRandomPort(two);
      w = await buildLiveWorld(one, factory);
    });

    afterAll(async () => {
      await one?.close();
      await two?.close();
    });

    it('a push on one instance reaches the organisation room on the other; presence spans both', async () => {
      const joinMessage = { meetingId: w.meetingId, confidentialityAccepted: true };
      const chair = await connect(w.p.chair.agent, urlOne);
      const politie = await connect(w.p.politie.agent, urlOne);
      const ggz = await connect(w.p.ggz.agent, urlTwo);
      const reclassering = await connect(w.p.reclassering.agent, urlTwo);
      for (const client of [chair, politie, ggz, reclassering]) {
        expect((await client.send(LIVE_CLIENT_EVENTS.join, joinMessage)).ok).toBe(true);
      }
      // Presence comes from every instance (fetchSockets through Redis).
      const presence = await ggz.next<PresenceDto[]>(
        LIVE_SERVER_EVENTS.presence,
        (list) => list.length === 4,
      );
      expect(presence.map((p) => p.organisation.id).sort()).toEqual(
        [w.p.chair, w.p.politie, w.p.ggz, w.p.reclassering].map((p) => p.organisationId).sort(),
      );
      const moved = await chair.send(LIVE_CLIENT_EVENTS.currentItem, {
        meetingId: w.meetingId,
        idempotencyKey: `redis-${randomUUID()}`,
        agendaItemId: w.itemA,
      });
      expect(moved.ok).toBe(true);
      const text = `Via Redis ${randomUUID()} (fictief).`;
      const note = await politie.send(LIVE_CLIENT_EVENTS.note, {
        meetingId: w.meetingId,
        idempotencyKey: `redis-${randomUUID()}`,
        agendaItemId: w.itemA,
        category: 'C2',
        sensitivity: 'NORMAAL',
        text,
      });
      expect(note.ok).toBe(true);
      // Written on instance one, received on instance two by GGZ (which takes part in case A) …
      const received = await ggz.next<LiveEventDto>(
        LIVE_SERVER_EVENTS.event,
        (e) => note.ok && e.seq === note.seq,
      );
      expect(received).toMatchObject({ type: 'NOTE_ADDED', note: { text, visibility: 'FULL' } });
      // … and not by reclassering on instance two (not in the case): its room got its own, empty projection.
      const barrier = await chair.send(LIVE_CLIENT_EVENTS.attendance, {
        meetingId: w.meetingId,
        idempotencyKey: `redis-${randomUUID()}`,
        organisationId: w.p.reclassering.organisationId,
        status: 'PRESENT',
      });
      await reclassering.next<LiveEventDto>(
        LIVE_SERVER_EVENTS.event,
        (e) => barrier.ok && e.seq === barrier.seq,
      );
      expect(JSON.stringify(reclassering.received)).not.toContain(text);
      // A session ended on instance one closes its socket on instance two.
      const gone = disconnected(ggz, 1000);
      expect((await w.p.ggz.agent.post('/api/auth/logout')).status).toBe(204);
      await gone;
      const after = await chair.next<PresenceDto[]>(
        LIVE_SERVER_EVENTS.presence,
        (list) => list.length === 3 && !list.some((p) => p.organisation.id === w.p.ggz.organisationId),
      );
      expect(after.length).toBe(3);
    });
  });
});
