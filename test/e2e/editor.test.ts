// $EDITOR from the shell in a real terminal (tmux): the body goes to an editor
// script (sed), comes back checked, and the shell is drawn whole again.
import { expect, it } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempHome } from '../helpers/tempHome.js';
import { describeInTmux } from '../helpers/tmuxSuite.js';
import { openHistoryStore } from '../../src/core/history/historyStore.js';
import { readHistory } from '../../src/core/history/historyReader.js';

describeInTmux('$EDITOR in tmux', (e2e) => {
  it('round-trips the body through an editor script and sends what it wrote', async () => {
    const { home, env } = tempHome();
    const editor = join(home, 'edit.sh');
    // The "editor": fills the ids of the skeleton, then breaks nothing else.
    writeFileSync(editor, `#!/bin/sh\nsed -i 's/"ids": \\[/"ids": [ "abc123",/; s/"abc123",\\n *""/"abc123"/' "$1"\nsed -i -z 's/"abc123",\\n *""/"abc123"/' "$1"\n`);
    chmodSync(editor, 0o700);
    const { term } = await e2e.shell({ home, env: { EDITOR: editor } });
    term.type('/devices/entities/devices/v2');
    await term.waitFor((s) => s.includes('POST   /devices/entities/devices/v2'), 5000, 'the completion');
    term.keys('Down');
    await term.waitFor((s) => s.includes('▸ POST   /devices/entities/devices/v2'), 5000, 'the POST highlighted');
    term.keys('Enter');
    await term.waitFor((s) => s.includes('› Body'), 5000, 'the body');
    term.keys('F4');
    const back = await term.waitFor((s) => s.includes('Read back from the editor: JSON ok.'), 10_000, 'the body read back');
    expect(back).toContain('"abc123"');
    // Drawn whole again: the status bar and the footer are back.
    expect(back).toContain('token');
    expect(back).toContain('Ctrl+S send');
    term.keys('C-s');
    await term.waitFor(() => readHistory(openHistoryStore(env)).entries.length === 1, 10_000, 'the request sent');
    const entry = readHistory(openHistoryStore(env)).entries[0];
    expect(entry?.path).toBe('/devices/entities/devices/v2');
    expect(JSON.stringify(entry)).toContain('abc123');
    term.keys('C-c');
  });
});
