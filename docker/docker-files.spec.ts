/**
 * No Docker engine runs in CI or on the development machines, so the container files are checked
 * statically: docker/compose.yml is parsed with `yaml`, docker/Dockerfile with a small instruction
 * parser, docker/Dockerfile.dockerignore with a matcher for the Docker ignore syntax.
 *
 * Every rule is a function that returns a list of problems. The real files must give no problems,
 * and the "mutations" blocks prove that each rule fails when the property it guards is removed
 * (e.g. the USER line), so a rule cannot silently pass.
 *
 * See docs/adr/0010-container-image-and-compose.md and docker/README.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse, parseDocument } from 'yaml';

const REPO_ROOT = join(__dirname, '..');
const read = (relPath: string): string => readFileSync(join(REPO_ROOT, relPath), 'utf8');

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/**
 * The names of every environment variable the app reads. The list lives in the api-platform lib;
 * it is read as text (not imported) because the `docker` project (scope:ops) may not depend on
 * api code under the module-boundary rules.
 */
function knownEnvVars(): Set<string> {
  const source = read('libs/api/platform/src/lib/config/env-schema.ts');
  const body = source.slice(source.indexOf('ENV_VARS'));
  return new Set([...body.matchAll(/\bname:\s*'([A-Za-z_][A-Za-z0-9_]*)'/g)].map((m) => m[1]));
}

// ---------------------------------------------------------------------------------------------
// Compose
// ---------------------------------------------------------------------------------------------

type Dict = Record<string, unknown>;
interface Compose {
  services: Record<string, Dict>;
  [key: string]: unknown;
}

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** `environment:` may be a map or a list of `KEY=value`; normalise to a map. */
function environmentOf(service: Dict): Record<string, string | null> {
  const env = service['environment'];
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry: string) => {
        const eq = entry.indexOf('=');
        return eq < 0 ? [entry, null] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  const map = (env ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v === null ? null : String(v)]));
}

function composeServiceProblems(compose: Compose): string[] {
  const problems: string[] = [];
  for (const name of ['postgres', 'redis', 'app']) {
    if (!compose.services?.[name]) {
      problems.push(`service ${name} is missing`);
    }
  }
  return problems;
}

function dependsOnProblems(compose: Compose): string[] {
  const dependsOn = compose.services.app?.['depends_on'];
  const problems: string[] = [];
  for (const dep of ['postgres', 'redis']) {
    // The short (list) form cannot carry a condition, so it does not count.
    const condition = Array.isArray(dependsOn) ? undefined : (dependsOn as Dict | undefined)?.[dep];
    if ((condition as Dict | undefined)?.['condition'] !== 'service_healthy') {
      problems.push(`app must depend on ${dep} with condition service_healthy`);
    }
  }
  return problems;
}

function healthcheckProblems(compose: Compose): string[] {
  const problems: string[] = [];
  for (const name of ['postgres', 'redis']) {
    const hc = compose.services[name]?.['healthcheck'] as Dict | undefined;
    const test = asArray(hc?.['test']);
    if (!hc || hc['disable'] === true || test.length === 0 || test[0] === 'NONE') {
      problems.push(`${name} needs a healthcheck (app waits for service_healthy)`);
    }
  }
  return problems;
}

/** Only the app publishes a port, and only on the loopback interface. */
function portProblems(compose: Compose): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    if (service['network_mode'] === 'host') {
      problems.push(`${name} uses network_mode: host (publishes every port)`);
    }
    const ports = asArray(service['ports']);
    if (name !== 'app') {
      if (ports.length > 0) {
        problems.push(`${name} publishes ports ${JSON.stringify(ports)}; only the app may`);
      }
      continue;
    }
    if (ports.length === 0) {
      problems.push('app publishes no port');
    }
    for (const port of ports) {
      const loopback =
        typeof port === 'string'
          ? port.startsWith('127.0.0.1:')
          : (port as Dict)?.['host_ip'] === '127.0.0.1';
      if (!loopback) {
        problems.push(`app port ${JSON.stringify(port)} is not bound to 127.0.0.1`);
      }
    }
  }
  return problems;
}

