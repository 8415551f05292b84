// --store-secret with a real OS keychain: a Secret Service of the test's own
// (D-Bus session bus and gnome-keyring, test/helpers/secretService.ts) holds
// the secret; talon request authenticates with it against the simulator;
// secret-tool, reading the keyring from outside, finds it there and nowhere
// in talon's files; removing the profile takes the item with it. Runs where
// dbus-launch, gnome-keyring-daemon and secret-tool exist (CI installs them);
// test/core/config/secretStore.test.ts covers the machines without one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { startSecretService, type SecretService } from '../helpers/secretService.js';
import { runTalon } from '../helpers/talonBinary.js';
import { tempHome, NO_PROXY_ENV } from '../helpers/tempHome.js';

const keyring = startSecretService();
let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  keyring?.close();
  await h.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe.runIf(keyring)('--store-secret with an OS keychain', () => {
  it('keeps the secret in the keychain, authenticates with it, and removes it with the profile', async () => {
    const ss = keyring as SecretService;
    const { home, env: homeEnv } = tempHome({ ...ss.env, ...NO_PROXY_ENV, FALCON_CLIENT_ID: '', FALCON_CLIENT_SECRET: '' });
    const demo = h.sim.clients.demo;
    const added = await runTalon(['profile', 'add', 'lab', '--client-id', demo.id, '--base-url', h.sim.url, '--store-secret'], {
      env: homeEnv,
      input: `${demo.secret}\n`,
    });
    expect(added.stderr + added.stdout).toMatch(/OS keychain \(service "talon", account "lab \(/);
    expect(added.code).toBe(0);

    const shown = await runTalon(['profile', 'show', 'lab', '--json'], { env: homeEnv });
    const secret = JSON.parse(shown.stdout).secret;
    expect(secret).toMatchObject({ stored: true, store: 'keychain' });
    const account = /account "([^"]+)"/.exec(added.stderr + added.stdout)?.[1] as string;
    expect(ss.lookup({ service: 'talon', username: account })).toBe(demo.secret);
    for (const file of filesUnder(home)) expect(readFileSync(file, 'utf8')).not.toContain(demo.secret);

    const call = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1'], { env: homeEnv });
    expect(call.stderr).toBe('');
    expect(call.code).toBe(0);
    expect(JSON.parse(call.stdout).resources).toHaveLength(1);

    const removed = await runTalon(['profile', 'remove', 'lab'], { env: homeEnv });
    expect(removed.code).toBe(0);
    expect(ss.lookup({ service: 'talon', username: account })).toBeUndefined();
  });
});
