import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AuditCheckpointService,
  AuditVerifier,
  AuditVerifyReport,
  checkpointMacValid,
  formatVerifyReport,
  type Checkpoint,
} from '@casustafel/api/audit';
import { DatabaseService } from '@casustafel/api/database';
import { APP_CONFIG, AppConfig, Clock, KeyedHasher } from '@casustafel/api/platform';
import { createTestDatabase, IdentityFactory, TestDatabase } from '@casustafel/api/testing';
import type {
  CaseDetailDto,
  CaseTableDto,
  ProblemDetails,
  RegistrationDto,
} from '@casustafel/shared/contracts';
import type { Client } from 'pg';
import { appRoleClient, inSecurityContext, sqlState } from './support/matrix/db';
import { startTestApi } from './support/test-api';
import { buildWorld, Party } from './support/world';

/**
 * The tamper-evident audit log (ADR 0017, QUALITY-TARGETS S3/S5): one record per data subject,
 * pseudonymised; the app role may only add; 64 hash chains that the verifier recomputes; every kind
 * of tampering is detected and the first broken record named — a consistent rewrite or a removed
 * tail through the checkpoint kept outside the database; and no action without its record (503).
 */
describe('tamper-evident audit log', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let factory: IdentityFactory;
  let p: Record<string, Party>;
  let caseId: string;
  let hasher: KeyedHasher;
  let verifier: AuditVerifier;
  const dir = mkdtempSync(join(tmpdir(), 'casustafel-audit-'));
  const checkpointFile = join(dir, 'checkpoints.jsonl');

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await startTestApi(db.url, {
      DEMO_MODE: 'true',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      AUDIT_CHECKPOINT_FILE: checkpointFile,
    }));
    factory = await IdentityFactory.connect(db.url);
    hasher = app.get(KeyedHasher);
    verifier = new AuditVerifier(db.url);
    const world = await buildWorld(app, factory, {
      parties: {
        zvh: { partnerType: 'ZVH', roles: ['PROCESREGISSEUR', 'TRIAGIST'] },
        politie: { partnerType: 'POLITIE', roles: ['DEELNEMER'] },
        gemeente: { partnerType: 'GEMEENTE_SOCIAAL_DOMEIN', roles: ['DEELNEMER'] },
      },
    });
    p = world.parties;
    const table = (await p.politie.agent.get<CaseTableDto[]>('/api/tables')).body.find(
      (t) => t.id === world.tableId,
    ) as CaseTableDto;
    const registered = await p.politie.agent.post<RegistrationDto>('/api/registrations', {
      tableId: world.tableId,
      reason: 'Signalen van arbeidsuitbuiting (fictief).',
      goal: 'Veiligheid organiseren.',
      discussedWithPerson: true,
      criteria: {
        multipleDomains: true,
        crossChain: true,
        systemAffected: false,
        localSafetyProblem: false,
        motivation: 'Zorg.',
      },
      signals: [{ signalId: table.signals[0].id }],
      persons: [
        {
          givenName: 'Bram',
          familyName: 'Verzonnen',
          dateOfBirth: '1990-01-02',
          bsn: '111222333',
          role: 'SLACHTOFFER',
        },
        { givenName: 'Cor', familyName: 'Bedacht', dateOfBirth: '1985-05-06', role: 'VERDACHTE' },
      ],
      proposedParticipants: [],
      submit: true,
    });
    expect(registered.status).toBe(201);
    const started = await p.zvh.agent.post<RegistrationDto>(
      `/api/triage/registrations/${registered.body.id}/start`,
    );
    const decided = await p.zvh.agent.post<RegistrationDto>(
      `/api/triage/registrations/${registered.body.id}/decision`,
      {
        outcome: 'ZVH_TABLE',
        advice: '',
        version: started.body.version,
      },
    );
    caseId = decided.body.triage?.caseId as string;
    expect(caseId).toBeTruthy();
  });

  afterAll(async () => {
    await factory?.close();
    await app?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const pseudonyms = async (): Promise<string[]> =>
    (
      await factory.client.query<{ pseudonym: string }>(
        `select per.pseudonym from case_person cp join person per on per.id = cp.person_id where cp.case_id = $1 order by 1`,
        [caseId],
      )
    ).rows.map((r) => r.pseudonym);

  describe('what a record holds', () => {
    it("a case read writes one record per person of the case, with that person's pseudonym and nothing personal", async () => {
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const read = await p.politie.agent.get<CaseDetailDto>(`/api/cases/${caseId}`, {
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      });
      expect(read.status).toBe(200);
      const { rows: all } = await factory.client.query(
        `select * from audit_event where action = 'case.read' and actor_user_id = $1 and trace_id = $2
          order by data_subject_id nulls first`,
        [p.politie.userId, traceId],
      );
      // The read's own row, then one per person.
      expect(all).toHaveLength(3);
      const [action, ...rows] = all;
      expect(action).toMatchObject({ data_subject_id: null, data_subject_id_type: null, outcome: 'OK' });
      expect(rows.map((r) => r.data_subject_id)).toEqual(await pseudonyms());
      for (const row of all) {
        expect(row).toMatchObject({
          outcome: 'OK',
          status_code: 'OK',
          object_type: 'case',
          object_id: caseId,
          on_behalf_of_user_id: p.politie.userId,
          actor_organisation_id: p.politie.organisationId,
          authorisation_rule: 'PARTICIPATION',
          break_glass: false,
          details: {},
        });
        expect(row.processing_activity_id).toBeTruthy();
        expect(row.span_id).toMatch(/^[0-9a-f]{16}$/);
        expect(row.hash).toHaveLength(32);
        const text = JSON.stringify(row);
        for (const personal of ['Bram', 'Verzonnen', 'Cor', 'Bedacht', '111222333', '1990-01-02']) {
          expect(text).not.toContain(personal);
        }
      }
      // LDV: a child span per subject, under the span of the read.
      for (const row of rows) {
        expect(row).toMatchObject({ data_subject_id_type: 'CST_PSEUDONYM', parent_span_id: action.span_id });
      }
      expect(new Set(all.map((r) => r.span_id)).size).toBe(3);
    });

    it('a denied read is recorded against the persons it was aimed at', async () => {
      const denied = await p.gemeente.agent.get(`/api/cases/${caseId}`);
      expect(denied.status).toBe(404);
      const { rows } = await factory.client.query(
        `select outcome, status_code, data_subject_id from audit_event
          where action = 'case.read' and actor_user_id = $1 order by data_subject_id nulls first`,
        [p.gemeente.userId],
      );
      expect(rows).toEqual(
        [null, ...(await pseudonyms())].map((id) => ({
          outcome: 'DENIED',
          status_code: 'ERROR',
          data_subject_id: id,
        })),
      );
    });

    it('a list records its ids once, and a row per person of the cases it returned; an action without subjects one row', async () => {
      const list = await p.politie.agent.get<{ items: Array<{ id: string }> }>('/api/cases', {
        traceparent: '00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbb-01',
      });
      expect(list.body.items.map((c) => c.id)).toEqual([caseId]);
      const { rows } = await factory.client.query(
        `select data_subject_id, details, span_id, parent_span_id from audit_event
          where action = 'case.list' and trace_id = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' order by data_subject_id nulls first`,
      );
      const [action, ...persons] = rows;
      expect(action).toMatchObject({ data_subject_id: null, parent_span_id: 'bbbbbbbbbbbbbbbb' });
      expect(action.details.returned).toEqual([caseId]);
      expect(persons.map((r) => r.data_subject_id)).toEqual(await pseudonyms());
      for (const row of persons) {
        expect(row).toMatchObject({ details: {}, parent_span_id: action.span_id });
      }
      const ended = await p.politie.agent.post('/api/account/sessions/end-others', undefined, {
        traceparent: '00-cccccccccccccccccccccccccccccccc-dddddddddddddddd-01',
      });
      expect(ended.status).toBeLessThan(300);
      const plain = await factory.client.query(
        `select action, data_subject_id, parent_span_id from audit_event where trace_id = 'cccccccccccccccccccccccccccccccc'`,
      );
      // Not about a person: one record, a child of the caller's span.
      expect(plain.rows).toEqual([
        { action: 'account.sessions.end_others', data_subject_id: null, parent_span_id: 'dddddddddddddddd' },
      ]);
    });
  });

  describe('privileges', () => {
    let appClient: Client;
    beforeAll(async () => (appClient = await appRoleClient(db.url)));
    afterAll(async () => appClient?.end());

    it('the app role may add records, never read, change, remove or truncate them, nor touch the chain heads', async () => {
      const context = { userId: p.politie.userId, organisationId: p.politie.organisationId };
      await inSecurityContext(appClient, context, async (client) => {
        expect(
          await sqlState(
            client,
            `insert into audit_event (occurred_at, action, outcome) values (now(), 'rls.test', 'OK')`,
          ),
        ).toBe('OK');
        for (const statement of [
          'select * from audit_event',
          'select count(*) from audit_event',
          `update audit_event set outcome = 'DENIED'`,
          'delete from audit_event',
          'truncate audit_event',
          'select * from audit_event_default',
          `insert into audit_event_default (occurred_at, action, outcome, chain_id, chain_seq, hash)
             values (now(), 'rls.test', 'OK', 0, 1, sha256('x'))`,
          'select * from audit_chain',
          'update audit_chain set last_seq = 0',
          'select cst_audit_ensure_partitions(current_date, 1)',
        ]) {
          expect([statement, await sqlState(client, statement)]).toEqual([statement, '42501']);
        }
        // The heads only, for the checkpoints.
        expect(await sqlState(client, 'select * from cst_audit_heads()')).toBe('OK');
      });
    });

    it('no partition of the log grants the app role anything', async () => {
      const { rows } = await factory.client.query(
        `select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
          where i.inhparent = 'audit_event'::regclass
            and (has_table_privilege('casustafel_app', c.oid, 'SELECT') or has_table_privilege('casustafel_app', c.oid, 'INSERT')
                 or has_table_privilege('casustafel_app', c.oid, 'UPDATE') or has_table_privilege('casustafel_app', c.oid, 'DELETE'))`,
      );
      expect(rows).toEqual([]);
      const partitions = await factory.client.query(
        `select count(*)::int as n from pg_inherits where inhparent = 'audit_event'::regclass`,
      );
      // Monthly from 2024-01 to two years ahead, plus the default partition.
      expect(partitions.rows[0].n).toBeGreaterThan(48);
    });

    it('the owner cannot change or remove records either while the append-only triggers stand', async () => {
      await factory.client.query('begin');
      try {
        for (const statement of [
          `update audit_event set outcome = 'DENIED'`,
          'delete from audit_event',
          'truncate audit_event_default',
        ]) {
          expect([statement, await sqlState(factory.client, statement)]).toEqual([statement, '42501']);
        }
      } finally {
        await factory.client.query('rollback');
      }
    });
  });

  describe('chains', () => {
    it('concurrent requests on many connections produce valid chains', async () => {
      const reads = Array.from({ length: 30 }, (_, i) =>
        (i % 2 === 0 ? p.politie : p.zvh).agent.get(`/api/cases/${caseId}`),
      );
      // Held transactions force others onto other chains (the preferred one is busy).
      const clients = await Promise.all(Array.from({ length: 6 }, () => appRoleClient(db.url)));
      try {
        const held = clients.map(async (client) => {
          await client.query('begin');
          await client.query(
            `insert into audit_event (occurred_at, action, outcome) select now(), 'rls.test', 'OK' from generate_series(1, 3)`,
          );
          await client.query('select pg_sleep(0.05)');
          await client.query(
            `insert into audit_event (occurred_at, action, outcome) values (now(), 'rls.test', 'OK')`,
          );
          await client.query('commit');
        });
        const responses = await Promise.all(reads);
        await Promise.all(held);
        expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
      const chains = await factory.client.query(`select count(distinct chain_id)::int as n from audit_event`);
      expect(chains.rows[0].n).toBeGreaterThan(3);
      const report = await verifier.verify();
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    });

    it('a rolled-back action leaves no record and no gap in its chain', async () => {
      await factory.client.query('begin');
      await factory.client.query(
        `insert into audit_event (occurred_at, action, outcome) values (now(), 'rls.test', 'OK')`,
      );
      await factory.client.query('rollback');
      expect((await verifier.verify()).ok).toBe(true);
    });
  });

  describe('checkpoints', () => {
    it('are appended by a timer while the log grows, and once more at shutdown, each with a valid HMAC', async () => {
      const file = join(dir, 'timer.jsonl');
      const config = app.get<AppConfig>(APP_CONFIG);
      const service = new AuditCheckpointService(
        { ...config, audit: { checkpointIntervalSeconds: 1, checkpointFile: file } },
        app.get(DatabaseService),
        hasher,
        app.get(Clock),
      );
      const lines = (): Checkpoint[] =>
        readFileSync(file, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Checkpoint);
      service.onApplicationBootstrap();
      try {
        await until(() => existsSync(file));
        // Nothing new: the next ticks write nothing.
        await new Promise((resolve) => setTimeout(resolve, 1200));
        expect(lines()).toHaveLength(1);
        await p.politie.agent.get(`/api/cases/${caseId}`);
      } finally {
        await service.beforeApplicationShutdown();
      }
      const written = lines();
      expect(written.length).toBeGreaterThanOrEqual(2);
      for (const checkpoint of written) {
        expect(checkpointMacValid(hasher, checkpoint)).toBe(true);
      }
      const heads = await factory.client.query(
        `select chain_id, last_seq::int as chain_seq, encode(last_hash, 'hex') as hash from audit_chain
          where last_seq > 0 order by chain_id`,
      );
      expect(written[written.length - 1].heads).toEqual(heads.rows);
    });
  });

  describe('verification and tampering', () => {
    let baseline: AuditVerifyReport;
    /** The chain with the most records: the one tampered with. */
    let chain: { id: number; rows: Array<{ seq: string; chain_seq: number }> };
    /** The checkpoint file as the app wrote it. */
    let saved = '';

    beforeAll(async () => {
      await factory.client.query(`create table audit_backup as select * from audit_event`);
      await factory.client.query(`create table audit_chain_backup as select * from audit_chain`);
      const written = await app.get(AuditCheckpointService).checkpoint();
      expect(written?.heads.length).toBeGreaterThan(3);
      saved = readFileSync(checkpointFile, 'utf8');
      const top = await factory.client.query<{ chain_id: number }>(
        `select chain_id from audit_event group by chain_id order by count(*) desc limit 1`,
      );
      const rows = await factory.client.query<{ seq: string; chain_seq: string }>(
        `select seq, chain_seq from audit_event where chain_id = $1 order by chain_seq`,
        [top.rows[0].chain_id],
      );
      chain = {
        id: top.rows[0].chain_id,
        rows: rows.rows.map((r) => ({ seq: r.seq, chain_seq: Number(r.chain_seq) })),
      };
      expect(chain.rows.length).toBeGreaterThan(6);
    });

    /** Undo the tampering: back to the saved log and heads (as superuser, triggers off). */
    afterEach(async () => {
      await asReplica(async () => {
        await factory.client.query('delete from audit_event');
        await factory.client.query(
          `insert into audit_event (${CONTENT}, chain_id, chain_seq, prev_hash, hash) overriding system value
           select ${CONTENT}, chain_id, chain_seq, prev_hash, hash from audit_backup`,
        );
        await factory.client.query(
          `update audit_chain c set last_seq = b.last_seq, last_hash = b.last_hash from audit_chain_backup b where b.chain_id = c.chain_id`,
        );
      });
      writeFileSync(checkpointFile, saved);
    });

    it('after normal activity the log verifies, against the checkpoint kept outside the database', async () => {
      baseline = await verifier.verify({ checkpointFile, hasher });
      expect(formatVerifyReport(baseline).join('\n')).toContain('OK: every chain is intact.');
      const count = await factory.client.query(`select count(*)::int as n from audit_event`);
      expect(baseline).toMatchObject({ ok: true, rows: count.rows[0].n, problems: [] });
      expect(baseline.checkpoint?.heads).toBe(baseline.chains);
      expect(baseline.rowsPerSecond).toBeGreaterThan(0);
    });

    const middle = () => chain.rows[Math.floor(chain.rows.length / 2)];

    it('detects an edited field and names the record', async () => {
      const target = middle();
      await asReplica(() =>
        factory.client.query(`update audit_event set actor_user_id = null where seq = $1`, [target.seq]),
      );
      expect(await problems()).toEqual([
        { kind: 'HASH_MISMATCH', chainId: chain.id, chainSeq: target.chain_seq, seq: target.seq },
      ]);
    });

    it('detects a deleted record', async () => {
      const target = middle();
      await asReplica(() => factory.client.query(`delete from audit_event where seq = $1`, [target.seq]));
      const next = chain.rows[chain.rows.indexOf(target) + 1];
      expect(await problems()).toEqual([
        { kind: 'SEQUENCE_BREAK', chainId: chain.id, chainSeq: next.chain_seq, seq: next.seq },
      ]);
    });

    it('detects a reordering (two records swap their places in the chain)', async () => {
      const a = middle();
      const b = chain.rows[chain.rows.indexOf(a) + 1];
      await asReplica(() =>
        factory.client.query(
          `update audit_event set chain_seq = case when seq = $1 then $4::bigint else $3::bigint end where seq in ($1, $2)`,
          [a.seq, b.seq, a.chain_seq, b.chain_seq],
        ),
      );
      expect(await problems()).toEqual([
        {
          kind: expect.stringMatching(/^(LINK_BROKEN|HASH_MISMATCH)$/),
          chainId: chain.id,
          chainSeq: a.chain_seq,
          seq: b.seq,
        },
      ]);
    });

    it('detects a forged record inserted in the middle, even with a hash of its own that fits', async () => {
      const before = middle();
      const at = chain.rows[chain.rows.indexOf(before) + 1];
      await asReplica(async () => {
        await factory.client.query(
          `insert into audit_event (seq, occurred_at, action, outcome, chain_id, chain_seq, prev_hash, hash) overriding system value
           select 0, now(), 'case.read', 'OK', $1, $2, e.hash, sha256('\\x'::bytea) from audit_event e where e.seq = $3`,
          [chain.id, at.chain_seq, before.seq],
        );
        // A valid hash over its own content and the real predecessor: only its place gives it away.
        await factory.client.query(
          `update audit_event e set hash = sha256(e.prev_hash || ${CANONICAL_CALL}) where seq = 0`,
        );
      });
      const found = await problems();
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ kind: 'SEQUENCE_BREAK', chainId: chain.id, chainSeq: at.chain_seq });
    });

    it('detects a removed tail through the checkpoint, though the chain and its head agree', async () => {
      const last = chain.rows[chain.rows.length - 1];
      const keep = chain.rows[chain.rows.length - 3];
      await asReplica(async () => {
        await factory.client.query(`delete from audit_event where chain_id = $1 and chain_seq > $2`, [
          chain.id,
          keep.chain_seq,
        ]);
        await factory.client.query(
          `update audit_chain c set last_seq = e.chain_seq, last_hash = e.hash from audit_event e where e.seq = $1 and c.chain_id = $2`,
          [keep.seq, chain.id],
        );
      });
      // Inside the database everything is consistent…
      expect((await verifier.verify()).ok).toBe(true);
      // …the checkpoint outside it is not.
      expect(await problems()).toEqual([
        { kind: 'CHECKPOINT_MISSING', chainId: chain.id, chainSeq: last.chain_seq, seq: null },
      ]);
    });

    it('detects a rewrite of a whole tail with recomputed hashes through the checkpoint', async () => {
      const from = middle();
      const last = chain.rows[chain.rows.length - 1];
      await asReplica(() =>
        factory.client.query(
          `do $$
           declare r record; v_prev bytea; v_hash bytea;
           begin
             select hash into v_prev from audit_event where chain_id = ${chain.id} and chain_seq = ${from.chain_seq - 1};
             for r in select seq from audit_event where chain_id = ${chain.id} and chain_seq >= ${from.chain_seq} order by chain_seq loop
               update audit_event set outcome = 'DENIED', prev_hash = v_prev where seq = r.seq;
               update audit_event e set hash = sha256(v_prev || ${CANONICAL_CALL}) where seq = r.seq returning hash into v_hash;
               v_prev := v_hash;
             end loop;
             update audit_chain set last_hash = v_prev where chain_id = ${chain.id};
           end $$`,
        ),
      );
      expect((await verifier.verify()).ok).toBe(true);
      expect(await problems()).toEqual([
        { kind: 'CHECKPOINT_HASH_MISMATCH', chainId: chain.id, chainSeq: last.chain_seq, seq: last.seq },
      ]);
    });

    it('detects an edited checkpoint file by its HMAC', async () => {
      const lines = saved.trim().split('\n');
      const edited = JSON.parse(lines[lines.length - 1]);
      edited.heads[0].chain_seq += 1;
      writeFileSync(checkpointFile, `${[...lines.slice(0, -1), JSON.stringify(edited)].join('\n')}\n`);
      expect(await problems()).toEqual([
        { kind: 'CHECKPOINT_INVALID', chainId: null, chainSeq: null, seq: null },
      ]);
    });

    it('detects records removed from the end without the head being updated', async () => {
      const last = chain.rows[chain.rows.length - 1];
      await asReplica(() => factory.client.query(`delete from audit_event where seq = $1`, [last.seq]));
      const found = await verifier.verify();
      expect(found.problems.map((x) => x.kind)).toEqual(['HEAD_MISMATCH']);
      expect(formatVerifyReport(found).join('\n')).toContain(
        `chain ${chain.id}, chain_seq ${last.chain_seq - 1}`,
      );
    });

    async function problems() {
      const report = await verifier.verify({ checkpointFile, hasher });
      expect(report.ok).toBe(false);
      expect(formatVerifyReport(report).join('\n')).toContain('TAMPERED');
      return report.problems.map(({ kind, chainId, chainSeq, seq }) => ({ kind, chainId, chainSeq, seq }));
    }
  });

  describe('fail closed', () => {
    beforeAll(async () => {
      await factory.client.query(`
        create function cst_test_audit_down() returns trigger language plpgsql as $$
        begin raise exception 'audit storage unavailable (test)'; end $$`);
    });
    afterEach(() => factory.client.query('drop trigger if exists audit_down on audit_event'));
    const auditDown = () =>
      factory.client.query(
        `create trigger audit_down before insert on audit_event for each row execute function cst_test_audit_down()`,
      );

    it('a read whose audit record cannot be written is refused with 503, and served again once it can', async () => {
      await auditDown();
      const refused = await p.politie.agent.get<ProblemDetails>(`/api/cases/${caseId}`);
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ type: 'urn:casustafel:problem:audit.unavailable', status: 503 });
      expect(JSON.stringify(refused.body)).not.toContain('Verzonnen');
      const list = await p.politie.agent.get<ProblemDetails>('/api/cases');
      expect(list.status).toBe(503);
      await factory.client.query('drop trigger audit_down on audit_event');
      expect((await p.politie.agent.get(`/api/cases/${caseId}`)).status).toBe(200);
    });

    it('a change whose audit record cannot be written is refused with 503 and not committed', async () => {
      const before = await factory.client.query(`select reason, version from casus where id = $1`, [caseId]);
      await auditDown();
      const changed = await p.zvh.agent.put<ProblemDetails>(`/api/cases/${caseId}`, {
        reason: 'Gewijzigd zonder audit (fictief).',
        goal: 'Niets.',
        casusregisseurId: null,
        version: before.rows[0].version,
      });
      expect(changed.status).toBe(503);
      expect(changed.body.type).toBe('urn:casustafel:problem:audit.unavailable');
      const after = await factory.client.query(`select reason, version from casus where id = $1`, [caseId]);
      expect(after.rows[0]).toEqual(before.rows[0]);
    });
  });

  /** As superuser with ordinary triggers (append-only walls, chain trigger) off: what an attacker with the database would do. */
  async function asReplica<T>(work: () => Promise<T>): Promise<T> {
    await factory.client.query(`set session_replication_role = replica`);
    try {
      return await work();
    } finally {
      await factory.client.query(`set session_replication_role = origin`);
    }
  }
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the attacker recomputes a hash with: the same function as the trigger. */
const CANONICAL_CALL = `cst_audit_canonical(e.seq, e.chain_id, e.chain_seq, e.occurred_at, e.action, e.outcome, e.actor_user_id,
  e.on_behalf_of_user_id, e.actor_organisation_id, e.actor_roles, e.session_id, e.origin, e.object_type, e.object_id,
  e.data_subject_id, e.data_subject_id_type, e.data_category, e.authorisation_rule, e.break_glass,
  e.processing_activity_id, e.legal_ground, e.purpose, e.trace_id, e.span_id, e.parent_span_id, e.details)`;

/** Every column a restore copies back (status_code is generated). */
const CONTENT = `seq, occurred_at, action, outcome, actor_user_id, on_behalf_of_user_id, actor_organisation_id, actor_roles,
  session_id, origin, object_type, object_id, data_subject_id, data_subject_id_type, data_category, authorisation_rule,
  break_glass, processing_activity_id, legal_ground, purpose, trace_id, span_id, parent_span_id, details`;
