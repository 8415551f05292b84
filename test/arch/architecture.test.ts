// The architecture check fails on each import the layering forbids, and
// passes the same files without it (npm run arch runs it over src in CI).
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: 'eslint.arch.config.js' });

async function problems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${root}/${file}` });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('npm run arch', () => {
  it.each([
    ['src/core/shell/x.ts', "import { render } from 'ink';", 'src/core holds the logic'],
    ['src/core/shell/x.ts', "import React from 'react';", 'src/core holds the logic'],
    ['src/core/shell/x.ts', "import { App } from '../../ui/app/App.js';", 'src/core holds the logic'],
    ['src/core/x.ts', "import { main } from '../cli/main.js';", 'src/core holds the logic'],
    ['src/sim/routes/x.ts', "import { UserError } from '../../core/errors.js';", 'src/sim imports nothing outside itself'],
    ['src/sim/x.ts', "import { version } from '../version.js';", 'src/sim imports nothing outside itself'],
    ['src/ui/app/x.ts', "import type { ConnectionFlags } from '../../cli/commonOptions.js';", 'src/ui never imports cli'],
  ])('refuses in %s: %s', async (file, source, message) => {
    expect((await problems(file, source)).join('\n')).toContain(message);
  });

  it.each([
    ['src/core/shell/x.ts', "import { readFileSync } from 'node:fs';\nimport { UserError } from '../errors.js';"],
    ['src/sim/routes/x.ts', "import { route } from '../route.js';"],
    ['src/ui/app/x.ts', "import { Box } from 'ink';\nimport { openWorkspace } from '../../core/shell/workspace.js';"],
  ])('allows in %s: %s', async (file, source) => {
    expect(await problems(file, source)).toEqual([]);
  });
});
