import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EndpointInventory } from '@casustafel/api/auth';
import { Clock } from '@casustafel/api/platform';
import { AgentResponse, createTestDatabase, TestAgent, TestDatabase } from '@casustafel/api/testing';
import { LIVE_CLIENT_EVENTS, type ProblemDetails } from '@casustafel/shared/contracts';
import { Client } from 'pg';
import { emailOf, seedAuthorizationWorld } from './support/matrix/authorization-seed';
import { PARTY_KEYS, type PartyKey } from './support/matrix/authorization-world';
import {
  cellsOf,
  ENDPOINTS,
  outcomeLabel,
  problemOf,
  SOCKET_ROWS,
  withRandom,
  type EndpointRow,
  type MatrixRequest,
  type RuntimeWorld,
} from './support/matrix/endpoints';
import { SOCKET_EVENT_ROWS } from './support/matrix/socket-events';
import { connectLive, listenOnRandomPort, type LiveClient } from './support/live-socket';
import { signIn } from './support/sign-in';
import { startTestApi } from './support/test-api';

/**
 * The authorization matrix (issue 4 §10 and §12, DESIGN-NOTES §2): every case endpoint × every
 * party (partner types in every relationship to the cases) × every case state, with the outcome
 * derived from the policy data — ROLE_PERMISSIONS, participation and decide() — not written per
 * cell. A denial answers 404 exactly like an unknown id; a read returns exactly what decide()
 * grants, and no hidden text anywhere in the body. The rows live in support/matrix/endpoints.ts.
 */

/**
 * Routes that hold no case data. Every other route must have a row in the matrix: a new endpoint
 * (a meeting, an extract download) fails the first test until it is added there.
 */
const NON_CASE_PREFIXES = {
  '/api/auth': 'signing in',
  '/api/account': "the user's own account",
  '/api/admin': 'administration of organisations, users and memberships (admin.* permissions)',
  '/api/health': 'health checks',
  '/api/notifications':
    "the user's own notifications: a type and opaque ids, no case data (actions-minutes.int-spec.ts)",
  '/api/register':
    'the register of processing activities: no personal data (processing-register.int-spec.ts)',
  '/api/audit':
    "the FG's audit-log views: FG_AUDITOR of the person's or user's region only, by role and region, not by " +
    'participation or the visibility matrix; every route is tried by other roles and another region (audit-views.int-spec.ts)',
};