/** Compose-style interpolation with the defaults (`${X:-d}`) and a placeholder for variables without one. */
function withDefaults(value: string): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?[^}]*\}/g,
    (_m, name: string, fallback?: string) =>
      fallback !== undefined ? fallback : `${name.toLowerCase()}-value`,
  );
}

function urlOrUndefined(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function appEnvironmentProblems(compose: Compose, known: Set<string>): string[] {
  const app = compose.services.app ?? {};
  const env = environmentOf(app);
  const problems: string[] = [];
  if (app['env_file'] !== undefined) {
    problems.push('app uses env_file: list every variable under environment so it can be checked');
  }
  const databaseUrl = urlOrUndefined(withDefaults(env['DATABASE_URL'] ?? ''));
  if (!databaseUrl || !/^postgres(ql)?:$/.test(databaseUrl.protocol) || databaseUrl.hostname !== 'postgres') {
    problems.push(
      `app DATABASE_URL must point at the postgres service, got ${JSON.stringify(env['DATABASE_URL'])}`,
    );
  }
  if (env['HOST'] !== '0.0.0.0') {
    problems.push(`app HOST must be 0.0.0.0 inside the container, got ${JSON.stringify(env['HOST'])}`);
  }
  for (const name of Object.keys(env)) {
    if (!known.has(name)) {
      problems.push(`app sets ${name}, which the app does not read (not in ENV_VARS)`);
    }
  }
  return problems;
}

function appHardeningProblems(compose: Compose): string[] {
  const app = compose.services.app ?? {};
  const problems: string[] = [];
  if (app['read_only'] !== true) {
    problems.push('app must set read_only: true');
  }
  if (!asArray(app['cap_drop']).includes('ALL')) {
    problems.push('app must cap_drop ALL');
  }
  const securityOpt = asArray(app['security_opt']).map(String);
  if (!securityOpt.some((o) => /^no-new-privileges(:true|=true)?$/.test(o))) {
    problems.push('app must set security_opt no-new-privileges:true');
  }
  if (app['privileged'] === true) {
    problems.push('app must not be privileged');
  }
  // With a read-only root filesystem the only writable places are tmpfs mounts (and volumes).
  const tmpfs = asArray(app['tmpfs']).map((t) => String(t).split(':')[0]);
  const dataDir = environmentOf(app)['DATA_DIR'];
  if (dataDir && !tmpfs.some((mount) => dataDir === mount || dataDir.startsWith(`${mount}/`))) {
    problems.push(`app DATA_DIR ${dataDir} is not on a tmpfs mount (${tmpfs.join(', ') || 'none'})`);
  }
  return problems;
}

/** Every `${VAR}` / `$VAR` compose interpolates, from the parsed values (comments are not interpolated). */
function interpolations(node: unknown, found = new Map<string, { required: boolean }>()) {
  if (typeof node === 'string') {
    for (const m of node.matchAll(
      /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    )) {
      if (m[1]) {
        continue; // `$$` is an escaped dollar, left for the container's shell
      }
      const name = m[2] ?? m[4];
      const required = /^:?\?/.test(m[3] ?? '');
      found.set(name, { required: required || found.get(name)?.required === true });
    }
  } else if (Array.isArray(node)) {
    node.forEach((item) => interpolations(item, found));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      interpolations(key, found);
      interpolations(value, found);
    }
  }
  return found;
}

