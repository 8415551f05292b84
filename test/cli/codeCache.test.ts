// bin/codeCache.js: the code cache that loads the CommonJS bundles on every
// Node. Each case runs a fresh node (the cache is written at exit) on a
// small bundle that requires a file beside it, as the one-shot bundle does.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTalon } from '../helpers/talonBinary.js';

const CODE_CACHE = fileURLToPath(new URL('../../bin/codeCache.js', import.meta.url));
const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';

let dir: string;
let root: string;
let bundle: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'talon-codecache-'));
  root = join(dir, 'cache');
  bundle = join(dir, 'bundle.cjs');
  writeFileSync(join(dir, 'beside.cjs'), 'exports.word = "beside";\n');
  writeFileSync(bundle, 'const { word } = require("./beside.cjs");\nexports.main = () => `${word} ${require("node:path").basename(__filename)} ${module.exports === exports}`;\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Loads the bundle through the cache in a new node and prints what its main() returns. */
function load(env: NodeJS.ProcessEnv = {}, use = ''): string {
  const script = `const c = require(${JSON.stringify(CODE_CACHE)}); process.stdout.write(c.requireWithCodeCache(${JSON.stringify(bundle)}, c.codeCacheFolder(${JSON.stringify(root)}), ${JSON.stringify(use)}).main())`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '', ...env } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

const folder = (): string => join(root, `talon-v8-${uid}`);
const caches = (): string[] => readdirSync(folder()).filter((n) => n.endsWith('.bin'));

describe('loading a bundle through the code cache', () => {
  it('runs the bundle as require would, and leaves a cache only its user can read or change', () => {
    expect(load()).toBe('beside bundle.cjs true');
    expect(caches()).toHaveLength(1);
    expect(statSync(folder()).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder(), caches()[0]!)).mode & 0o777).toBe(0o600);
  });

  it('uses the cache on the next run instead of writing it again', () => {
    load();
    const file = join(folder(), caches()[0]!);
    const before = statSync(file);
    expect(load()).toBe('beside bundle.cjs true');
    const after = statSync(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('compiles as usual over a broken cache and replaces it', () => {
    load();
    const file = join(folder(), caches()[0]!);
    writeFileSync(file, 'not a code cache');
    expect(load()).toBe('beside bundle.cjs true');
    expect(statSync(file).size).toBeGreaterThan('not a code cache'.length);
  });

  it('keeps one cache per bundle: a rebuilt bundle replaces the cache of the old one', () => {
    load();
    const old = caches();
    utimesSync(bundle, new Date(), new Date(Date.now() + 60_000));
    expect(load()).toBe('beside bundle.cjs true');
    expect(caches()).toHaveLength(1);
    expect(caches()).not.toEqual(old);
  });

  it('is written by a run that succeeds, not by one that fails (which compiled little of what later runs need)', () => {
    writeFileSync(bundle, 'exports.main = () => { if (process.env.FAIL) process.exitCode = 1; return "ran"; };\n');
    const run = (fail: boolean) => spawnSync(process.execPath, ['-e', `const c = require(${JSON.stringify(CODE_CACHE)}); process.stdout.write(c.requireWithCodeCache(${JSON.stringify(bundle)}, c.codeCacheFolder(${JSON.stringify(root)})).main())`], { encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '', FAIL: fail ? '1' : '' } });
    expect(run(true)).toMatchObject({ status: 1, stdout: 'ran' });
    expect(caches()).toEqual([]);
    expect(run(false)).toMatchObject({ status: 0, stdout: 'ran' });
    expect(caches()).toHaveLength(1);
  });

  it('keeps one cache per use of a bundle (a command of several): each holds what its own first run compiled', () => {
    load({}, 'request');
    load({}, 'hash-search');
    expect(caches().map((n) => n.split('-').slice(0, 2).join('-')).sort()).toEqual(['bundle.cjs-hash', 'bundle.cjs-request']);
    const before = caches().map((n) => statSync(join(folder(), n)).mtimeMs);
    expect(load({}, 'request')).toBe('beside bundle.cjs true');
    expect(caches().map((n) => statSync(join(folder(), n)).mtimeMs)).toEqual(before);
  });

  it('keeps apart the caches of two installations of the same bundle (a global one and a project’s)', () => {
    load();
    const first = caches();
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'beside.cjs'), 'exports.word = "other";\n');
    copyFileSync(bundle, join(other, 'bundle.cjs'));
    bundle = join(other, 'bundle.cjs');
    expect(load()).toBe('other bundle.cjs true');
    expect(caches()).toHaveLength(2);
    expect(caches()).toEqual(expect.arrayContaining(first));
  });

  it('reads no code from a folder others can write to, and still runs', () => {
    load();
    chmodSync(folder(), 0o777);
    const file = join(folder(), caches()[0]!);
    writeFileSync(file, 'planted');
    expect(load()).toBe('beside bundle.cjs true');
    expect(readdirSync(folder())).toEqual([caches()[0]]);
    expect(statSync(file).size).toBe('planted'.length);
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE=1, as Node’s own cache is', () => {
    expect(load({ NODE_DISABLE_COMPILE_CACHE: '1' })).toBe('beside bundle.cjs true');
    expect(() => readdirSync(folder())).toThrow();
  });
});

describe('bin/talon', () => {
  // The OS temporary folder (TMPDIR) is where the caches go unless NODE_COMPILE_CACHE says (on Node 22 Node's own cache then goes there too).
  const env = (): NodeJS.ProcessEnv => ({ TALON_HOME: join(dir, 'home'), TMPDIR: root });
  const oneShotAndCompletion = async (): Promise<void> => {
    const complete = await runTalon(['__complete', 'request', '/devices/queries/'], { env: env() });
    expect(complete.stdout.split('\n')).toContain('/devices/queries/devices/');
    // A failing call writes no cache; the next one that succeeds does.
    const replay = await runTalon(['replay', 'nothing-saved'], { env: env() });
    expect(replay.stderr).toContain('nothing-saved');
    expect(existsSync(folder()) ? caches().filter((n) => n.startsWith('oneshot.cjs-')) : []).toEqual([]);
    const help = await runTalon(['replay', '--help'], { env: env() });
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: talon replay') });
  };

  // On every Node, including those with a compile cache of their own (22.1 on), which keeps only the top level.
  it('loads the one-shot and completion bundles through bin/codeCache.js, in talon-v8-UID in the OS temporary folder', async () => {
    await oneShotAndCompletion();
    expect(statSync(folder()).mode & 0o777).toBe(0o700);
    expect(caches().map((n) => n.split('-')[0]).sort()).toEqual(['complete.cjs', 'oneshot.cjs']);
    expect(caches().find((n) => n.startsWith('oneshot.cjs-'))).toMatch(/^oneshot\.cjs-replay-/);
  });

  it('caches nothing in a folder others can write to (code would be read from it), and still runs', async () => {
    mkdirSync(folder(), { recursive: true });
    chmodSync(folder(), 0o777);
    await oneShotAndCompletion();
    expect(readdirSync(root)).toEqual([`talon-v8-${uid}`]);
    expect(readdirSync(folder())).toEqual([]);
  });
});
