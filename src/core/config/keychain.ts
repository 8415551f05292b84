// The operating system's keychain (macOS Keychain, Windows Credential Manager,
// Secret Service on Linux) through @napi-rs/keyring, a maintained binding with
// prebuilt binaries. The native module loads on first use only: commands that
// never touch a stored secret do not pay for it. Where there is no keychain
// (CI, servers, no D-Bus session), openKeychain says why.
import { createRequire } from 'node:module';

/** The keychain service under which talon's items are listed. */
export const KEYCHAIN_SERVICE = 'talon';

interface KeyringEntry {
  getPassword(): string | null | undefined;
  setPassword(secret: string): void;
  deletePassword(): boolean;
}
interface KeyringModule {
  Entry: new (service: string, account: string, options?: { linux?: { store?: 'secret-service' | 'keyutils' } }) => KeyringEntry;
}

export interface Keychain {
  get(account: string): string | undefined;
  set(account: string, secret: string): void;
  /** false when there was no item */
  delete(account: string): boolean;
}

let loaded: { module: KeyringModule } | { reason: string } | undefined;

function load(): { module: KeyringModule } | { reason: string } {
  if (!loaded) {
    try {
      loaded = { module: createRequire(import.meta.url)('@napi-rs/keyring') as KeyringModule };
    } catch (e) {
      loaded = { reason: `the keychain binding cannot load (${(e as Error).message.split('\n')[0]})` };
    }
  }
  return loaded;
}

function reasonOf(e: unknown): string {
  return (e as Error).message?.split('\n')[0] || String(e);
}

/** Raised when the keychain refuses an operation (no Secret Service, access denied, locked). */
export class KeychainUnavailable extends Error {}

function guarded<T>(what: () => T): T {
  try {
    return what();
  } catch (e) {
    throw new KeychainUnavailable(`the OS keychain cannot be reached (${reasonOf(e)})`);
  }
}

/**
 * The keychain, or why it cannot be used. Whether it works shows only when it
 * is used (without a Secret Service, a read of a missing item succeeds and a
 * write fails), so every operation can throw KeychainUnavailable.
 */
export function openKeychain(): { keychain: Keychain } | { unavailable: string } {
  const l = load();
  if ('reason' in l) return { unavailable: l.reason };
  // On Linux, the Secret Service only: the binding's fallback, the kernel keyring, forgets
  // its items at logout or reboot, and a stored secret must outlive the session.
  const entry = (account: string) => new l.module.Entry(KEYCHAIN_SERVICE, account, { linux: { store: 'secret-service' } });
  return {
    keychain: {
      get: (account) => guarded(() => entry(account).getPassword() ?? undefined),
      set: (account, secret) => guarded(() => entry(account).setPassword(secret)),
      delete: (account) => guarded(() => entry(account).deletePassword()),
    },
  };
}
