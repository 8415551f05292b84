// Copy in a real terminal: the built binary in tmux with set-clipboard on,
// `y` on a host id, and the id read back from tmux's paste buffer (tmux
// takes talon's OSC 52 sequence as a copy); then the request as curl
// (Ctrl+W, Enter) read back the same way.
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { describeInTmux } from '../helpers/tmuxSuite.js';

describeInTmux('copy to the clipboard in tmux', (e2e) => {
  it('y on a host id puts exactly that id in tmux’s buffer, Ctrl+W Enter the request as curl', async () => {
    const { term } = await e2e.shell();
    const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
    tmux('set-option', '-s', 'set-clipboard', 'on');
    const buffers = () => tmux('list-buffers', '-F', '#{buffer_name}').split('\n').filter(Boolean);
    /**
     * The text of a tmux buffer not in `seen` that `wanted` accepts, waiting up to 5 s for one (the
     * tmux server may be shared with other sessions' copies, so a new buffer alone proves nothing).
     */
    const newBuffer = async (seen: readonly string[], wanted: (text: string) => boolean): Promise<string> => {
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline) {
        for (const name of buffers().filter((n) => !seen.includes(n))) {
          const text = tmux('show-buffer', '-b', name);
          if (wanted(text)) return text;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return '';
    };
    const before = buffers();
    term.type('/devices/queries/devices/v1');
    await term.waitFor((s) => s.includes('Search for hosts'), 10_000, 'the completion');
    term.keys('Enter');
    await term.waitFor((s) => s.includes('› Parameters'), 10_000, 'the parameters pane');
    term.keys('C-s');
    await term.waitFor((s) => /\b200\b/.test(s) && s.includes('"resources"'), 15_000, 'the answer');
    // Search puts the cursor on "resources"; the next line is the first id.
    term.type('/');
    term.type('"resources"');
    term.keys('Enter');
    await term.waitFor((s) => s.includes('/"resources": 1 of 1'), 5_000, 'the search');
    term.type('j');
    term.type('y');
    const screen = await term.waitFor((s) => s.includes('to the clipboard'), 5_000, 'the copy message');
    const copied = await newBuffer(before, (text) => screen.includes(text) && e2e.sim.tenant.hosts.has(text));
    expect(e2e.sim.tenant.hosts.has(copied)).toBe(true);
    expect(screen).toContain(copied);

    // Ctrl+W, Enter: the request as curl lands in the same buffer list, with
    // $FALCON_TOKEN in place of the token.
    const afterId = buffers();
    term.keys('C-w');
    await term.waitFor((s) => s.includes('The request as code'), 5_000, 'the request-as-code dialog');
    term.keys('Enter');
    await term.waitFor((s) => s.includes('Copied the request as curl'), 5_000, 'the copy message');
    const curl = await newBuffer(afterId, (text) => text.startsWith('curl '));
    expect(curl).toContain('Authorization: Bearer $FALCON_TOKEN');
    expect(curl).toContain('/devices/queries/devices/v1');
    term.keys('C-c');
  });
});
