import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { WORKSPACE_ROOT } from './e2e-server';

/** Where the sink leaves every mail it receives, one JSON file each (the journeys read them). */
export const MAIL_DIR = join(WORKSPACE_ROOT, 'tmp', 'test-results', 'e2e-mail');

export interface SunkMail {
  to: string[];
  /** The raw message (headers and body) as the app sent it. */
  raw: string;
  receivedAt: string;
}

/**
 * A local SMTP server for the e2e app (SMTP_URL): accepts every mail without authentication and
 * writes it to {@link MAIL_DIR}. Runs in the Playwright runner process (global setup); the journeys
 * run in worker processes and read the files with {@link readMails}.
 */
export async function startMailSink(): Promise<{ port: number; stop: () => Promise<void> }> {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail: SunkMail = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
          receivedAt: new Date().toISOString(),
        };
        writeFileSync(join(MAIL_DIR, `${Date.now()}-${randomBytes(4).toString('hex')}.json`), JSON.stringify(mail));
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return { port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Every mail the sink received so far. */
export function readMails(): SunkMail[] {
  let files: string[] = [];
  try {
    files = readdirSync(MAIL_DIR).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return files.map((f) => JSON.parse(readFileSync(join(MAIL_DIR, f), 'utf8')) as SunkMail);
}
