// A private Secret Service for tests of the real OS keychain: a D-Bus session
// bus of its own (dbus-launch) and a gnome-keyring daemon unlocked with a
// throwaway password, all under a temp HOME, so nothing touches the user's
// keyring. Undefined where the tools are missing (CI installs them).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SecretService {
  /** HOME, XDG dirs and DBUS_SESSION_BUS_ADDRESS for processes that should use this keyring */
  env: NodeJS.ProcessEnv;
  /** what secret-tool finds for these attributes, or undefined */
  lookup(attributes: Record<string, string>): string | undefined;
  close(): void;
}

const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

export function startSecretService(): SecretService | undefined {
  if (process.platform !== 'linux' || !['dbus-launch', 'gnome-keyring-daemon', 'secret-tool'].every(has)) return undefined;
  const root = mkdtempSync(join(tmpdir(), 'talon-keyring-'));
  const runtime = join(root, 'run');
  mkdirSync(runtime, { mode: 0o700 });
  const base = { PATH: process.env.PATH, HOME: root, XDG_DATA_HOME: join(root, 'data'), XDG_RUNTIME_DIR: runtime };
  const bus = spawnSync('dbus-launch', ['--sh-syntax'], { env: base, encoding: 'utf8', timeout: 10_000 });
  const address = /DBUS_SESSION_BUS_ADDRESS='([^']+)'/.exec(bus.stdout ?? '')?.[1];
  const pid = Number(/DBUS_SESSION_BUS_PID=(\d+)/.exec(bus.stdout ?? '')?.[1]);
  if (!address || !pid) {
    rmSync(root, { recursive: true, force: true });
    return undefined;
  }
  const env = { ...base, DBUS_SESSION_BUS_ADDRESS: address };
  // The daemon creates the login keyring with this password and unlocks it; it exits with its bus.
  spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], { env, input: 'throwaway', timeout: 10_000 });
  return {
    env,
    lookup(attributes) {
      const args = ['lookup', ...Object.entries(attributes).flat()];
      const r = spawnSync('secret-tool', args, { env, encoding: 'utf8', timeout: 10_000 });
      return r.status === 0 ? r.stdout : undefined;
    },
    close() {
      try {
        process.kill(pid);
      } catch {
        // already gone
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
