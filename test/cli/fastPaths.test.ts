// The start-up fast paths answer as the commander tree would, so they cannot
// drift from it: `--version` in bin/talon before any bundle loads, shell completion from
// the generated tree (data/commandTree.ts), a one-shot command with only its
// own subcommand registered (program.ts) or from the one-shot bundle
// (oneShot.ts), and path completion from the scope index's paths alone.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandSpecOf } from '../../src/cli/commandSpec.js';
import { COMMAND_TREE } from '../../src/cli/data/commandTree.js';
import { buildProgram } from '../../src/cli/program.js';
import { ONE_SHOT_COMMANDS, oneShotProgram } from '../../src/cli/oneShot.js';
import { ONE_SHOT_NAMES } from '../../src/cli/oneShotNames.js';
import { bundledOperationNames, bundledPaths } from '../../src/core/catalog/bundledNames.js';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BIN, runTalon } from '../helpers/talonBinary.js';

/** Every command under `cmd` with its help text, by path (`saved show`). */
function helpTexts(cmd: Command, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const sub of cmd.commands) {
    const name = path ? `${path} ${sub.name()}` : sub.name();
    out.set(name, sub.helpInformation());
    for (const [k, v] of helpTexts(sub, name)) out.set(k, v);
  }
  return out;
}

const full = buildProgram();
const topNames = full.commands.map((c) => c.name());

describe('the generated command tree', () => {
  it('is the commander tree: names, aliases, hidden commands, flags, which take values, and choices (npm run build regenerates it)', () => {
    expect(COMMAND_TREE).toEqual(commandSpecOf(full));
  });
});

describe('a program with only the subcommand being run', () => {
  it.each(topNames)('talon %s: the same command, help and flags as in the whole tree', (name) => {
    const own = buildProgram(name);
    expect(own.commands.map((c) => c.name())).toContain(name);
    const allHelp = helpTexts(full);
    for (const [path, help] of helpTexts(own)) expect(help).toBe(allHelp.get(path));
    expect(commandSpecOf(own.commands.find((c) => c.name() === name) as Command)).toEqual(commandSpecOf(full.commands.find((c) => c.name() === name) as Command));
    expect(commandSpecOf(own).options).toEqual(commandSpecOf(full).options);
  });

  it('registers everything for what is not a subcommand (help, flags, typos)', () => {
    for (const first of [undefined, 'help', '--demo', 'reqest']) expect(buildProgram(first).commands.map((c) => c.name())).toEqual(topNames);
  });
});

describe('the one-shot bundle', () => {
  it('registers the commands main.ts sends to it', () => {
    expect(new Set(Object.keys(ONE_SHOT_COMMANDS))).toEqual(ONE_SHOT_NAMES);
  });

  it('bin/talon sends exactly those commands to it', () => {
    const list = /const ONE_SHOT = (\[[^\]]*\]);/.exec(readFileSync(BIN, 'utf8'))?.[1] ?? '';
    expect(new Set(JSON.parse(list.replaceAll("'", '"')))).toEqual(ONE_SHOT_NAMES);
  });

  it('runs as bin/talon runs it and through dist/talon.js alike', async () => {
    for (const entry of [BIN, fileURLToPath(new URL('../../dist/talon.js', import.meta.url))]) {
      const r = spawnSync(process.execPath, [entry, 'request', '--help'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Usage: talon request \[options\]/);
    }
  });

  it.each([...ONE_SHOT_NAMES])('talon %s: the same root settings, command, help and flags as the whole tree', (name) => {
    const one = oneShotProgram(name);
    expect(one.commands.map((c) => c.name())).toEqual([name]);
    expect(helpTexts(one).get(name)).toBe(helpTexts(full).get(name));
    expect(commandSpecOf(one.commands[0] as Command)).toEqual(commandSpecOf(full.commands.find((c) => c.name() === name) as Command));
    expect(commandSpecOf(one).options).toEqual(commandSpecOf(full).options);
    expect(one.name()).toBe(full.name());
    expect(one.version()).toBe(full.version());
  });
});

describe('talon --version in bin/talon', () => {
  it('prints what commander prints (--demo --version goes through commander), with exit 0', async () => {
    const viaCommander = await runTalon(['--demo', '--version']);
    expect(viaCommander).toMatchObject({ code: 0, stderr: '' });
    expect(viaCommander.stdout).toBe(`${full.version()}\n`);
    for (const flag of ['--version', '-V']) expect(await runTalon([flag])).toEqual({ code: 0, stdout: viaCommander.stdout, stderr: '' });
  });
});

describe('path completion from the scope index', () => {
  it('reads the same paths, in the same order, as the decoded names', () => {
    expect(bundledPaths().operations.map((o) => o.path)).toEqual(bundledOperationNames().operations.map((o) => o.path));
  });
});
