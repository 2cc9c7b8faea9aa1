import type { KeyedHasher } from '@casustafel/api/platform';
import { Client } from 'pg';
import { Checkpoint, checkpointMacValid, readLastCheckpoint } from '../checkpoint/checkpoint-file';

export type AuditProblemKind =
  | 'HASH_MISMATCH'
  | 'SEQUENCE_BREAK'
  | 'LINK_BROKEN'
  | 'HEAD_MISMATCH'
  | 'CHECKPOINT_MISSING'
  | 'CHECKPOINT_HASH_MISMATCH'
  | 'CHECKPOINT_INVALID';

/** The first thing wrong with one chain (or with the checkpoint file). */
export interface AuditProblem {
  kind: AuditProblemKind;
  chainId: number | null;
  chainSeq: number | null;
  /** The record's global sequence number, when there is a record to name. */
  seq: string | null;
  message: string;
}

export interface AuditVerifyReport {
  ok: boolean;
  rows: number;
  chains: number;
  durationMs: number;
  rowsPerSecond: number;
  /** The checkpoint compared, if any; `null` when there was none to compare. */
  checkpoint: { at: string; heads: number } | null;
  /** At most one per chain (its first broken record), plus checkpoint problems; in chain order. */
  problems: AuditProblem[];
}

export interface AuditVerifyOptions {
  /** Checkpoint file written by AuditCheckpointService; its last line is compared. */
  checkpointFile?: string;
  /** HASH_KEY hasher, to check the checkpoint's HMAC. */
  hasher?: KeyedHasher;
}

interface FlaggedRow {
  role: 'PROBLEM' | 'MARKER';
  chain_id: number;
  chain_seq: string;
  seq: string;
  hash: string;
  prev_seq: string | null;
  hash_ok: boolean;
  seq_ok: boolean;
  link_ok: boolean;
  n: string;
  last: boolean;
}

/**
 * Every chain recomputed in one set-based statement (window functions over chain_id, chain_seq):
 * each record's hash from its content and its predecessor's hash, consecutive chain_seq from 1,
 * prev_hash equal to the predecessor's hash. Returns only the first broken record per chain
 * (PROBLEM), each chain's last record and the records the checkpoint names (MARKER) — never the
 * whole log to Node.
 */
const check = (canonical: string) => `
  WITH checked AS (
    SELECT e.chain_id, e.chain_seq, e.seq, e.hash,
           lag(e.chain_seq) OVER w AS prev_seq,
           e.hash = sha256(coalesce(e.prev_hash, '\\x'::bytea) || ${canonical}) AS hash_ok,
           e.chain_seq = coalesce(lag(e.chain_seq) OVER w, 0) + 1 AS seq_ok,
           e.prev_hash IS NOT DISTINCT FROM lag(e.hash) OVER w AS link_ok,
           row_number() OVER w AS n,
           lead(e.chain_seq) OVER w IS NULL AS last
    FROM audit_event e
    WINDOW w AS (PARTITION BY e.chain_id ORDER BY e.chain_seq, e.seq)
  ), flagged AS MATERIALIZED (
    SELECT c.*, NOT (c.hash_ok AND c.seq_ok AND c.link_ok) AS problem,
           (c.chain_id, c.chain_seq) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[])) AS checkpointed
    FROM checked c
    WHERE NOT (c.hash_ok AND c.seq_ok AND c.link_ok) OR c.last
       OR (c.chain_id, c.chain_seq) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))
  )
  SELECT role, chain_id, chain_seq, seq, encode(hash, 'hex') AS hash, prev_seq, hash_ok, seq_ok, link_ok, n, last
  FROM ((SELECT DISTINCT ON (chain_id) 'PROBLEM' AS role, * FROM flagged WHERE problem ORDER BY chain_id, chain_seq, seq)
        UNION ALL
        (SELECT 'MARKER' AS role, * FROM flagged WHERE last OR checkpointed)) r`;

/**
 * Verifies the tamper-evident audit log (ADR 0017) as the schema owner, in one REPEATABLE READ
 * snapshot: the chains in the database, their heads in `audit_chain`, and the last checkpoint
 * kept outside the database (a whole-log rewrite with recomputed hashes, or a removed tail, is
 * consistent inside the database but no longer matches it).
 */
export class AuditVerifier {
  constructor(private readonly url: string) {}

