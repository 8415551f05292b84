// `talon profile add|list|show|remove|use`: plain text or JSON, no Ink. The
// config modules (conf and its validator) load only when a subcommand runs.
import { Option, type Command } from 'commander';
import type { Profile } from '../core/config/profileStore.js';
import { ExitCode, UserError } from '../core/errors.js';
import { KEYCHAIN_SERVICE } from '../core/config/keychain.js';
import type { SecretStorePreference } from '../core/config/secretStore.js';
import { safeJson } from '../core/text/safeJson.js';
import { writeText } from './terminalOutput.js';
import { terminalSafe } from '../core/text/terminalSafe.js';

export interface ProfileCommandIO {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

interface AddOptions {
  clientId?: string;
  clientSecret?: string;
  cloud?: string;
  baseUrl?: string;
  memberCid?: string;
  readOnly?: boolean;
  description?: string;
  storeSecret?: boolean;
  replace?: boolean;
  default?: boolean;
}

const defaultIO = (): ProfileCommandIO => ({
  env: process.env,
  // Profile files may be edited or shared: what they hold is shown terminal-safe.
  stdout: (s) => writeText(process.stdout, s),
  stderr: (s) => writeText(process.stderr, s),
  stdin: process.stdin,
});

async function openStores(env: NodeJS.ProcessEnv) {
  const [{ ProfileStore }, { SecretStore }] = await Promise.all([
    import('../core/config/profileStore.js'),
    import('../core/config/secretStore.js'),
  ]);
  return { store: ProfileStore.open(env), secrets: SecretStore.open(env) };
}

/** Adds `talon profile …` to `program`. `io` replaces the process streams and env (tests). */
export function registerProfileCommand(program: Command, io: Partial<ProfileCommandIO> = {}): void {
  const ctx: ProfileCommandIO = { ...defaultIO(), ...io };
  const profile = program.command('profile').description('manage named credential profiles');

  profile
    .command('add <name>')
    .description('add a profile (the first one becomes the default)')
    .option('--client-id <id>', 'API client ID (default: $FALCON_CLIENT_ID)')
    .addOption(new Option('--cloud <cloud>', 'us-1, us-2, eu-1, us-gov-1, us-gov-2 or auto').conflicts('baseUrl'))
    .option('--base-url <url>', 'API base URL instead of a cloud name')
    .option('--member-cid <cid>', 'MSSP child CID to act for')
    .option('--read-only', 'refuse commands that change anything in the tenant')
    .option('--description <text>', 'a note shown by profile list and show')
    .option('--store-secret', 'store the client secret (from $FALCON_CLIENT_SECRET, else stdin or a prompt) in the OS keychain, or a 0600 file where there is none')
    .option('--client-secret <secret>', 'with --store-secret, for scripts: the secret itself (visible in process lists)')
    .option('--replace', 'overwrite an existing profile of that name')
    .option('--default', 'make it the default profile')
    .action((name: string, opts: AddOptions) => addProfile(ctx, name, opts));

  profile
    .command('list')
    .description('list profiles')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => listProfiles(ctx, opts.json === true));

  profile
    .command('show [name]')
    .description('show a profile (default: the default profile); never prints the secret')
    .option('--json', 'print JSON')
    .action((name: string | undefined, opts: { json?: boolean }) => showProfile(ctx, name, opts.json === true));

  profile
    .command('remove <name>')
    .description('remove a profile and its stored secret')
    .action((name: string) => removeProfile(ctx, name));

  profile
    .command('use <name>')
    .description('make a profile the default')
    .action((name: string) => useProfile(ctx, name));
}

