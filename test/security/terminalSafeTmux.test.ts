// End to end in a real terminal (tmux): talon request writes a hostile API's
// text body (--output raw), JSON and an error to the terminal itself. The
// window title stays, the screen is not cleared, and the sequences are on
// screen as escaped text.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { BIN } from '../helpers/talonBinary.js';
import { startTmux, tmuxAvailable } from '../helpers/tmux.js';
import { tempHome } from '../helpers/tempHome.js';
import { CLIENT, startControlSequenceServer, type HostileServer } from '../helpers/hostile/controlSequenceServer.js';

let server: HostileServer;
beforeAll(async () => {
  server = await startControlSequenceServer();
});
afterAll(() => server.close());

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

it.skipIf(!tmuxAvailable())('a terminal running talon request keeps its title and screen', async () => {
  const { env } = tempHome({ FALCON_BASE_URL: server.url, FALCON_CLIENT_ID: CLIENT.id, FALCON_CLIENT_SECRET: CLIENT.secret, NO_COLOR: '1' });
  const talon = `${quote(process.execPath)} ${quote(BIN)}`;
  const script = [
    'echo FIRST-LINE',
    `${talon} request /hostile/text --output raw`,
    `${talon} request /devices/queries/devices/v1`,
    `${talon} request /hostile/forbidden`,
    'echo ALL-DONE',
    'sleep 30',
  ].join('; ');
  const session = startTmux(['/bin/sh', '-c', script], env as Record<string, string>, { columns: 200, rows: 60 });
  try {
    const screen = await session.waitFor((s) => s.includes('ALL-DONE'), 15_000, 'the commands to finish');
    // A raw CSI 2J would have cleared this line away.
    expect(screen).toContain('FIRST-LINE');
    expect(screen).toContain('plain text \\x1b]0;PWNED-TITLE\\x07\\x1b]52;c;cGF3bmVk\\x1b\\');
    expect(screen).toContain('"powered_by": "powered-\\u001b]0;PWNED-TITLE\\u0007');
    expect(screen).toContain('API: 403 access denied \\x1b]0;PWNED-TITLE\\x07');
    const title = execFileSync('tmux', ['display-message', '-p', '-t', session.name, '#{pane_title}'], { encoding: 'utf8' });
    expect(title).not.toContain('PWNED');
    expect(title).not.toContain('C1TITLE');
  } finally {
    session.kill();
  }
});
