// Records sent requests in the history without ever failing them: an I/O
// problem (full disk, read-only home) becomes one warning per recorder, and
// the request goes on.
import type { ApiRequest, ApiResponse } from '../http/types.js';
import type { ResolvedCredentials } from '../auth/credentials.js';
import { makeEntry, outcomeOf, resourceCount, type EntryContext, type RequestOutcome } from './historyEntry.js';
import { openHistoryStore, type HistoryStore } from './historyStore.js';
import { isNotSent } from '../request/notSent.js';

/** How history names who sent a request: the profile, else where the credentials came from. */
export function profileLabel(credentials: Pick<ResolvedCredentials, 'profile' | 'sources'>): string {
  return credentials.profile ?? (credentials.sources.clientId === 'flag' ? 'flags' : 'env');
}

export class HistoryRecorder {
  private warned = false;
  private store: HistoryStore | undefined;

  constructor(
    private readonly open: () => HistoryStore,
    private readonly warn: (message: string) => void,
  ) {}

  /** A recorder for this environment's history file; `warn` gets one sentence (without a "talon:" prefix). */
  static forEnv(env: NodeJS.ProcessEnv, warn: (message: string) => void): HistoryRecorder {
    return new HistoryRecorder(() => openHistoryStore(env), warn);
  }

  /** Records one request and what came of it. Never throws. */
  record(req: ApiRequest, outcome: RequestOutcome, ctx: EntryContext): void {
    try {
      this.store ??= this.open();
      this.store.append(makeEntry(req, outcome, ctx));
    } catch (e) {
      if (this.warned) return;
      this.warned = true;
      this.warn(`could not record the request in the history (${(e as Error).message}); the request itself is not affected.`);
    }
  }

  /** Records a response as received. */
  recordResponse(req: ApiRequest, res: ApiResponse, ctx: EntryContext): void {
    this.record(req, outcomeOf(res), ctx);
  }

  /** Starts recording one logical call that may take several HTTP requests (every page with --all). */
  begin(req: ApiRequest, ctx: EntryContext): RecordedCall {
    return new RecordedCall(this, req, ctx);
  }
}

/**
 * One logical call: wraps the caller to see each response, then writes a
 * single entry (the first request, the last status, total time and items).
 */
export class RecordedCall {
  private sent = false;
  private finished = false;
  private last: ApiResponse | undefined;
  private failure: string | undefined;
  private readonly started = Date.now();
  private received = 0;

  constructor(
    private readonly recorder: HistoryRecorder,
    private readonly req: ApiRequest,
    private readonly ctx: EntryContext,
  ) {}

  wrap<R extends ApiResponse>(caller: { request(req: ApiRequest): Promise<R> }): { request(req: ApiRequest): Promise<R> } {
    return {
      request: async (r: ApiRequest) => {
        const sentBefore = this.sent;
        this.sent = true;
        try {
          const res = await caller.request(r);
          this.last = res;
          this.received += resourceCount(res) ?? 0;
          return res;
        } catch (e) {
          // Refused, unconfirmed or cancelled before sending: nothing to record.
          if (isNotSent(e)) this.sent = sentBefore;
          else this.failure = (e as Error).name === 'AbortError' ? 'cancelled' : (e as Error).message;
          throw e;
        }
      },
    };
  }

  /** Writes the entry if anything was sent; `items` overrides the count of resources received. */
  finish(items?: number): void {
    if (!this.sent || this.finished) return;
    this.finished = true;
    const durationMs = Date.now() - this.started;
    const outcome: RequestOutcome = this.last
      ? { ...outcomeOf(this.last, items ?? this.received), durationMs }
      : { status: 0, durationMs, error: this.failure ?? 'no response' };
    this.recorder.record(this.req, outcome, this.ctx);
  }
}