async function addProfile(io: ProfileCommandIO, name: string, opts: AddOptions): Promise<void> {
  const { validateProfileName } = await import('../core/config/profileStore.js');
  validateProfileName(name);
  if (opts.clientSecret !== undefined && !opts.storeSecret) {
    throw new UserError(
      'talon stores a client secret only when asked: add --store-secret to store the one given with --client-secret.',
      ExitCode.usage,
    );
  }
  const { store, secrets } = await openStores(io.env);
  const existing = store.get(name);
  if (existing && !opts.replace) {
    throw new UserError(`Profile "${name}" already exists: pass --replace to overwrite it.`, ExitCode.usage);
  }
  const clientId = opts.clientId?.trim() || io.env.FALCON_CLIENT_ID?.trim() || existing?.clientId;
  if (!clientId) {
    throw new UserError(`Profile "${name}" needs a client ID: pass --client-id ID or set FALCON_CLIENT_ID.`, ExitCode.usage);
  }
  const secret = opts.storeSecret ? await secretToStore(io, opts) : undefined;

  const saved = store.add(
    {
      name,
      clientId,
      cloud: opts.cloud,
      baseUrl: opts.baseUrl,
      memberCid: opts.memberCid,
      readOnly: opts.readOnly,
      description: opts.description,
    },
    { replace: opts.replace === true },
  );
  const stored = secret !== undefined ? secrets.set(name, secret, secretStorePreference(io.env)) : undefined;
  // A secret stored for another client ID would only fail at login.
  if (secret === undefined && existing && existing.clientId !== saved.clientId) secrets.delete(name);

  const current = store.defaultName();
  const makeDefault = opts.default === true || !current || !store.get(current);
  if (makeDefault) store.setDefault(name);

  io.stdout(`${existing ? 'Replaced' : 'Added'} profile "${name}" (${where(saved)}, client ID ${saved.clientId}).\n`);
  if (stored?.fallbackReason) io.stdout(`${capitalised(stored.fallbackReason)}, so the client secret is stored in the ${stored.location}.\n`);
  else if (stored) io.stdout(`Client secret stored in the ${stored.location}.\n`);
  else if (secrets.has(name)) io.stdout(`The client secret stored earlier is kept (${secrets.locationOf(name)}).\n`);
  else io.stdout('No client secret stored: pass --client-secret or set FALCON_CLIENT_SECRET when running talon, or re-add it with --store-secret --replace.\n');
  if (makeDefault) io.stdout(`"${name}" is the default profile.\n`);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** TALON_SECRET_STORE: where new secrets go (auto: the OS keychain where it works, else the 0600 file). */
function secretStorePreference(env: NodeJS.ProcessEnv): SecretStorePreference {
  const v = (env.TALON_SECRET_STORE ?? '').trim().toLowerCase();
  if (v === '' || v === 'auto') return 'auto';
  if (v === 'keychain' || v === 'file') return v;
  throw new UserError(`TALON_SECRET_STORE must be auto, keychain or file (got "${env.TALON_SECRET_STORE}").`, ExitCode.usage);
}

async function secretToStore(io: ProfileCommandIO, opts: AddOptions): Promise<string> {
  if (opts.clientSecret !== undefined) {
    io.stderr('talon: warning: a secret given with --client-secret is visible to other users in process lists; prefer FALCON_CLIENT_SECRET or stdin.\n');
    const secret = opts.clientSecret.trim();
    if (!secret) throw new UserError('--client-secret is empty.', ExitCode.usage);
    return secret;
  }
  const fromEnv = io.env.FALCON_CLIENT_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const { readSecret } = await import('../core/config/secretInput.js');
  return readSecret({ stdin: io.stdin, writePrompt: io.stderr });
}

/** Where a profile points, for people: "us-2", "auto (region autodiscovery)", a base URL. */
function where(p: Profile): string {
  if (p.baseUrl) return p.baseUrl;
  if (p.cloud === 'auto') return 'cloud auto';
  return `cloud ${p.cloud ?? 'us-1'}`;
}

interface ProfileView {
  name: string;
  default: boolean;
  cloud: string | null;
  baseUrl: string | null;
  clientId: string;
  memberCid: string | null;
  readOnly: boolean;
  description: string | null;
  secretStored: boolean;
}

function viewOf(p: Profile, defaultName: string | undefined, secretStored: boolean): ProfileView {
  return {
    name: p.name,
    default: p.name === defaultName,
    cloud: p.baseUrl ? null : (p.cloud ?? 'us-1'),
    baseUrl: p.baseUrl ?? null,
    clientId: p.clientId,
    memberCid: p.memberCid ?? null,
    readOnly: p.readOnly === true,
    description: p.description ?? null,
    secretStored,
  };
}

const json = (value: unknown): string => `${safeJson(value, 2)}\n`;

async function listProfiles(io: ProfileCommandIO, asJson: boolean): Promise<void> {
  const { store, secrets } = await openStores(io.env);
  const defaultName = store.defaultName();
  const views = store.list().map((p) => viewOf(p, defaultName, secrets.has(p.name)));
  if (asJson) return io.stdout(json(views));
  if (!views.length) {
    return io.stdout('No profiles yet: add one with `talon profile add NAME --client-id ID --store-secret`.\n');
  }
  const rows = [
    ['', 'NAME', 'CLOUD / BASE URL', 'CLIENT ID', 'MEMBER CID', 'READ-ONLY', 'SECRET'],
    ...views.map((v) => [
      v.default ? '*' : '',
      v.name,
      v.baseUrl ?? v.cloud ?? '',
      v.clientId,
      v.memberCid ?? '-',
      v.readOnly ? 'yes' : 'no',
      v.secretStored ? 'stored' : 'no',
    ]),
  ];
  io.stdout(table(rows));
  io.stdout('(* default profile)\n');
}

/** Cells are terminal-safe one-liners, so a field of a profile file cannot fake a row. */
function table(input: readonly string[][]): string {
  const rows = input.map((r) => r.map((cell) => terminalSafe(cell)));
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd() + '\n').join('');
}

