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
