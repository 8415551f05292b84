// The command line's confirmation on a real terminal: a write shows the
// whole request (method, URL with its query, body) and asks y/N; n sends
// nothing, y sends it.
import { expect, it } from 'vitest';
import { BIN } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';
import { describeInTmux } from '../helpers/tmuxSuite.js';

describeInTmux('talon request asks before a write, in tmux', (e2e) => {
  async function ask(answer: 'n' | 'y', id: string): Promise<string> {
    const { home } = tempHome();
    const c = e2e.sim.clients.demo;
    const args = ['request', '/devices/entities/devices-actions/v2', '-X', 'POST', '-q', 'action_name=hide_host', '-d', JSON.stringify({ ids: [id] })];
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
    const term = e2e.tmux(['sh', '-c', `${quoted} >/dev/null; echo "EXIT=$?"; sleep 60`], {
      TALON_HOME: home,
      FALCON_BASE_URL: e2e.sim.url,
      FALCON_CLIENT_ID: c.id,
      FALCON_CLIENT_SECRET: c.secret,
      NO_COLOR: '1',
    }, { columns: 160, rows: 30 });
    const prompt = await term.waitFor((s) => s.includes('Send it? [y/N]'), 15_000, 'the question');
    expect(prompt).toContain('This call changes the tenant: performActionV2 needs devices:write.');
    expect(prompt).toContain(`POST ${e2e.sim.url}/devices/entities/devices-actions/v2?action_name=hide_host`);
    expect(prompt).toContain(`"${id}"`);
    term.type(answer);
    term.keys('Enter');
    return term.waitFor((s) => s.includes('EXIT='), 15_000, 'the exit code');
  }

  it('n sends nothing (exit 2); y sends it (exit 0)', async () => {
    const host = [...e2e.sim.tenant.hosts.values()].find((x) => x.status === 'normal' && x.host_hidden_status === 'visible')!;
    const no = await ask('n', host.device_id);
    expect(no).toContain('talon: Cancelled: nothing was sent.');
    expect(no).toContain('EXIT=2');
    expect(e2e.sim.tenant.hosts.get(host.device_id)?.host_hidden_status).toBe('visible');
    const yes = await ask('y', host.device_id);
    expect(yes).toContain('EXIT=0');
    expect(e2e.sim.tenant.hosts.get(host.device_id)?.host_hidden_status).toBe('hidden');
  });
});
