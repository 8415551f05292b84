import { describe, expect, it } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyEditProblem, editText, editorCommand } from '../../../src/core/editor/externalEditor.js';
import { tempHome } from '../../helpers/tempHome.js';

function script(body: string): string {
  const { home } = tempHome();
  const file = join(home, 'ed.sh');
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o700);
  return file;
}

describe('the external editor', () => {
  it('prefers $VISUAL, then $EDITOR, then vi', () => {
    expect(editorCommand({ VISUAL: 'code --wait', EDITOR: 'nano' })).toBe('code --wait');
    expect(editorCommand({ EDITOR: 'nano' })).toBe('nano');
    expect(editorCommand({})).toBe('vi');
  });

  it('gives back what the editor saved, from a private file', () => {
    const ed = script(`[ "$(stat -c %a "$1")" = 600 ] || exit 9\nsed -i 's/1/2/' "$1"`);
    expect(editText('{"a": 1}', { env: { EDITOR: ed }, suffix: '.json' })).toEqual({ ok: true, text: '{"a": 2}' });
  });

  it('says so when the editor fails, and leaves the text alone', () => {
    const ed = script('exit 3');
    expect(editText('x', { env: { EDITOR: ed } })).toEqual({ ok: false, message: `The editor "${ed}" exited with status 3: the text is left as it was.` });
  });

  it('names the line and column of a JSON problem in one sentence', () => {
    expect(bodyEditProblem('{\n  "a": 1,\n}')).toMatch(/^The body is not valid JSON at line 3, column 1: .+; it is kept as edited for you to fix\.$/);
    expect(bodyEditProblem('{"a": 1}')).toBeUndefined();
  });
});