/** Every interpolated variable is listed in .env.example; required ones (`:?`) uncommented. */
function envExampleProblems(compose: Compose, envExample: string): string[] {
  const listed = new Map<string, { commented: boolean }>();
  for (const line of envExample.split(/\r?\n/)) {
    const m = /^\s*(#\s*)?([A-Za-z_][A-Za-z0-9_]*)=/.exec(line);
    if (m && !(m[1] && listed.has(m[2]))) {
      listed.set(m[2], { commented: Boolean(m[1]) });
    }
  }
  const problems: string[] = [];
  const used = interpolations(compose);
  if (used.size === 0) {
    problems.push('compose interpolates no variables (parser broken?)');
  }
  for (const [name, { required }] of used) {
    const entry = listed.get(name);
    if (!entry) {
      problems.push(`\${${name}} is used in compose.yml but not documented in .env.example`);
    } else if (required && entry.commented) {
      problems.push(`${name} is required by compose.yml but commented out in .env.example`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Dockerfile
// ---------------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}
interface Stage {
  base: string;
  name?: string;
  instructions: Instruction[];
}

/** Joins `\` continuations, drops comments and blank lines (also inside continuations, as Docker does). */
function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let buffer = '';
  let start = 0;
  const flush = () => {
    const m = /^(\S+)\s*([\s\S]*)$/.exec(buffer.trim());
    if (m) {
      instructions.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: start });
    }
    buffer = '';
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      return;
    }
    if (buffer === '') {
      start = index + 1;
    }
    const line = raw.trimEnd();
    if (line.endsWith('\\')) {
      buffer += `${line.slice(0, -1)} `;
      return;
    }
    buffer += line;
    flush();
  });
  if (buffer !== '') {
    flush();
  }
  return instructions;
}

function stagesOf(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const tokens = instruction.args.split(/\s+/).filter((t) => !t.startsWith('--'));
      const asIndex = tokens.findIndex((t) => t.toUpperCase() === 'AS');
      stages.push({ base: tokens[0], name: asIndex > 0 ? tokens[asIndex + 1] : undefined, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}

/** `["a", "b"]` → argv, anything else (shell form) → undefined. */
function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) {
    return undefined;
  }
  try {
    const argv = JSON.parse(args);
    return Array.isArray(argv) && argv.every((a) => typeof a === 'string') ? argv : undefined;
  } catch {
    return undefined;
  }
}

interface CopySpec {
  from?: string;
  sources: string[];
  dest: string;
}

function copySpec(instruction: Instruction): CopySpec {
  const flags: string[] = [];
  let rest = instruction.args;
  for (let m = /^(--\S+)\s+/.exec(rest); m; m = /^(--\S+)\s+/.exec(rest)) {
    flags.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  const parts = execForm(rest) ?? rest.split(/\s+/);
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
  return { from, sources: parts.slice(0, -1), dest: parts[parts.length - 1] };
}

const lastOf = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.keyword === keyword).pop();

function stageProblems(instructions: Instruction[]): string[] {
  const stages = stagesOf(instructions);
  const problems: string[] = [];
  if (stages.length < 2) {
    problems.push(`the Dockerfile must be multi-stage (found ${stages.length} FROM)`);
  }
  stages.forEach((stage, i) => {
    if (!stage.name) {
      problems.push(`stage ${i} (FROM ${stage.base}) has no name (FROM ... AS <name>)`);
    }
  });
  const final = stages[stages.length - 1];
  if (final && stages.slice(0, -1).some((s) => s.name === final.base)) {
    problems.push(`the final stage builds on stage ${final.base}; it must start from a clean base image`);
  }
  return problems;
}

function userProblems(instructions: Instruction[]): string[] {
  const final = stagesOf(instructions).pop();
  const user = final && lastOf(final, 'USER');
  if (!user) {
    return ['the final stage has no USER instruction (it would run as root)'];
  }
  const name = user.args.split(':')[0].trim();
  return ['', 'root', '0'].includes(name) ? [`the final stage runs as ${user.args}`] : [];
}

/** Resolves a container path against the WORKDIR in force before the given instruction. */
function workdirBefore(stage: Stage, instruction: Instruction | undefined): string {
  let dir = '/';
  for (const i of stage.instructions) {
    if (i === instruction) {
      break;
    }
    if (i.keyword === 'WORKDIR') {
      dir = posix.resolve(dir, i.args);
    }
  }
  return dir;
}

