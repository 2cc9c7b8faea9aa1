import { existsSync } from 'node:fs';

/** Debian's `chromium` package (newer than the npm build below). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Set by the global setup when it had to unpack `@sparticuz/chromium`, so that the worker
 * processes (which load the config again, after the setup) launch the unpacked binary.
 */
const SPARTICUZ_PATH_ENV = 'CST_E2E_SPARTICUZ_PATH';
const SPARTICUZ_ARGS_ENV = 'CST_E2E_SPARTICUZ_ARGS';

/** Flags for a quiet, offline, reproducible headless browser in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Flags of `chromium.args` that we leave out: the ones that switch off browser security (the tests
 * must see the same CORS/CSP behaviour as users), and `--single-process`, with which the browser
 * exits when a test closes its context, so that every other test in a worker would fail.
 */
const SPARTICUZ_DROPPED_ARGS = [
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--single-process',
];

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  source: 'CHROMIUM_PATH' | 'debian' | '@sparticuz/chromium';
}

/**
 * The browser to launch, synchronously (the Playwright config cannot await):
 * `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else the `@sparticuz/chromium` binary that
 * {@link prepareChromium} unpacked in the global setup. `undefined` before that setup has run.
 * Playwright's own browser downloads are never used.
 */
export function chromiumLaunch(env: NodeJS.ProcessEnv = process.env): ChromiumLaunch | undefined {
  const configured = env['CHROMIUM_PATH']?.trim();
  if (configured) {
    return { executablePath: configured, args: CHROMIUM_ARGS, source: 'CHROMIUM_PATH' };
  }
  if (existsSync(DEBIAN_CHROMIUM)) {
    return { executablePath: DEBIAN_CHROMIUM, args: CHROMIUM_ARGS, source: 'debian' };
  }
  const unpacked = env[SPARTICUZ_PATH_ENV];
  if (unpacked) {
    const extra = JSON.parse(env[SPARTICUZ_ARGS_ENV] ?? '[]') as string[];
    return { executablePath: unpacked, args: mergeArgs(extra, CHROMIUM_ARGS), source: '@sparticuz/chromium' };
  }
  return undefined;
}

/**
 * Makes sure a browser exists before any worker starts; unpacks `@sparticuz/chromium`
 * (an npm package with a headless Chromium, TOOLCHAIN §11) when there is no other.
 */
export async function prepareChromium(): Promise<ChromiumLaunch> {
  const found = chromiumLaunch();
  if (found) {
    if (!existsSync(found.executablePath)) {
      throw new Error(`CHROMIUM_PATH points to ${found.executablePath}, which does not exist.`);
    }
    return found;
  }
  const { default: chromium } = await import('@sparticuz/chromium');
  const executablePath = await chromium.executablePath();
  const args = chromium.args.filter((arg) => !SPARTICUZ_DROPPED_ARGS.includes(arg));
  process.env[SPARTICUZ_PATH_ENV] = executablePath;
  process.env[SPARTICUZ_ARGS_ENV] = JSON.stringify(args);
  return chromiumLaunch() as ChromiumLaunch;
}

function mergeArgs(first: string[], second: string[]): string[] {
  return [...new Set([...first, ...second])];
}
