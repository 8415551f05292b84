import { readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerProfileCommand } from '../../src/cli/profile.js';
import { resolveCredentials } from '../../src/core/auth/credentials.js';
import { ProfileStore } from '../../src/core/config/profileStore.js';
import { SecretStore } from '../../src/core/config/secretStore.js';
import { UserError } from '../../src/core/errors.js';

const homes: string[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});

function newHome(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'talon-cli-test-'));
  homes.push(home);
  // The 0600 file, whatever keychain the machine has (secretStore.test.ts covers the keychain and the fallback).
  return { TALON_HOME: home, TALON_SECRET_STORE: 'file', ...extra };
}

interface Run {
  stdout: string;
  stderr: string;
}

/** Runs `talon profile …` through a fresh commander program; the env and stdin are explicit. */
async function talon(env: NodeJS.ProcessEnv, args: string[], stdin: NodeJS.ReadableStream & { isTTY?: boolean } = Readable.from([])): Promise<Run> {
  const out: Run = { stdout: '', stderr: '' };
  const program = new Command('talon').exitOverride().configureOutput({ writeOut: (s) => (out.stdout += s), writeErr: (s) => (out.stderr += s) });
  registerProfileCommand(program, { env, stdin, stdout: (s) => (out.stdout += s), stderr: (s) => (out.stderr += s) });
  await program.parseAsync(['profile', ...args], { from: 'user' });
  return out;
}

const CID = '0123456789abcdef0123456789abcdef';