function cmdProblems(instructions: Instruction[]): string[] {
  const final = stagesOf(instructions).pop();
  if (!final) {
    return ['no stages'];
  }
  const problems: string[] = [];
  const entrypoint = lastOf(final, 'ENTRYPOINT');
  if (entrypoint) {
    problems.push(`the final stage sets ENTRYPOINT ${entrypoint.args}; the CMD must be the whole command`);
  }
  const cmd = lastOf(final, 'CMD');
  const argv = cmd && execForm(cmd.args);
  if (!argv) {
    return [...problems, `the final stage needs an exec-form CMD ["node", ...], got ${cmd?.args ?? 'none'}`];
  }
  const script = posix.resolve(workdirBefore(final, cmd), argv[1] ?? '');
  if (argv[0] !== 'node' || !script.endsWith('/dist/apps/api/main.js')) {
    problems.push(`CMD must run node dist/apps/api/main.js, got ${cmd.args}`);
  }
  // The script must be put into the final image by a COPY.
  const copied = final.instructions
    .filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
    .map((i) => posix.resolve(workdirBefore(final, i), copySpec(i).dest));
  if (!copied.some((dest) => script === dest || script.startsWith(`${dest.replace(/\/$/, '')}/`))) {
    problems.push(`nothing in the final stage copies ${script}`);
  }
  return problems;
}

function healthcheckInstructionProblems(instructions: Instruction[]): string[] {
  const final = stagesOf(instructions).pop();
  const hc = final && lastOf(final, 'HEALTHCHECK');
  if (!hc || /^NONE$/i.test(hc.args) || !/\bCMD\b/.test(hc.args)) {
    return ['the final stage needs a HEALTHCHECK ... CMD'];
  }
  return [];
}

function npmCiProblems(instructions: Instruction[]): string[] {
  return instructions
    .filter((i) => i.keyword === 'RUN' && /\bnpm\s+(ci|clean-install)\b/.test(i.args))
    .map((i) => `line ${i.line}: npm ci fails against the partial registry mirror; use npm install`);
}

/** Docker ignore syntax: `*`, `?`, `**`, `!` exceptions, last match wins, a match on a parent excludes children. */
function dockerignoreMatcher(text: string): (relPath: string) => boolean {
  const toRegExp = (pattern: string): RegExp => {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '*' && pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else {
          re += '.*';
        }
      } else if (c === '*') {
        re += '[^/]*';
      } else if (c === '?') {
        re += '[^/]';
      } else {
        re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
      }
    }
    return new RegExp(`^${re}$`);
  };
  const rules = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = posix.normalize(negate ? l.slice(1).trim() : l).replace(/^\/+|\/+$/g, '');
      return { negate, re: toRegExp(pattern) };
    });
  return (relPath: string) => {
    const parts = posix
      .normalize(relPath)
      .replace(/^\.\/|\/$/g, '')
      .split('/');
    let ignored = false;
    for (const { negate, re } of rules) {
      for (let n = 1; n <= parts.length; n++) {
        if (re.test(parts.slice(0, n).join('/'))) {
          ignored = !negate;
          break;
        }
      }
    }
    return ignored;
  };
}

interface BuildContext {
  exists: (relPath: string) => boolean;
  ignored: (relPath: string) => boolean;
  /** Folders (relative to the repository root) that the Nx builds of api and web write. */
  buildOutputs: string[];
}

/**
 * COPY/ADD sources: from the build context they must exist in the repository and survive the
 * dockerignore; from an earlier stage (`--from=`) they must be build output (under dist/).
 */
