/**
 * Proof that the module boundaries in the root eslint.config.mjs are enforced (HOUSE-STYLE rule 1).
 *
 * ESLint lints virtual files (`lintText` with a `filePath` inside a real project) with each project's
 * own eslint.config.mjs, which extends the root config, exactly as `nx lint` does.
 * `@nx/enforce-module-boundaries` finds the source project from the file's folder and the target
 * project from the import, using the cached Nx project graph. ESLint runs in a child Node process
 * (src/lint-probes.mjs) because Jest's sandbox cannot `import()` the ESM config files.
 *
 * Each forbidden case must give an error of that rule and the legal case must give none, so the suite
 * fails when a constraint is loosened and also when the rule stops running at all.
 */
import { workspaceRoot } from '@nx/devkit';
import type { Linter } from 'eslint';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const RULE = '@nx/enforce-module-boundaries';
const RESULT_MARKER = '--- lint-probes result ---';
const PROBE = 'boundary-probe.ts';

interface Probe {
  name: string;
  /** A file that does not exist, inside an existing project. */
  filePath: string;
  importPath: string;
}
interface ProbeResult {
  filePath: string;
  messages: Linter.LintMessage[];
  rules: Record<string, Linter.RuleEntry>;
}

const forbidden: (Probe & { message: RegExp })[] = [
  {
    name: 'a web lib may not import an api lib (scope:web → scope:api)',
    filePath: `libs/web/shell/src/lib/${PROBE}`,
    importPath: '@casustafel/api/database',
    message:
      /^A project tagged with "scope:web" can only depend on libs tagged with "scope:web", "scope:shared"$/,
  },
  {
    name: 'an api lib may not import a web lib (scope:api → scope:web)',
    filePath: `libs/api/health/src/lib/${PROBE}`,
    importPath: '@casustafel/web/shell',
    message:
      /^A project tagged with "scope:api" can only depend on libs tagged with "scope:api", "scope:shared"$/,
  },
  // The type rules are proven with pairs that have no path back in the graph: Nx reports a
  // circular dependency before it looks at tags (see the api-platform case below).
  {
    name: 'a util lib may not import a ui lib (type:util → type:ui)',
    filePath: `libs/web/shared/i18n/src/lib/${PROBE}`,
    importPath: '@casustafel/web/shared/ui',
    message:
      /^A project tagged with "type:util" can only depend on libs tagged with "type:util", "type:contracts"$/,
  },
  {
    name: 'a data-access lib may not import a feature lib (type:data-access → type:feature)',
    filePath: `libs/api/demo/src/lib/${PROBE}`,
    importPath: '@casustafel/api/health',
    message:
      /^A project tagged with "type:data-access" can only depend on libs tagged with "type:data-access", "type:util", "type:contracts"$/,
  },
  {
    // Forbidden by type:util too, but api-database already depends on api-platform, so the rule
    // stops at the cycle and reports that instead of the tag constraint.
    name: 'a util lib may not import a data-access lib that depends on it (api-platform → api-database, a cycle)',
    filePath: `libs/api/platform/src/lib/${PROBE}`,
    importPath: '@casustafel/api/database',
    message: /^Circular dependency between "api-platform" and "api-database" detected/,
  },
  {
    name: 'the shared contracts may not import any package (type:contracts bans external imports)',
    filePath: `libs/shared/contracts/src/lib/${PROBE}`,
    importPath: '@nestjs/common',
    message: /^A project tagged with "type:contracts" is not allowed to import "@nestjs\/common"$/,
  },
];

const legal: Probe = {
  name: 'an api feature lib may import an api util lib',
  filePath: `libs/api/health/src/lib/${PROBE}`,
  importPath: '@casustafel/api/platform',
};

const probes: Probe[] = [...forbidden, legal];

const codeFor = ({ importPath }: Probe) =>
  `import * as target from '${importPath}';\n\nexport const used = target;\n`;

let output = '';
let results: ProbeResult[] = [];

/** Results come back in the order of `probes` (two probes may share a file path). */
function resultFor(probe: Probe): ProbeResult {
  const result = results[probes.indexOf(probe)];
  expect(result?.filePath).toBe(probe.filePath);
  return result;
}

const boundaryErrors = (result: ProbeResult) =>
  result.messages.filter((m) => m.ruleId === RULE && m.severity === 2).map((m) => m.message);

beforeAll(() => {
  const input = probes.map((p) => ({ filePath: p.filePath, code: codeFor(p) }));
  output = execFileSync(process.execPath, [join(__dirname, 'lint-probes.mjs')], {
    cwd: workspaceRoot,
    input: JSON.stringify(input),
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    timeout: 60_000,
  });
  const marker = output.indexOf(RESULT_MARKER);
  if (marker < 0) {
    throw new Error(`lint-probes.mjs printed no result:\n${output}`);
  }
  results = JSON.parse(output.slice(marker + RESULT_MARKER.length));
}, 60_000);

describe('@nx/enforce-module-boundaries', () => {
  it('ran with a project graph (the rule skips itself without one)', () => {
    expect(output).not.toContain('No cached ProjectGraph is available');
    expect(results).toHaveLength(probes.length);
  });

  it.each(probes.map((p) => [p.filePath, p] as const))('is an error in the config for %s', (_path, probe) => {
    const setting = resultFor(probe).rules[RULE];
    expect(Array.isArray(setting) ? setting[0] : setting).toBe(2);
  });

  it.each(forbidden.map((p) => [p.name, p] as const))('%s', (_name, probe) => {
    expect(boundaryErrors(resultFor(probe))).toEqual([expect.stringMatching(probe.message)]);
  });

  it(`allows a legal import: ${legal.name}`, () => {
    const result = resultFor(legal);
    expect(result.messages.filter((m) => m.ruleId === RULE)).toEqual([]);
    // A file that does not parse has no boundary message for the wrong reason.
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  });
});
