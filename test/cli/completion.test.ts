// `talon completion bash|zsh`, driven by the shells themselves: bash calls the
// script's function as complete -F would (COMP_WORDS/COMP_CWORD), zsh loads it
// with compinit and calls it as the completion system does (words/CURRENT),
// with compadd recording what it is given. Both run the real binary through
// `talon` on PATH, against a TALON_HOME with profiles and saved requests.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runTalon } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';

function has(shell: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
}

/** A TALON_HOME with two profiles and two saved requests, and a `talon` on PATH. */
function setup(): { env: NodeJS.ProcessEnv; dir: string } {
  const { home, env } = tempHome();
  mkdirSync(join(home, 'config', 'collection'), { recursive: true });
  writeFileSync(join(home, 'config', 'config.json'), JSON.stringify({ profiles: { prod: { cloud: 'us-1', clientId: 'x' }, lab: { cloud: 'eu-1', clientId: 'y' } } }));
  for (const name of ['all-hosts', 'contain-host']) {
    writeFileSync(join(home, 'config', 'collection', `${name}.json`), JSON.stringify({ method: 'GET', path: '/devices/queries/devices/v1' }));
  }
  const bin = join(home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'talon'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'talon'), 0o755);
  return { env: { ...env, PATH: `${bin}:${process.env.PATH ?? ''}` }, dir: home };
}

/** Completes the last of `words` in bash, as `complete -F _talon talon` would. */
function bashComplete(script: string, env: NodeJS.ProcessEnv, words: string[]): { candidates: string[]; nospace: boolean } {
  const program = `${script}
COMP_WORDS=(talon ${words.map((w) => `'${w}'`).join(' ')})
COMP_CWORD=${words.length}
# Outside a real completion compopt cannot run: record what the script asks of it.
compopt() { [[ $1 == -o && $2 == nospace ]] && echo '<nospace>' >"$NOSPACE_FILE"; return 0; }
rm -f "$NOSPACE_FILE"
_talon
printf '%s\\n' "\${COMPREPLY[@]}"
cat "$NOSPACE_FILE" 2>/dev/null
true`;
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', program], { env: { ...env, NOSPACE_FILE: join(String(env.TALON_HOME), 'nospace') }, encoding: 'utf8' });
  const lines = out.split('\n').filter(Boolean);
  return { candidates: lines.filter((l) => l !== '<nospace>'), nospace: lines.includes('<nospace>') };
}

/**
 * Completes the last word of each of `cases` in one zsh: compinit, the script
 * sourced, then _talon called with words/CURRENT set as the completion system sets them.
 */
function zshComplete(script: string, env: NodeJS.ProcessEnv, cases: string[][], dir: string): Array<{ candidates: string[]; noSuffix: string[]; registered: boolean }> {
  const file = join(dir, 'talon.zsh');
  writeFileSync(file, script);
  const calls = cases
    .map((words) => `print -r -- '=== case'\nwords=(talon ${words.map((w) => `'${w}'`).join(' ')})\nCURRENT=${words.length + 1}\n_talon\nprint -r -- "R:$registered"`)
    .join('\n');
  const program = `autoload -Uz compinit && compinit -u -D
source ${file}
registered=\${_comps[talon]}
compadd() {
  local nosuffix=0 a
  local -a args; args=("$@")
  while (( \${#args} )); do a=\${args[1]}; shift args; [[ $a == -- ]] && break; [[ $a == -S ]] && { nosuffix=1; shift args; }; done
  for a in "\${args[@]}"; do if (( nosuffix )); then print -r -- "S:$a"; else print -r -- "C:$a"; fi; done
}
_files() { print -r -- 'F:' }
${calls}`;
  const out = execFileSync('zsh', ['-f', '-c', program], { env, encoding: 'utf8' });
  return out
    .split('=== case\n')
    .slice(1)
    .map((block) => {
      const lines = block.split('\n').filter(Boolean);
      return {
        candidates: lines.filter((l) => l.startsWith('C:') || l.startsWith('S:')).map((l) => l.slice(2)),
        noSuffix: lines.filter((l) => l.startsWith('S:')).map((l) => l.slice(2)),
        registered: lines.includes('R:_talon'),
      };
    });
}

