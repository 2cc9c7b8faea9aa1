/**
 * Lints virtual files with the workspace ESLint configs and prints the results as JSON after a
 * marker line. Input (stdin): `[{ "filePath": "libs/x/src/y.ts", "code": "..." }]`, paths relative
 * to the workspace root (the working directory).
 *
 * This runs in its own Node process, not inside Jest: ESLint loads eslint.config.mjs with a dynamic
 * `import()`, which Jest's module sandbox refuses without --experimental-vm-modules.
 */
import devkit from '@nx/devkit';
import { ESLint } from 'eslint';

const RESULT_MARKER = '--- lint-probes result ---';

const { createProjectGraphAsync, readCachedProjectGraph, workspaceRoot } = devkit;

let input = '';
for await (const chunk of process.stdin) {
  input += chunk;
}
const probes = JSON.parse(input);

// @nx/enforce-module-boundaries reads the *cached* project graph and skips itself when there is
// none. Under `nx run` it is already cached; when Jest runs on its own, build it first.
try {
  readCachedProjectGraph();
} catch {
  await createProjectGraphAsync({ exitOnError: false });
}

// The eslint.config.mjs nearest to each file (the project's own, extending the root) applies,
// as with `nx lint`, which runs ESLint inside the project folder.
const eslint = new ESLint({ cwd: workspaceRoot, flags: ['v10_config_lookup_from_file'] });

const results = [];
for (const { filePath, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  const config = await eslint.calculateConfigForFile(filePath);
  results.push({ filePath, messages: result.messages, rules: config?.rules ?? {} });
}
process.stdout.write(`\n${RESULT_MARKER}\n${JSON.stringify(results)}\n`);
