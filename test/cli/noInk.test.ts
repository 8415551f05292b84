// One-shot commands must start fast: they never load Ink or React, which
// only the interactive shell needs (bundled into a chunk of its own), nor
// undici or zod (README, Development: one-shot commands use node:http, and
// files are validated with valibot).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BIN } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';

const REGISTER = fileURLToPath(new URL('../fixtures/loadLogger/register.mjs', import.meta.url));

function loadedModules(args: string[]): string[] {
  const { env } = tempHome({ FALCON_BASE_URL: 'http://127.0.0.1:9', FALCON_CLIENT_ID: 'a', FALCON_CLIENT_SECRET: 'b' });
  const r = spawnSync(process.execPath, ['--import', REGISTER, BIN, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });
  return r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => fileURLToPath(l.slice('LOADED '.length)));
}

describe('one-shot commands', () => {
  for (const args of [['request', '/devices/queries/devices/v1', '--timeout', '1'], ['endpoints', 'contain', '--limit', '1'], ['history'], ['vulns', '--preset', 'kev', '--timeout', '1'], ['vulns', 'tickets', '--group-by', 'cve', '--timeout', '1'], ['report', 'fleet', '--timeout', '1']]) {
    it(`talon ${args[0]} loads neither Ink nor React`, () => {
      const modules = loadedModules(args);
      expect(modules.length).toBeGreaterThan(0);
      for (const file of modules) expect(readFileSync(file, 'utf8')).not.toContain('react-reconciler');
    });
  }

  it('talon --version loads no bundle at all: bin/talon answers it', () => {
    expect(loadedModules(['--version'])).toEqual([]);
  });

  for (const args of [['request', '/devices/queries/devices/v1', '--timeout', '1'], ['replay', 'nothing-saved'], ['hash-search', 'example.com', '--timeout', '1']]) {
    it(`talon ${args[0]} loads under 600 KB of JavaScript: the catalog's scope index, not the catalog; no undici, no zod`, () => {
      const modules = loadedModules(args);
      expect(modules.length).toBeGreaterThan(0);
      expect(modules.filter((m) => m.includes('bundledCatalog'))).toEqual([]);
      const texts = modules.map((file) => readFileSync(file, 'utf8'));
      const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
      expect(bytes).toBeLessThan(600_000);
      for (const text of texts) {
        expect(text).not.toContain('llhttp');
        expect(text).not.toContain('Search for hosts in your environment'); // the whole catalog's descriptions: only describe, hints and the shell need it
        expect(text).not.toContain('$ZodType'); // zod (talon validates with valibot; zod is a test-only dependency)
      }
    });
  }
});