const CASES: Array<{ what: string; words: string[]; expect: (c: string[]) => void }> = [
  { what: 'subcommands', words: ['re'], expect: (c) => expect(c).toEqual(['request', 'replay', 'report']) },
  { what: 'nested subcommands', words: ['catalog', ''], expect: (c) => expect(c).toEqual(['import', 'reset', 'info']) },
  { what: 'flags of a subcommand', words: ['request', '--max'], expect: (c) => expect(c).toEqual(['--max-items']) },
  { what: 'flag values', words: ['request', '-o', 'n'], expect: (c) => expect(c).toEqual(['ndjson']) },
  { what: 'profile names after --profile', words: ['request', '--profile', ''], expect: (c) => expect(c).toEqual(['lab', 'prod']) },
  { what: 'profile names as an argument', words: ['profile', 'use', 'p'], expect: (c) => expect(c).toEqual(['prod']) },
  { what: 'saved request names', words: ['replay', ''], expect: (c) => expect(c).toEqual(['all-hosts', 'contain-host']) },
  { what: 'the first path segment', words: ['request', '/dev'], expect: (c) => expect(c).toEqual(['/device-content/', '/devices/']) },
  { what: 'the next path segment', words: ['request', '/devices/en'], expect: (c) => expect(c).toEqual(['/devices/entities/']) },
  {
    what: 'a path that ends, and one that goes on',
    words: ['request', '/devices/entities/devices'],
    expect: (c) => expect(c).toEqual(expect.arrayContaining(['/devices/entities/devices/', '/devices/entities/devices-actions/'])),
  },
  { what: 'operation ids, the published ones included', words: ['describe', 'indicator.se'], expect: (c) => expect(c).toEqual(['indicator.search.v1']) },
  { what: 'operation ids by talon name', words: ['describe', 'queryDevicesByF'], expect: (c) => expect(c).toEqual(['queryDevicesByFilter', 'queryDevicesByFilterScroll']) },
  { what: 'operation ids in another case when none matches as typed', words: ['describe', 'querydevicesbyfilters'], expect: (c) => expect(c).toEqual(['QueryDevicesByFilterScroll', 'queryDevicesByFilterScroll']) },
  { what: 'a path after a method', words: ['describe', 'GET', '/alerts/queries/'], expect: (c) => expect(c).toEqual(['/alerts/queries/alerts/']) },
];

describe.skipIf(!has('bash'))('bash completion', () => {
  it('prints a script that bash accepts', async () => {
    const r = await runTalon(['completion', 'bash']);
    expect(r.code).toBe(0);
    expect(spawnSync('bash', ['-n'], { input: r.stdout }).status).toBe(0);
  });

  it('completes subcommands, flags, profiles, saved requests, paths segment by segment and operation ids', async () => {
    const { env } = setup();
    const script = (await runTalon(['completion', 'bash'])).stdout;
    for (const c of CASES) {
      const { candidates } = bashComplete(script, env, c.words);
      c.expect(candidates);
    }
    expect(bashComplete(script, env, ['request', '/devices/en']).nospace).toBe(true);
    expect(bashComplete(script, env, ['re']).nospace).toBe(false);
  }, 60_000);
});

describe.skipIf(!has('zsh'))('zsh completion', () => {
  it('registers with compinit and completes what bash completes; a segment with more below takes no suffix', async () => {
    const { env, dir } = setup();
    const script = (await runTalon(['completion', 'zsh'])).stdout;
    const results = zshComplete(script, env, [...CASES.map((c) => c.words), ['request', '/devices/en']], dir);
    expect(results).toHaveLength(CASES.length + 1);
    CASES.forEach((c, i) => {
      expect(results[i]?.registered).toBe(true);
      c.expect(results[i]?.candidates ?? []);
    });
    expect(results[CASES.length]?.noSuffix).toEqual(['/devices/entities/']);
  }, 60_000);
});

describe('talon completion', () => {
  it('prints a fish script, and refuses a shell it has no script for', async () => {
    expect((await runTalon(['completion', 'fish'])).stdout).toContain("complete -c talon -f -a '(__talon_complete)'");
    const r = await runTalon(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("talon: There is no completion for 'tcsh': use one of bash, zsh, fish.\n");
  });

  it('__complete keeps quiet rather than fail: unknown words give nothing, exit 0', async () => {
    const { env } = setup();
    const r = await runTalon(['__complete', 'nosuch', '--profile', 'ghost', ''], { env });
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
