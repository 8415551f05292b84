// What the interactive shell talks to: the current connection (profile,
// session, client), the status it shows, and switching between profiles or
// MSSP children without restarting. Each target keeps its own token.
import { openConnection, type Connection, type HttpSettings } from '../connection.js';
import type { CredentialFlags } from '../auth/credentials.js';
import type { FalconResponse } from '../auth/falconClient.js';
import type { ApiCaller, ApiRequest, ApiResponse } from '../http/types.js';
import { ProfileStore } from '../config/profileStore.js';
import { talonPaths } from '../config/paths.js';
import { HistoryRecorder } from '../history/historyRecorder.js';
import { refuseUnconfirmed, type ConfirmWrite, type PolicyCaller, type SendOptions } from '../request/guardedClient.js';
import type { SendPlan } from '../request/sendPolicy.js';
import { terminalSafe } from '../text/terminalSafe.js';

/** Something the shell can connect to: a profile, the flags/env it started with, or a demo tenant. */
export interface ShellTarget {
  id: string;
  label: string;
  flags: CredentialFlags;
}

export interface StatusInfo {
  target: string;
  baseUrl: string;
  cloud: string;
  memberCid?: string;
  demo: boolean;
  readOnly: boolean;
  connected: boolean;
  /** epoch ms */
  tokenExpiresAt?: number;
  rateLimitRemaining?: number;
  lastStatus?: number;
  lastDurationMs?: number;
  /** one sentence when connecting failed */
  error?: string;
}

export interface ShellBackendOptions {
  env: NodeJS.ProcessEnv;
  http: HttpSettings;
  targets: ShellTarget[];
  /** the shell runs on the built-in simulator */
  demo: boolean;
}

export class ShellBackend {
  private readonly connections = new Map<string, Connection>();
  private readonly openFailures = new Map<string, Error>();
  private currentId: string;
  private last: Pick<StatusInfo, 'rateLimitRemaining' | 'lastStatus' | 'lastDurationMs' | 'error'> = {};
  private readonly listeners = new Set<() => void>();
  /** why the history could not be written, if it could not (the request itself went on) */
  historyWarning: string | undefined;
  private readonly history: HistoryRecorder;
  /** who answers a write's confirmation (the shell's dialog); until one is set, writes are refused */
  private confirmer: ConfirmWrite | undefined;

  constructor(private readonly options: ShellBackendOptions) {
    if (options.targets.length === 0) throw new Error('ShellBackend needs at least one target');
    this.currentId = (options.targets[0] as ShellTarget).id;
    this.history = HistoryRecorder.forEnv(options.env, (m) => {
      this.historyWarning = terminalSafe(m);
      this.changed();
    });
  }

  /** The targets of the shell: the starting one, then every profile not already in the list. */
  static targetsFrom(start: ShellTarget, env: NodeJS.ProcessEnv): ShellTarget[] {
    const targets = [start];
    try {
      for (const p of new ProfileStore(talonPaths(env).config).list()) {
        if (start.flags.profile !== p.name) targets.push({ id: `profile:${p.name}`, label: p.name, flags: { profile: p.name } });
      }
    } catch {
      // A damaged config file must not keep the shell from starting; the start target still works.
    }
    return targets;
  }

  get targets(): readonly ShellTarget[] {
    return this.options.targets;
  }

