// Bearer tokens cached in memory and in a 0600 file, one per (base URL,
// client id, client secret, member CID), so that several talon processes
// share one token until shortly before it expires. The key is an HMAC keyed
// by the secret: a wrong secret never finds the token its right twin minted,
// and the file never holds the secret or anything it can be read back from.
// The HMAC is @noble/hashes' (audited, pure JavaScript, ~8 KB): node:crypto
// and its fifteen modules cost ~2 ms of every call on Node 22.
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSecretFile } from '../config/secureFile.js';

export interface CachedToken {
  accessToken: string;
  /** epoch ms */
  expiresAt: number;
  /** epoch ms when it was issued */
  issuedAt: number;
  /** the base URL the token belongs to (after region discovery) */
  baseUrl: string;
}

/** Read-only: keyOf remembers the key it computed for each key object. */
export interface TokenKey {
  /** the configured base URL, or 'auto' for autodiscovery */
  readonly origin: string;
  readonly clientId: string;
  /** binds the entry to the secret that minted it; never stored */
  readonly clientSecret: string;
  readonly memberCid?: string;
}

type CacheFile = Record<string, CachedToken>;

/** Keys already computed, by key object: a session asks with the same one each time, and a hash is ~0.4 ms. */
const computedKeys = new WeakMap<TokenKey, string>();

export class TokenCache {
  private readonly memory = new Map<string, CachedToken>();

  /** `dir` undefined keeps tokens in memory only. */
  constructor(private readonly dir?: string) {}

  static keyOf(k: TokenKey): string {
    const known = computedKeys.get(k);
    if (known !== undefined) return known;
    const id = bytesToHex(hmac(sha256, utf8ToBytes(k.clientSecret), utf8ToBytes(`talon-token-cache-v2\n${k.origin}\n${k.clientId}\n${k.memberCid ?? ''}`)));
    computedKeys.set(k, id);
    return id;
  }

  get(key: TokenKey): CachedToken | undefined {
    const id = TokenCache.keyOf(key);
    const fromFile = this.readFile()[id];
    const inMemory = this.memory.get(id);
    // Another process may have renewed it; take the one that lives longest.
    const best = [inMemory, fromFile].filter((t): t is CachedToken => t !== undefined).sort((a, b) => b.expiresAt - a.expiresAt)[0];
    if (best) this.memory.set(id, best);
    return best;
  }

  set(key: TokenKey, token: CachedToken): void {
    const id = TokenCache.keyOf(key);
    this.memory.set(id, token);
    if (!this.dir) return;
    const all = this.readFile();
    all[id] = token;
    const now = Date.now();
    for (const [k, t] of Object.entries(all)) if (t.expiresAt < now) delete all[k];
    this.write(all);
  }

  delete(key: TokenKey): void {
    const id = TokenCache.keyOf(key);
    this.memory.delete(id);
    if (!this.dir) return;
    const all = this.readFile();
    if (!(id in all)) return;
    delete all[id];
    this.write(all);
  }

  /** A cache that cannot be written only costs other processes a token request; the call goes on. */
  private write(all: CacheFile): void {
    try {
      writeSecretFile(this.file(), JSON.stringify(all, null, 2) + '\n');
    } catch {
      // The token stays in memory for this process.
    }
  }

  private file(): string {
    return join(this.dir as string, 'tokens.json');
  }

  private readFile(): CacheFile {
    if (!this.dir) return {};
    try {
      const parsed = JSON.parse(readFileSync(this.file(), 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as CacheFile) : {};
    } catch {
      // A missing or damaged cache only costs a token request.
      return {};
    }
  }
}