describe('authorization matrix', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let owner: Client;
  const agents = {} as Record<PartyKey, TestAgent>;
  const world: RuntimeWorld = { personIds: {}, today: '' };
  const randomAnswers = new Map<string, Promise<AgentResponse>>();
  const sockets = new Map<PartyKey, Promise<LiveClient>>();

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await startTestApi(db.url, { DEMO_MODE: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' }));
    owner = new Client({ connectionString: db.url });
    await owner.connect();
    world.personIds = await seedAuthorizationWorld(owner, app);
    world.today = app.get(Clock).today();
    const signingIn = limiter(4);
    await Promise.all(
      PARTY_KEYS.map((party) =>
        signingIn(async () => {
          agents[party] = await signIn(app, emailOf(party));
        }),
      ),
    );
    // The live room's socket events: one socket per party, opened when the party's first cell runs.
    const baseUrl = await listenOnRandomPort(app);
    world.socket = async (party, event, payload) => {
      let client = sockets.get(party);
      if (!client) {
        client = connectLive(baseUrl, agents[party]);
        sockets.set(party, client);
      }
      return (await client).send(event, payload);
    };
  });

  afterAll(async () => {
    for (const client of sockets.values()) {
      (await client.catch(() => undefined))?.close();
    }
    await owner?.end();
    await app?.close();
    await db?.drop();
  });

  it('has a row for every endpoint that holds case data, declaring the permission the route declares', () => {
    const inventory = app
      .get(EndpointInventory)
      .list()
      .filter((e) => !Object.keys(NON_CASE_PREFIXES).some((prefix) => e.path.startsWith(prefix)));
    expect(inventory.length).toBeGreaterThan(25);
    const missing = inventory
      .map((e) => `${e.method} ${e.path}`)
      .filter((route) => !ENDPOINTS.some((row) => row.route === route));
    expect(missing).toEqual([]);
    const declared = new Map(inventory.map((e) => [`${e.method} ${e.path}`, e.access]));
    const drift = ENDPOINTS.filter((row) => declared.get(row.route) !== row.permission).map(
      (row) => `${row.route}: matrix says ${row.permission}, route declares ${declared.get(row.route)}`,
    );
    expect(drift).toEqual([]);
  });

  it('has a row for every socket event of the live room, here and in the live room world', () => {
    // Socket events bypass the HTTP guard and the endpoint inventory: the socket rows here
    // (SOCKET_ROWS, run below on the matrix meeting) and the live world's section
    // (support/matrix/socket-events.ts, run with payload checks in live-room.int-spec.ts) must name each.
    const events = Object.values(LIVE_CLIENT_EVENTS) as string[];
    expect(events.filter((event) => !SOCKET_ROWS.some((row) => row.route === `SOCKET ${event}`))).toEqual([]);
    const covered = new Set(SOCKET_EVENT_ROWS.map((row) => row.event));
    expect(
      Object.keys(LIVE_CLIENT_EVENTS).filter(
        (event) => !covered.has(event as keyof typeof LIVE_CLIENT_EVENTS),
      ),
    ).toEqual([]);
    for (const row of SOCKET_EVENT_ROWS) {
      const outcomes = Object.values(row.expected);
      expect(outcomes).toContain('ok');
      expect(outcomes.some((outcome) => outcome !== 'ok')).toBe(true);
    }
  });

  async function send(party: PartyKey, request: MatrixRequest, random = false): Promise<AgentResponse> {
    const path = random && request.random ? withRandom(request.random.path) : request.path;
    let body = random && request.random && 'body' in request.random ? request.random.body : request.body;
    if (random && body !== undefined) {
      body = JSON.parse(withRandom(JSON.stringify(body)));
    }
    if (request.multipart) {
      const boundary = `matrix${Date.now()}`;
      const { fileName, contentType, content } = request.multipart;
      const payload = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
          `Content-Type: ${contentType}\r\n\r\n${content}\r\n--${boundary}--\r\n`,
      );
      return agents[party].request(request.method, path, payload, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      });
    }
    return agents[party].request(request.method, path, body);
  }

  /** The answer to the same request for an id that does not exist, once per party and shape. */
  function unknownIdAnswer(party: PartyKey, request: MatrixRequest): Promise<AgentResponse> {
    const key = `${party} ${request.method} ${request.random?.path} ${JSON.stringify(request.random?.body ?? request.body ?? null)}`;
    let answer = randomAnswers.get(key);
    if (!answer) {
      answer = send(party, request, true);
      randomAnswers.set(key, answer);
    }
    return answer;
  }

  /** At most this many requests in flight: the cells of one row are independent of each other. */
  const inFlight = limiter(6);

  const describeRows = (rows: EndpointRow[]) =>
    describe.each(rows.map((row) => [`${row.route} — ${row.scenario}`, row] as const))('%s', (_name, row) => {
      const cells = cellsOf(row);
      const answers = new Map<
        number,
        Promise<{ request: MatrixRequest; res: AgentResponse; unknown?: AgentResponse }>
      >();
      // Rows run one after the other (reads before changes); within a row, the requests overlap.
      beforeAll(() => {
        cells.forEach((cell, index) => {
          const answer = inFlight(async () => {
            const request = row.request(cell.party, cell.target, world);
            const res = row.perform
              ? await row.perform(cell.party, cell.target, world, (r) => send(cell.party, r))
              : await send(cell.party, request);
            const unknown =
              cell.outcome === 'DENIED' && request.random
                ? await unknownIdAnswer(cell.party, request)
                : undefined;
            return { request, res, unknown };
          });
          answer.catch(() => undefined);
          answers.set(index, answer);
        });
      });

      it.each(
        cells.map(
          (cell, index) => [cell.party, cell.target.label, outcomeLabel(cell.outcome), index] as const,
        ),
      )('%s × %s → %s', async (_party, _target, _label, index) => {
        const cell = cells[index];
        const { res, unknown } = await (answers.get(index) as Promise<{
          res: AgentResponse;
          unknown?: AgentResponse;
        }>);
        const problem = res.body as ProblemDetails | undefined;
        const answered = `${res.status}${res.status >= 400 && problem?.type ? ` ${problem.type.replace(/^urn:casustafel:problem:/, '')}` : ''}`;
        if (cell.outcome === 'DENIED') {
          // On a leak, show the shape of what came back, to make the report precise.
          expect(res.status < 400 ? `${answered} ${sketch(res.body)}` : answered).toBe('404 not_found');
          // Indistinguishable from an id that does not exist: same status, type, title and detail.
          if (unknown) {
            expect(problemOf(res)).toEqual(problemOf(unknown));
          }
          return;
        }
        const expected = `${cell.outcome.status}${cell.outcome.problem ? ` ${cell.outcome.problem}` : ''}`;
        expect(answered).toBe(expected);
        if (cell.outcome.errorCode) {
          expect(problem?.errors?.map((e) => e.code)).toEqual([cell.outcome.errorCode]);
        }
        row.check?.(cell.party, cell.target, res, world);
      });
    });

  describe('reads', () => describeRows(ENDPOINTS.filter((row) => row.phase === 'read')));
  describe('changes', () => describeRows(ENDPOINTS.filter((row) => row.phase === 'write')));
  describe('live room socket events', () => describeRows(SOCKET_ROWS));
});

function limiter(size: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= size) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/** The shape of an answer: keys, list lengths, short values (enough to tell what leaked). */
function sketch(value: unknown, depth = 0): string {
  if (Array.isArray(value)) {
    return `[${value.length}]`;
  }
  if (value && typeof value === 'object') {
    if (depth > 1) {
      return '{…}';
    }
    return `{${Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k}: ${sketch(v, depth + 1)}`)
      .join(', ')}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 24)) : String(value);
}
