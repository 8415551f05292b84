// The built CLI reads the bundled catalog from dist/catalog (scripts/catalogText.mjs):
// the files must hold exactly the generated catalog, and every bundle must find
// them wherever talon is installed.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG_JSON, BUNDLED_MODELS_JSON } from '../../src/core/catalog/data/bundledCatalog.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(root, 'dist/catalog/bundledCatalog.json'));

describe.skipIf(!built)('the built catalog files', () => {
  let install: string;
  beforeAll(() => {
    // An installation under a folder called `chunks`, as the shell's code chunks' folder is.
    install = join(mkdtempSync(join(tmpdir(), 'talon-install-')), 'chunks', 'talon');
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(install, part), { recursive: true });
  });
  afterAll(() => rmSync(join(install, '..', '..'), { recursive: true, force: true }));

  const talon = (...args: string[]) =>
    spawnSync(process.execPath, [join(install, 'bin/talon'), ...args], { encoding: 'utf8', env: { ...process.env, TALON_HOME: join(install, 'home'), NO_COLOR: '1' } });

  it('hold the generated catalog and its models, byte for byte, with the notice', () => {
    expect(readFileSync(join(root, 'dist/catalog/bundledCatalog.json'), 'utf8')).toBe(BUNDLED_CATALOG_JSON);
    expect(readFileSync(join(root, 'dist/catalog/bundledModels.json'), 'utf8')).toBe(BUNDLED_MODELS_JSON);
    expect(readFileSync(join(root, 'dist/catalog/NOTICE.txt'), 'utf8')).toContain('Copyright (c) 2022 CrowdStrike, Inc.');
  });

  it('are found by the main bundle wherever talon is installed: describe, with a body skeleton from the models', () => {
    const r = talon('describe', 'performActionV2');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('POST /devices/entities/devices-actions/v2');
    expect(r.stdout).toContain('action_name');
    expect(r.stdout).toContain('ids');
  });

  it('are found by the search: talon endpoints', () => {
    const r = talon('endpoints', 'contain', '--json');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { path: string }[]).map((o) => o.path)).toContain('/devices/entities/devices-actions/v2');
  });
});
