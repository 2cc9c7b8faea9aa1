import { timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KeyedHasher } from '@casustafel/api/platform';

/** The head of one hash chain: its last record's chain_seq and hash (hex). */
export interface ChainHead {
  chain_id: number;
  chain_seq: number;
  hash: string;
}

/** One line of the checkpoint file: the heads of every chain at one moment, with an HMAC. */
export interface Checkpoint {
  at: string;
  heads: ChainHead[];
  /** HMAC-SHA256 (HASH_KEY, purpose `audit-checkpoint`) of `at` and `heads`: an edited line is detected. */
  mac: string;
}

const MAC_PURPOSE = 'audit-checkpoint';
/** A line holds at most 64 heads of ~100 bytes; the tail read covers several. */
const TAIL_BYTES = 64 * 1024;

export function signCheckpoint(hasher: KeyedHasher, at: Date, heads: ChainHead[]): Checkpoint {
  const body = { at: at.toISOString(), heads };
  return { ...body, mac: hasher.hex(MAC_PURPOSE, JSON.stringify(body)) };
}

export function checkpointMacValid(hasher: KeyedHasher, checkpoint: Checkpoint): boolean {
  const expected = hasher.digest(MAC_PURPOSE, JSON.stringify({ at: checkpoint.at, heads: checkpoint.heads }));
  const given = Buffer.from(typeof checkpoint.mac === 'string' ? checkpoint.mac : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function appendCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o640 });
}

export type LastCheckpoint =
  | { kind: 'none' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'found'; checkpoint: Checkpoint };

/** The last line of the checkpoint file, read from its tail (the file only grows). */
export async function readLastCheckpoint(file: string): Promise<LastCheckpoint> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { kind: 'none' };
    }
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const last = lines[lines.length - 1];
    if (last === undefined) {
      return { kind: 'none' };
    }
    return parseCheckpoint(last);
  } finally {
    await handle.close();
  }
}

function parseCheckpoint(line: string): LastCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'unreadable', reason: 'the last line is not JSON' };
  }
  const candidate = value as Partial<Checkpoint>;
  const headsValid =
    Array.isArray(candidate.heads) &&
    candidate.heads.every(
      (h) =>
        Number.isInteger(h?.chain_id) &&
        Number.isInteger(h?.chain_seq) &&
        typeof h?.hash === 'string' &&
        /^[0-9a-f]{64}$/.test(h.hash),
    );
  if (typeof candidate.at !== 'string' || typeof candidate.mac !== 'string' || !headsValid) {
    return { kind: 'unreadable', reason: 'the last line is not a checkpoint (at, heads, mac)' };
  }
  return { kind: 'found', checkpoint: candidate as Checkpoint };
}