  get current(): ShellTarget {
    return this.options.targets.find((t) => t.id === this.currentId) as ShellTarget;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** The current connection, opened on first use (may throw a UserError: missing credentials). */
  connection(): Connection {
    let c = this.connections.get(this.currentId);
    if (c) return c;
    // A target that cannot open (missing credentials) is not re-read on every status update.
    const failed = this.openFailures.get(this.currentId);
    if (failed) throw failed;
    try {
      c = openConnection(this.current.flags, this.options.http, this.options.env, { confirm: (ask) => (this.confirmer ?? refuseUnconfirmed)(ask) });
    } catch (e) {
      this.openFailures.set(this.currentId, e as Error);
      throw e;
    }
    this.connections.set(this.currentId, c);
    return c;
  }

  /** Fetches a token so that the status bar can show it; errors are kept for the status bar. */
  async connect(): Promise<void> {
    try {
      await this.connection().session.token();
      this.last = { ...this.last, error: undefined };
    } catch (e) {
      this.last = { ...this.last, error: (e as Error).message };
    }
    this.changed();
  }

  async switchTo(id: string): Promise<void> {
    if (!this.options.targets.some((t) => t.id === id)) return;
    this.currentId = id;
    this.openFailures.delete(id); // switching to it again tries again
    this.last = {};
    this.changed();
    await this.connect();
  }

  /** Sets who answers the confirmation of a write sent without its own answerer (the shell's dialog). */
  setConfirm(confirm: ConfirmWrite | undefined): void {
    this.confirmer = confirm;
  }

  /**
   * Sends through the current connection's door (read-only refusal, confirmation,
   * retries by classification) and records it in the history.
   */
  async send(req: ApiRequest, options?: SendOptions): Promise<FalconResponse> {
    const conn = this.connection();
    const call = this.history.begin(req, { profile: this.current.label, baseUrl: conn.session.baseUrl });
    let res: FalconResponse;
    try {
      res = await call.wrap({ request: (r: ApiRequest) => conn.client.request(r, options) }).request(req);
    } finally {
      call.finish();
    }
    this.noteResponse(res);
    return res;
  }

  /**
   * A caller for one logical call of many requests (fetch-all): each page
   * shows in the status bar, and history records the call once, with the
   * items it brought, when `finish` is called.
   */
  recordedCaller(req: ApiRequest): { caller: ApiCaller; finish(items?: number): void } {
    const conn = this.connection();
    const call = this.history.begin(req, { profile: this.current.label, baseUrl: conn.session.baseUrl });
    const wrapped = call.wrap(conn.client);
    return {
      caller: {
        request: async (r) => {
          const res = await wrapped.request(r);
          this.noteResponse(res);
          return res;
        },
      },
      finish: (items) => call.finish(items),
    };
  }

  private noteResponse(res: ApiResponse): void {
    this.last = { rateLimitRemaining: res.rateLimitRemaining ?? this.last.rateLimitRemaining, lastStatus: res.status, lastDurationMs: res.durationMs };
    this.changed();
  }

  /** What the policy will do with `req` for the current target, without sending it. */
  plan(req: ApiRequest): Promise<SendPlan> {
    return this.connection().client.plan(req);
  }

  /**
   * A caller for the wizards: each call goes through send (the door, history,
   * the status bar). Writes are answered by `confirm` (a wizard's reviewed
   * calls), else refused: a wizard's overlay hides the shell's dialog.
   */
  caller(confirm: ConfirmWrite = refuseUnconfirmed): PolicyCaller {
    return {
      request: (req, options) => this.send(req, { confirm: options?.confirm ?? confirm }),
      plan: (req) => this.plan(req),
    };
  }

  status(): StatusInfo {
    let conn: Connection | undefined;
    let error = this.last.error;
    try {
      conn = this.connection();
    } catch (e) {
      error = (e as Error).message;
    }
    const state = conn?.session.state;
    // Labels, URLs and member CIDs come from profile files, errors from servers: all terminal-safe.
    return {
      target: terminalSafe(this.current.label),
      baseUrl: terminalSafe(conn?.session.baseUrl ?? ''),
      cloud: terminalSafe(conn?.credentials.cloud ?? ''),
      memberCid: conn?.credentials.memberCid === undefined ? undefined : terminalSafe(conn.credentials.memberCid),
      demo: this.options.demo,
      readOnly: conn?.credentials.readOnly ?? false,
      connected: state !== undefined,
      tokenExpiresAt: state?.expiresAt,
      ...this.last,
      error: error === undefined ? undefined : terminalSafe(error),
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.connections.values()].map((c) => c.close()));
  }
}