  async verify(options: AuditVerifyOptions = {}): Promise<AuditVerifyReport> {
    const started = process.hrtime.bigint();
    const problems: AuditProblem[] = [];
    // Read the checkpoint before the snapshot: everything it names was committed before it.
    const checkpoint = await this.checkpoint(options, problems);
    const client = new Client({ connectionString: this.url, application_name: 'casustafel-audit-verify' });
    await client.connect();
    let rows: FlaggedRow[];
    let heads: Array<{ chain_id: number; last_seq: string; last_hash: string }>;
    try {
      await client.query('begin isolation level repeatable read read only');
      // The sort of the window runs in memory up to this size; larger logs spill to disk.
      await client.query(`set local work_mem = '256MB'`);
      heads = (
        await client.query(
          `select chain_id, last_seq, encode(last_hash, 'hex') as last_hash from audit_chain where last_seq > 0`,
        )
      ).rows;
      rows = (
        await client.query<FlaggedRow>(check(await canonicalCall(client)), [
          checkpoint?.heads.map((h) => h.chain_id) ?? [],
          checkpoint?.heads.map((h) => h.chain_seq) ?? [],
        ])
      ).rows;
      await client.query('commit');
    } finally {
      await client.end();
    }

    const markers = rows.filter((r) => r.role === 'MARKER');
    const lastRows = new Map(markers.filter((r) => r.last).map((r) => [r.chain_id, r]));
    for (const row of rows.filter((r) => r.role === 'PROBLEM')) {
      problems.push(recordProblem(row));
    }
    problems.push(...headProblems(heads, lastRows));
    if (checkpoint) {
      problems.push(...checkpointProblems(checkpoint, markers, lastRows));
    }
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const total = [...lastRows.values()].reduce((sum, r) => sum + Number(r.n), 0);
    return {
      ok: problems.length === 0,
      rows: total,
      chains: lastRows.size,
      durationMs,
      rowsPerSecond: durationMs > 0 ? Math.round((total * 1000) / durationMs) : total,
      checkpoint: checkpoint ? { at: checkpoint.at, heads: checkpoint.heads.length } : null,
      problems: firstPerChain(problems),
    };
  }

  private async checkpoint(
    options: AuditVerifyOptions,
    problems: AuditProblem[],
  ): Promise<Checkpoint | undefined> {
    if (!options.checkpointFile) {
      return undefined;
    }
    const last = await readLastCheckpoint(options.checkpointFile);
    if (last.kind === 'none') {
      return undefined;
    }
    if (last.kind === 'unreadable') {
      problems.push(fileProblem(`The checkpoint file cannot be read: ${last.reason}.`));
      return undefined;
    }
    if (options.hasher && !checkpointMacValid(options.hasher, last.checkpoint)) {
      problems.push(
        fileProblem(
          `The last checkpoint (${last.checkpoint.at}) has an invalid HMAC: the checkpoint file was edited, or HASH_KEY differs.`,
        ),
      );
      return undefined;
    }
    return last.checkpoint;
  }
}

/**
 * The call of `cst_audit_canonical` on a row `e`, built from the function's parameter names (they
 * are the column names): the function alone decides which columns the hash covers, in which order.
 */
async function canonicalCall(client: Client): Promise<string> {
  const { rows } = await client.query<{ names: string[] }>(
    `select proargnames as names from pg_proc
      where proname = 'cst_audit_canonical' and pronamespace = 'public'::regnamespace`,
  );
  if (rows.length !== 1 || !rows[0].names?.every((name) => /^[a-z_][a-z0-9_]*$/.test(name))) {
    throw new Error('cst_audit_canonical is missing or ambiguous: is the schema migrated?');
  }
  return `cst_audit_canonical(${rows[0].names.map((name) => `e.${name}`).join(', ')})`;
}

function recordProblem(row: FlaggedRow): AuditProblem {
  const at = { chainId: row.chain_id, chainSeq: Number(row.chain_seq), seq: row.seq };
  if (!row.seq_ok) {
    const after = row.prev_seq === null ? 'the start of the chain' : `chain_seq ${row.prev_seq}`;
    return {
      kind: 'SEQUENCE_BREAK',
      ...at,
      message: `chain_seq ${row.chain_seq} follows ${after}: a record before it was deleted, or one was inserted or duplicated`,
    };
  }
  if (!row.link_ok) {
    return {
      kind: 'LINK_BROKEN',
      ...at,
      message: `prev_hash is not the hash of chain_seq ${row.prev_seq ?? '(none)'}: records were removed, inserted or reordered`,
    };
  }
  return {
    kind: 'HASH_MISMATCH',
    ...at,
    message: 'the stored hash does not match the record: a field was changed, or the record was moved',
  };
}

