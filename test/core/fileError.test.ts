// Failed reads and writes of user-named files become one sentence each.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveRequest } from '../../src/core/saved/collection.js';
import { savedFromRequest } from '../../src/core/saved/savedRequest.js';
import { writeFileAtomic } from '../../src/core/config/secureFile.js';
import { fileError } from '../../src/core/fileError.js';

describe('file errors', () => {
  it('a collection folder that is a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-fe-'));
    const notDir = join(dir, 'afile');
    writeFileSync(notDir, 'x');
    const saved = savedFromRequest('find', { method: 'GET', path: '/devices/queries/devices/v1' });
    expect(() => saveRequest(notDir, saved)).toThrow(`${notDir} is a file, not a directory`);
  });

  it('reading a directory, and a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-fe-'));
    const read = (path: string): Error => {
      try {
        writeFileAtomic(join(path, 'sub', 'x'), '');
      } catch (e) {
        return fileError(e, `the file '${path}'`, 'read');
      }
      return new Error('no error');
    };
    writeFileSync(join(dir, 'f'), '');
    expect(read(join(dir, 'f')).message).toMatch(/^Cannot read the file '.*f': /);
    expect(fileError(Object.assign(new Error('x'), { code: 'ENOENT' }), "the targets file 'a'", 'read').message).toBe("The targets file 'a' does not exist.");
    expect(fileError(Object.assign(new Error('x'), { code: 'EISDIR' }), "the targets file 'a'", 'read').message).toBe(
      "Cannot read the targets file 'a': it is a directory; give a file name.",
    );
  });
});