async function showProfile(io: ProfileCommandIO, name: string | undefined, asJson: boolean): Promise<void> {
  const { store, secrets } = await openStores(io.env);
  const { unknownProfile } = await import('../core/config/profileStore.js');
  const defaultName = store.defaultName();
  const wanted = name ?? defaultName;
  if (!wanted) {
    throw new UserError('No default profile: name one (talon profile show NAME) or set one with `talon profile use NAME`.', ExitCode.usage);
  }
  const p = store.get(wanted);
  if (!p) throw unknownProfile(wanted, store.list());
  const view = viewOf(p, defaultName, secrets.has(p.name));
  if (asJson) {
    const { secretStored, ...rest } = view;
    const secret = !secretStored
      ? { stored: false }
      : secrets.storeOf(p.name) === 'keychain'
        ? { stored: true, store: 'keychain', service: KEYCHAIN_SERVICE, account: secrets.keychainAccount(p.name) }
        : { stored: true, store: 'file', file: secrets.path };
    return io.stdout(json({ ...rest, secret }));
  }
  const lines: Array<[string, string]> = [
    ['name', `${view.name}${view.default ? ' (default)' : ''}`],
    view.baseUrl ? ['base URL', view.baseUrl] : ['cloud', view.cloud === 'auto' ? 'auto (region autodiscovery)' : (view.cloud ?? 'us-1')],
    ['client ID', view.clientId],
    ['member CID', view.memberCid ?? 'none'],
    ['read-only', view.readOnly ? 'yes' : 'no'],
    ...(view.description ? [['description', view.description] as [string, string]] : []),
    ['secret', view.secretStored ? `stored (${secrets.locationOf(p.name)})` : 'not stored'],
    ['config', store.path],
  ];
  const width = Math.max(...lines.map(([k]) => k.length)) + 1;
  io.stdout(lines.map(([k, v]) => `${`${k}:`.padEnd(width)} ${terminalSafe(v)}\n`).join(''));
}

async function removeProfile(io: ProfileCommandIO, name: string): Promise<void> {
  const { store, secrets } = await openStores(io.env);
  const { unknownProfile } = await import('../core/config/profileStore.js');
  const wasDefault = store.defaultName() === name;
  if (!store.remove(name)) throw unknownProfile(name, store.list());
  const hadSecret = secrets.delete(name);
  io.stdout(`Removed profile "${name}"${hadSecret ? ' and its stored client secret' : ''}.\n`);
  if (wasDefault) io.stdout('It was the default profile; choose another with `talon profile use NAME`.\n');
}

async function useProfile(io: ProfileCommandIO, name: string): Promise<void> {
  const { store } = await openStores(io.env);
  store.setDefault(name);
  io.stdout(`"${name}" is now the default profile.\n`);
}