function copySourceProblems(instructions: Instruction[], ctx: BuildContext): string[] {
  const problems: string[] = [];
  const stages = stagesOf(instructions);
  const firstWorkdir = instructions.find((i) => i.keyword === 'WORKDIR');
  const repoRootInImage = firstWorkdir ? posix.resolve('/', firstWorkdir.args) : '/';
  stages.forEach((stage, index) => {
    const earlier = stages.slice(0, index).map((s) => s.name);
    for (const instruction of stage.instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')) {
      const spec = copySpec(instruction);
      const where = `line ${instruction.line} (${instruction.keyword} ${instruction.args})`;
      if (spec.from !== undefined) {
        if (!earlier.includes(spec.from)) {
          problems.push(`${where}: --from=${spec.from} is not an earlier stage`);
          continue;
        }
        const fromStage = stages.find((s) => s.name === spec.from) as Stage;
        for (const source of spec.sources) {
          // The repository is built at the first WORKDIR (/app); build output lives under /app/dist/...
          const absolute = posix.resolve(workdirBefore(fromStage, undefined), source);
          const rel = posix.relative(repoRootInImage, absolute);
          if (!ctx.buildOutputs.some((out) => rel === out || rel.startsWith(`${out}/`))) {
            problems.push(
              `${where}: ${source} is not produced by the api/web build (${ctx.buildOutputs.join(', ')})`,
            );
          }
        }
        continue;
      }
      for (const source of spec.sources) {
        if (/^[a-z]+:\/\//i.test(source)) {
          problems.push(`${where}: remote source ${source}; vendor it or download in a RUN with a checksum`);
        } else if (!ctx.exists(source)) {
          problems.push(`${where}: ${source} does not exist in the repository`);
        } else if (posix.normalize(source) !== '.' && ctx.ignored(source)) {
          problems.push(`${where}: ${source} is excluded by Dockerfile.dockerignore`);
        }
      }
    }
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

const composeText = read('docker/compose.yml');
const compose = parse(composeText) as Compose;
const envExample = read('docker/.env.example');
const known = knownEnvVars();
const dockerfile = parseDockerfile(read('docker/Dockerfile'));
const ignored = dockerignoreMatcher(read('docker/Dockerfile.dockerignore'));
const webOutput = JSON.parse(read('apps/web/project.json')).targets.build.options.outputPath as string;
const context: BuildContext = {
  exists: (rel) => existsSync(join(REPO_ROOT, rel)),
  ignored,
  buildOutputs: ['dist/apps/api', `${webOutput}/browser`],
};
const clone = <T>(value: T): T => structuredClone(value);

describe('docker/compose.yml', () => {
  it('is valid YAML', () => {
    expect(parseDocument(composeText).errors).toEqual([]);
  });

  it('reads the env var list from env-schema.ts', () => {
    expect(known.size).toBeGreaterThanOrEqual(5);
    expect([...known]).toEqual(expect.arrayContaining(['DATABASE_URL', 'DATABASE_APP_URL', 'HOST', 'PORT']));
  });

  it('has the services postgres, redis and app', () => {
    expect(composeServiceProblems(compose)).toEqual([]);
  });

  it('starts the app only after postgres and redis are healthy', () => {
    expect(dependsOnProblems(compose)).toEqual([]);
    expect(healthcheckProblems(compose)).toEqual([]);
  });

  it('publishes no port except the app, on 127.0.0.1 only', () => {
    expect(portProblems(compose)).toEqual([]);
  });

  it('gives the app DATABASE_URL, HOST=0.0.0.0 and only variables the app knows', () => {
    expect(appEnvironmentProblems(compose, known)).toEqual([]);
  });

  it('runs the app read-only, without capabilities and without privilege escalation', () => {
    expect(appHardeningProblems(compose)).toEqual([]);
  });

  it('documents every interpolated ${VAR} in docker/.env.example', () => {
    expect(envExampleProblems(compose, envExample)).toEqual([]);
  });

  it('keeps .env.example free of values for secrets', () => {
    expect(envExample).toMatch(/^POSTGRES_PASSWORD=$/m);
  });

  describe('mutations are caught', () => {
    const app = (c: Compose) => c.services.app;
    const cases: [string, (c: Compose) => void, (c: Compose) => string[]][] = [
      ['redis service removed', (c) => delete c.services.redis, composeServiceProblems],
      [
        'depends_on without condition',
        (c) => (app(c)['depends_on'] = ['postgres', 'redis']),
        dependsOnProblems,
      ],
      [
        'depends_on service_started',
        (c) => ((app(c)['depends_on'] as Dict)['redis'] = { condition: 'service_started' }),
        dependsOnProblems,
      ],
      ['postgres healthcheck removed', (c) => delete c.services.postgres['healthcheck'], healthcheckProblems],
      [
        'redis healthcheck disabled',
        (c) => (c.services.redis['healthcheck'] = { disable: true }),
        healthcheckProblems,
      ],
      [
        'postgres port published',
        (c) => (c.services.postgres['ports'] = ['127.0.0.1:5432:5432']),
        portProblems,
      ],
      ['app published on all interfaces', (c) => (app(c)['ports'] = ['3000:3000']), portProblems],
      [
        'app long-syntax port without host_ip',
        (c) => (app(c)['ports'] = [{ target: 3000, published: 3000 }]),
        portProblems,
      ],
      ['redis on the host network', (c) => (c.services.redis['network_mode'] = 'host'), portProblems],
      [
        'unknown variable',
        (c) => ((app(c)['environment'] as Dict)['NOT_A_SETTING'] = 'x'),
        (c) => appEnvironmentProblems(c, known),
      ],
      [
        'HOST loopback',
        (c) => ((app(c)['environment'] as Dict)['HOST'] = '127.0.0.1'),
        (c) => appEnvironmentProblems(c, known),
      ],
      [
        'DATABASE_URL on localhost',
        (c) =>
          ((app(c)['environment'] as Dict)['DATABASE_URL'] =
            'postgres://u:${POSTGRES_PASSWORD:?x}@127.0.0.1:5432/db'),
        (c) => appEnvironmentProblems(c, known),
      ],
      [
        'DATABASE_URL removed',
        (c) => delete (app(c)['environment'] as Dict)['DATABASE_URL'],
        (c) => appEnvironmentProblems(c, known),
      ],
      ['env_file added', (c) => (app(c)['env_file'] = ['.env']), (c) => appEnvironmentProblems(c, known)],
      ['read_only removed', (c) => delete app(c)['read_only'], appHardeningProblems],
      ['cap_drop removed', (c) => delete app(c)['cap_drop'], appHardeningProblems],
      ['no-new-privileges removed', (c) => (app(c)['security_opt'] = []), appHardeningProblems],
      ['tmpfs removed while DATA_DIR is in /tmp', (c) => delete app(c)['tmpfs'], appHardeningProblems],
      [
        'undocumented interpolation',
        (c) => ((app(c)['environment'] as Dict)['LOG_LEVEL'] = '${CASUSTAFEL_UNDOCUMENTED:-info}'),
        (c) => envExampleProblems(c, envExample),
      ],
    ];
    it.each(cases)('%s', (_name, mutate, check) => {
      const mutated = clone(compose);
      mutate(mutated);
      expect(check(mutated)).not.toEqual([]);
    });

    it('a required variable commented out in .env.example', () => {
      expect(
        envExampleProblems(compose, envExample.replace(/^POSTGRES_PASSWORD=/m, '# POSTGRES_PASSWORD=')),
      ).not.toEqual([]);
    });

    it('`$$` escapes are not treated as interpolation', () => {
      expect([...interpolations({ a: '$${POSTGRES_USER} ${B:?x} $C' }).entries()]).toEqual([
        ['B', { required: true }],
        ['C', { required: false }],
      ]);
    });
  });
});

describe('docker/Dockerfile', () => {
  it('parses continuation lines into one instruction', () => {
    const hc = dockerfile.find((i) => i.keyword === 'HEALTHCHECK');
    expect(hc?.args).toMatch(/^--interval=\S+ .* CMD \[/);
    expect(parseDockerfile('RUN a \\\n  # comment\n\n  && b\nUSER 1')).toEqual([
      { keyword: 'RUN', args: expect.stringMatching(/^a\s+&& b$/), line: 1 },
      { keyword: 'USER', args: '1', line: 5 },
    ]);
  });

  it('is multi-stage with named stages and a clean final stage', () => {
    expect(stageProblems(dockerfile)).toEqual([]);
  });

  it('runs the final stage as a non-root user', () => {
    expect(userProblems(dockerfile)).toEqual([]);
  });

  it('starts with an exec-form CMD node dist/apps/api/main.js that the final stage contains', () => {
    expect(cmdProblems(dockerfile)).toEqual([]);
  });

  it('has a HEALTHCHECK', () => {
    expect(healthcheckInstructionProblems(dockerfile)).toEqual([]);
  });

  it('does not use npm ci', () => {
    expect(npmCiProblems(dockerfile)).toEqual([]);
  });

  it('copies only paths that exist in the repository, survive the dockerignore, or are build output', () => {
    expect(copySourceProblems(dockerfile, context)).toEqual([]);
  });

  it('knows where the api and web builds write (the COPY --from checks rely on it)', () => {
    expect(read('apps/api/webpack.config.js')).toMatch(/join\(__dirname, '\.\.\/\.\.\/dist\/apps\/api'\)/);
    expect(webOutput).toBe('dist/apps/web');
  });

  it('keeps secrets, local data and dependencies out of the build context', () => {
    for (const path of [
      '.env',
      'apps/api/.env.local',
      '.git/config',
      'node_modules/x/index.js',
      'libs/a/node_modules/y',
      '.data/pg',
      'dist/apps/api/main.js',
      '.nx/cache',
      'key.pem',
    ]) {
      expect([path, ignored(path)]).toEqual([path, true]);
    }
    for (const path of [
      'package.json',
      'package-lock.json',
      'apps/api/src/main.ts',
      'libs/api/platform/src/index.ts',
      '.env.example',
      'nx.json',
    ]) {
      expect([path, ignored(path)]).toEqual([path, false]);
    }
  });

  describe('mutations are caught', () => {
    const without = (keyword: string) => dockerfile.filter((i) => i.keyword !== keyword);
    const replace = (keyword: string, args: string) =>
      dockerfile.map((i) => (i.keyword === keyword ? { ...i, args } : i));
    const appendToFinal = (keyword: string, args: string) => [...dockerfile, { keyword, args, line: 999 }];
    const lastFrom = dockerfile.map((i) => i.keyword).lastIndexOf('FROM');
    const cases: [string, Instruction[], (i: Instruction[]) => string[]][] = [
      ['single stage', dockerfile.slice(lastFrom), stageProblems],
      ['unnamed stage', replace('FROM', '${NODE_IMAGE}'), stageProblems],
      [
        'final stage FROM build',
        dockerfile.map((i, n) => (n === lastFrom ? { ...i, args: 'build AS runtime' } : i)),
        stageProblems,
      ],
      ['USER removed', without('USER'), userProblems],
      ['USER root', replace('USER', 'root'), userProblems],
      ['USER 0:0', replace('USER', '0:0'), userProblems],
      ['shell-form CMD', replace('CMD', 'node dist/apps/api/main.js'), cmdProblems],
      ['CMD runs another file', replace('CMD', '["node", "dist/apps/api/other.js"]'), cmdProblems],
      ['CMD removed', without('CMD'), cmdProblems],
      ['ENTRYPOINT added', appendToFinal('ENTRYPOINT', '["sh", "-c"]'), cmdProblems],
      ['HEALTHCHECK removed', without('HEALTHCHECK'), healthcheckInstructionProblems],
      ['HEALTHCHECK NONE', replace('HEALTHCHECK', 'NONE'), healthcheckInstructionProblems],
      [
        'npm ci',
        dockerfile.map((i) => ({ ...i, args: i.args.replace('npm install', 'npm ci') })),
        npmCiProblems,
      ],
    ];
    it.each(cases)('%s', (_name, mutated, check) => {
      expect(check(mutated)).not.toEqual([]);
    });

    it.each([
      ['a missing file', 'no-such-file.txt ./'],
      ['a dockerignored folder (docker/)', 'docker/compose.yml ./'],
      ['dist from the context instead of a build stage', 'dist/apps/api ./dist/apps/api'],
      ['a remote URL', 'https://example.com/x.tgz ./'],
    ])('COPY of %s', (_name, args) => {
      expect(copySourceProblems(appendToFinal('COPY', args), context)).not.toEqual([]);
    });

    it('COPY --from of something the build does not produce', () => {
      expect(
        copySourceProblems(appendToFinal('COPY', '--from=build /app/apps/api/src ./src'), context),
      ).not.toEqual([]);
      expect(copySourceProblems(appendToFinal('COPY', '--from=nope /app/dist ./dist'), context)).not.toEqual(
        [],
      );
    });
  });
});
