// Files that cannot be turned against the user: tenant data is created 0600,
// exclusively (never through a planted link, never over a file), and a state
// directory others could tamper with is refused with a sentence.
import { describe, expect, it } from 'vitest';
import { chmodSync, chownSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, writeNewPrivateFile, writeUniquePrivateFile } from '../../../src/core/config/secureFile.js';
import { writeResponseFile } from '../../../src/core/jsonView/writeResponseFile.js';
import { tempHome } from '../../helpers/tempHome.js';

const mode = (p: string): number => statSync(p).mode & 0o777;

describe('new private files', () => {
  it('are created 0600 and never overwrite: an existing name is a sentence', () => {
    const { home } = tempHome();
    const file = join(home, 'out.json');
    writeNewPrivateFile(file, '{"a":1}\n');
    expect(mode(file)).toBe(0o600);
    expect(() => writeNewPrivateFile(file, 'other')).toThrow(`The file ${file} already exists: choose another name (talon does not overwrite files).`);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n');
  });

  it('never write through a symlink planted at the name', async () => {
    const { home } = tempHome();
    const victim = join(home, 'victim');
    writeFileSync(victim, 'precious');
    const link = join(home, 'talon-response-x.json');
    symlinkSync(victim, link);
    const res = { status: 200, headers: {}, body: { kind: 'json', value: { resources: ['host'] } } } as never;
    await expect(writeResponseFile(res, link)).rejects.toThrow(/already exists/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('an export takes the next free name instead of overwriting', () => {
    const { home } = tempHome();
    const a = writeUniquePrivateFile(home, 'talon-hash-search-abc', 'csv', 'one');
    const b = writeUniquePrivateFile(home, 'talon-hash-search-abc', 'csv', 'two');
    expect(a).toBe(join(home, 'talon-hash-search-abc.csv'));
    expect(b).toBe(join(home, 'talon-hash-search-abc-2.csv'));
    expect([readFileSync(a, 'utf8'), readFileSync(b, 'utf8'), mode(b)]).toEqual(['one', 'two', 0o600]);
  });
});

describe('state directories', () => {
  it('are created 0700, and a merely readable one is tightened', () => {
    const { home } = tempHome();
    const dir = join(home, 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    ensurePrivateDir(dir);
    expect(mode(dir)).toBe(0o700);
  });

  it('one that group or others may write is refused with a sentence', () => {
    const { home } = tempHome();
    const dir = join(home, 'data');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    expect(() => ensurePrivateDir(dir)).toThrow(`talon refuses the state directory ${dir}: group or others may write it (mode 777), so others could change what talon reads and writes there. Run chmod 700 '${dir}' or use another directory.`);
  });

  it.runIf(process.getuid?.() === 0)('one owned by another user is refused', () => {
    const { home } = tempHome();
    const dir = join(home, 'data');
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, 4242, 4242);
    expect(() => ensurePrivateDir(dir)).toThrow(/belongs to another user \(uid 4242\)/);
  });

  it('a TALON_HOME that is a file is a sentence', () => {
    const { home } = tempHome();
    const file = join(home, 'home-file');
    writeFileSync(file, '');
    expect(() => ensurePrivateDir(join(file, 'data'))).toThrow(/is a file, not a directory/);
  });
});