/** The chain's own head (audit_chain) must be its last record. */
function headProblems(
  heads: Array<{ chain_id: number; last_seq: string; last_hash: string }>,
  lastRows: Map<number, FlaggedRow>,
): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const headOf = new Map(heads.map((h) => [h.chain_id, h]));
  const chains = [...new Set([...headOf.keys(), ...lastRows.keys()])].sort((a, b) => a - b);
  for (const chainId of chains) {
    const head = headOf.get(chainId);
    const last = lastRows.get(chainId);
    if (head && last && head.last_seq === last.chain_seq && head.last_hash === last.hash) {
      continue;
    }
    problems.push({
      kind: 'HEAD_MISMATCH',
      chainId,
      chainSeq: last ? Number(last.chain_seq) : null,
      seq: last?.seq ?? null,
      message: `the chain ends at chain_seq ${last?.chain_seq ?? '(no records)'} but its head records chain_seq ${
        head?.last_seq ?? '(none)'
      }: records at its end were removed or added outside the chain`,
    });
  }
  return problems;
}

/** Every checkpointed head must still be there, with the same hash. */
function checkpointProblems(
  checkpoint: Checkpoint,
  rows: FlaggedRow[],
  lastRows: Map<number, FlaggedRow>,
): AuditProblem[] {
  const problems: AuditProblem[] = [];
  for (const head of checkpoint.heads) {
    const row = rows.find((r) => r.chain_id === head.chain_id && Number(r.chain_seq) === head.chain_seq);
    if (!row) {
      const last = lastRows.get(head.chain_id);
      problems.push({
        kind: 'CHECKPOINT_MISSING',
        chainId: head.chain_id,
        chainSeq: head.chain_seq,
        seq: null,
        message: `the checkpoint of ${checkpoint.at} has chain_seq ${head.chain_seq}, but the chain ends at ${
          last?.chain_seq ?? '(no records)'
        }: records at its end were removed`,
      });
    } else if (row.hash !== head.hash) {
      problems.push({
        kind: 'CHECKPOINT_HASH_MISMATCH',
        chainId: head.chain_id,
        chainSeq: head.chain_seq,
        seq: row.seq,
        message: `the hash of chain_seq ${head.chain_seq} differs from the checkpoint of ${checkpoint.at}: the chain was rewritten up to here`,
      });
    }
  }
  return problems;
}

function fileProblem(message: string): AuditProblem {
  return { kind: 'CHECKPOINT_INVALID', chainId: null, chainSeq: null, seq: null, message };
}

/** File problems first, then per chain the earliest broken record (records before heads and checkpoints). */
function firstPerChain(problems: AuditProblem[]): AuditProblem[] {
  const seen = new Set<number>();
  const ordered = [...problems].sort(
    (a, b) => (a.chainId ?? -1) - (b.chainId ?? -1) || (a.chainSeq ?? Infinity) - (b.chainSeq ?? Infinity),
  );
  return ordered.filter((p) => {
    if (p.chainId === null) {
      return true;
    }
    if (seen.has(p.chainId)) {
      return false;
    }
    seen.add(p.chainId);
    return true;
  });
}

/** The summary `npm run audit:verify` prints. */
export function formatVerifyReport(report: AuditVerifyReport): string[] {
  const seconds = (report.durationMs / 1000).toFixed(2);
  const lines = [
    `Audit log: ${report.rows} records in ${report.chains} chains checked in ${seconds} s (${report.rowsPerSecond} records/s).`,
    report.checkpoint
      ? `Checkpoint of ${report.checkpoint.at}: ${report.checkpoint.heads} chain heads compared.`
      : 'No checkpoint to compare (none written yet, or no checkpoint file): a rewrite of the whole log would not be detected.',
  ];
  if (report.ok) {
    lines.push('OK: every chain is intact.');
    return lines;
  }
  const first = report.problems[0];
  lines.push(`TAMPERED: ${report.problems.length} problem(s). First broken record: ${describe(first)}`);
  for (const problem of report.problems.slice(1)) {
    lines.push(`  ${describe(problem)}`);
  }
  return lines;
}

function describe(p: AuditProblem): string {
  const where =
    p.chainId === null
      ? 'checkpoint file'
      : `chain ${p.chainId}, chain_seq ${p.chainSeq ?? '-'}, seq ${p.seq ?? '-'}`;
  return `${where} [${p.kind}]: ${p.message}`;
}
