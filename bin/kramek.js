#!/usr/bin/env -S node --max-semi-space-size=4 --heap-growing-percent=20
// The `kramek` command: runs the compiled CLI, building it first when a checkout has no dist/ yet.
// V8's memory flags are those of `npm start` (package.json; docs/performance.md says why).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
}
await import('../dist/cli/main.js');
