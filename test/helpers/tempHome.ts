// A fresh TALON_HOME per test, passed explicitly (process.env is never touched).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp dir and an env whose TALON_HOME points at it (no FALCON_* variables). */
export function tempHome(extra: NodeJS.ProcessEnv = {}): { home: string; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(join(tmpdir(), 'talon-test-'));
  made.push(home);
  return { home, env: { TALON_HOME: home, ...extra } };
}

export const modeOf = (mode: number): number => mode & 0o777;

/** No proxy from the outside world, and no colour: what every command test runs with. */
export const NO_PROXY_ENV: NodeJS.ProcessEnv = { HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '', NO_COLOR: '1' };

/** A fresh TALON_HOME and the variables that point talon at `baseUrl` with `client`'s credentials. */
export function apiHome(baseUrl: string, client: { id: string; secret: string }, extra: NodeJS.ProcessEnv = {}): { home: string; env: NodeJS.ProcessEnv } {
  return tempHome({ FALCON_BASE_URL: baseUrl, FALCON_CLIENT_ID: client.id, FALCON_CLIENT_SECRET: client.secret, ...NO_PROXY_ENV, ...extra });
}