describe('talon profile', () => {
  it('adds profiles, makes the first the default, and lists them', async () => {
    const env = newHome();
    const added = await talon(env, ['add', 'prod', '--client-id', 'id-prod', '--cloud', 'US2', '--member-cid', `${CID.toUpperCase()}-AB`, '--read-only']);
    expect(added.stdout).toContain('Added profile "prod" (cloud us-2, client ID id-prod).');
    expect(added.stdout).toContain('"prod" is the default profile.');
    expect(added.stdout).toContain('No client secret stored');
    await talon(env, ['add', 'lab', '--client-id', 'id-lab', '--base-url', 'http://127.0.0.1:4000/']);

    const list = await talon(env, ['list']);
    const lines = list.stdout.split('\n');
    expect(lines[0]).toMatch(/^\s+NAME\s+CLOUD \/ BASE URL\s+CLIENT ID\s+MEMBER CID\s+READ-ONLY\s+SECRET$/);
    expect(lines[1]).toMatch(/^\s+lab\s+http:\/\/127\.0\.0\.1:4000\s+id-lab\s+-\s+no\s+no$/);
    expect(lines[2]).toMatch(new RegExp(`^\\*\\s+prod\\s+us-2\\s+id-prod\\s+${CID}\\s+yes\\s+no$`));

    const json = JSON.parse((await talon(env, ['list', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(json).toEqual([
      { name: 'lab', default: false, cloud: null, baseUrl: 'http://127.0.0.1:4000', clientId: 'id-lab', memberCid: null, readOnly: false, description: null, secretStored: false },
      { name: 'prod', default: true, cloud: 'us-2', baseUrl: null, clientId: 'id-prod', memberCid: CID, readOnly: true, description: null, secretStored: false },
    ]);
  });

  it('says so when there are no profiles', async () => {
    expect((await talon(newHome(), ['list'])).stdout).toMatch(/^No profiles yet/);
    expect((await talon(newHome(), ['list', '--json'])).stdout).toBe('[]\n');
  });

  it('stores a secret from FALCON_CLIENT_SECRET only with --store-secret, in a 0600 file, and never shows it', async () => {
    const env = newHome({ FALCON_CLIENT_SECRET: 'env-secret-value' });
    await talon(env, ['add', 'a', '--client-id', 'id-a']);
    expect(SecretStore.open(env).get('a')).toBeUndefined();

    const r = await talon(env, ['add', 'a', '--client-id', 'id-a', '--store-secret', '--replace']);
    expect(r.stdout).toContain('Replaced profile "a"');
    const secrets = SecretStore.open(env);
    expect(secrets.get('a')).toBe('env-secret-value');
    expect(statSync(secrets.path).mode & 0o777).toBe(0o600);

    const show = await talon(env, ['show', 'a']);
    expect(show.stdout).toContain(`\nsecret:     stored (0600 file ${secrets.path})\n`);
    const showJson = await talon(env, ['show', 'a', '--json']);
    expect(JSON.parse(showJson.stdout)).toMatchObject({ name: 'a', default: true, secret: { stored: true, file: secrets.path } });
    const list = await talon(env, ['list', '--json']);
    for (const out of [show, showJson, list, r]) {
      expect(out.stdout + out.stderr).not.toContain('env-secret-value');
    }
    // The stored secret is what resolveCredentials then uses.
    const creds = resolveCredentials({ flags: {}, env: { TALON_HOME: env.TALON_HOME }, store: ProfileStore.open(env), secrets });
    expect(creds).toMatchObject({ clientId: 'id-a', clientSecret: 'env-secret-value', profile: 'a' });
  });

  it('reads the secret from piped stdin', async () => {
    const env = newHome();
    const r = await talon(env, ['add', 'p', '--client-id', 'i', '--store-secret'], Readable.from(['piped-secret\n']));
    expect(SecretStore.open(env).get('p')).toBe('piped-secret');
    expect(r.stdout + r.stderr).not.toContain('piped-secret');
    await expect(talon(env, ['add', 'q', '--client-id', 'i', '--store-secret'], Readable.from(['\n']))).rejects.toThrow(/No client secret was given/);
  });

  it('prompts without echo on a terminal', async () => {
    const env = newHome();
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    const run = talon(env, ['add', 'p', '--client-id', 'i', '--store-secret'], tty);
    setTimeout(() => tty.write('typed-secret\r'), 20);
    const r = await run;
    expect(r.stderr).toContain('Client secret: ');
    expect(r.stdout + r.stderr).not.toContain('typed-secret');
    expect(SecretStore.open(env).get('p')).toBe('typed-secret');
  });

  it('accepts --client-secret for scripts with a warning, but only together with --store-secret', async () => {
    const env = newHome();
    await expect(talon(env, ['add', 'p', '--client-id', 'i', '--client-secret', 'cli-secret'])).rejects.toThrow(/add --store-secret/);
    expect(ProfileStore.open(env).list()).toEqual([]);
    const r = await talon(env, ['add', 'p', '--client-id', 'i', '--client-secret', 'cli-secret', '--store-secret']);
    expect(r.stderr).toMatch(/warning: .*visible to other users in process lists/);
    expect(SecretStore.open(env).get('p')).toBe('cli-secret');
  });

  it('shows a profile without a secret, and the default one when no name is given', async () => {
    const env = newHome();
    await talon(env, ['add', 'x', '--client-id', 'id-x', '--cloud', 'auto', '--description', 'lab tenant']);
    const show = await talon(env, ['show']);
    expect(show.stdout).toBe(
      [
        'name:        x (default)',
        'cloud:       auto (region autodiscovery)',
        'client ID:   id-x',
        'member CID:  none',
        'read-only:   no',
        'description: lab tenant',
        'secret:      not stored',
        `config:      ${join(env.TALON_HOME as string, 'config', 'config.json')}`,
        '',
      ].join('\n'),
    );
    await expect(talon(env, ['show', 'nope'])).rejects.toThrow(/No profile named "nope": the profiles are x/);
    await expect(talon(newHome(), ['show'])).rejects.toThrow(/No default profile/);
  });

  it('refuses duplicates without --replace and takes the client ID from FALCON_CLIENT_ID', async () => {
    const env = newHome({ FALCON_CLIENT_ID: 'env-id' });
    await talon(env, ['add', 'p']);
    expect(ProfileStore.open(env).get('p')?.clientId).toBe('env-id');
    const err = await talon(env, ['add', 'p', '--client-id', 'other']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe('Profile "p" already exists: pass --replace to overwrite it.');
    await expect(talon(newHome(), ['add', 'p'])).rejects.toThrow(/needs a client ID: pass --client-id ID or set FALCON_CLIENT_ID/);
    await expect(talon(newHome(), ['add', 'bad name', '--client-id', 'i'])).rejects.toThrow(/not a valid profile name/);
  });

  it('keeps a stored secret on replace with the same client ID and drops it when the ID changes', async () => {
    const env = newHome();
    await talon(env, ['add', 'p', '--client-id', 'i', '--store-secret'], Readable.from(['s1']));
    const kept = await talon(env, ['add', 'p', '--client-id', 'i', '--cloud', 'eu-1', '--replace']);
    expect(kept.stdout).toContain('The client secret stored earlier is kept');
    expect(SecretStore.open(env).get('p')).toBe('s1');
    await talon(env, ['add', 'p', '--client-id', 'j', '--replace']);
    expect(SecretStore.open(env).get('p')).toBeUndefined();
  });

  it('rejects --cloud together with --base-url', async () => {
    await expect(talon(newHome(), ['add', 'p', '--client-id', 'i', '--cloud', 'us-1', '--base-url', 'https://x.example.com'])).rejects.toThrow(
      /cannot be used with option/,
    );
  });

  it('switches the default with use, and remove deletes the stored secret too', async () => {
    const env = newHome();
    await talon(env, ['add', 'a', '--client-id', 'ia']);
    await talon(env, ['add', 'b', '--client-id', 'ib', '--store-secret'], Readable.from(['sb']));
    expect(ProfileStore.open(env).defaultName()).toBe('a');
    expect((await talon(env, ['use', 'b'])).stdout).toBe('"b" is now the default profile.\n');
    expect(ProfileStore.open(env).defaultName()).toBe('b');
    await expect(talon(env, ['use', 'zz'])).rejects.toThrow(/No profile named "zz"/);

    const removed = await talon(env, ['remove', 'b']);
    expect(removed.stdout).toContain('Removed profile "b" and its stored client secret.');
    expect(removed.stdout).toContain('It was the default profile');
    expect(SecretStore.open(env).get('b')).toBeUndefined();
    expect(readFileSync(SecretStore.open(env).path, 'utf8')).not.toContain('sb');
    expect(ProfileStore.open(env).defaultName()).toBeUndefined();
    await expect(talon(env, ['remove', 'b'])).rejects.toThrow(/No profile named "b"/);

    // --default moves the default; otherwise a new profile only becomes default when there is none.
    await talon(env, ['add', 'c', '--client-id', 'ic']);
    expect(ProfileStore.open(env).defaultName()).toBe('c');
    await talon(env, ['add', 'd', '--client-id', 'id', '--default']);
    expect(ProfileStore.open(env).defaultName()).toBe('d');
  });
});
