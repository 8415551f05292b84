// Sends tickets to a webhook, one request per ticket: the template filled
// with the ticket, POSTed to the create URL (or, for an update, sent to
// --update-url with the method asked). A 429 is retried by the HTTP client
// (as for any call), and a 5xx here, with backoff; both honour Retry-After.
// A connection lost after sending is not repeated: the ticket may exist.
// Each request carries an Idempotency-Key (group key + digest + action) so a
// receiver that supports it can drop a repeat. The URL and headers are used here and nowhere else:
// messages name only the ticket, never the URL or a header value.
import { HttpClient, type RetryInfo } from '../../http/httpClient.js';
import { DEFAULT_RETRY_OPTIONS, rateLimitWaitMs, retryDelayMs } from '../../http/retryPolicy.js';
import { abortableSleep } from '../../http/abortableSleep.js';
import type { HttpMethod, ApiResponse } from '../../http/types.js';
import { ExitCode, UserError } from '../../errors.js';
import { terminalSafe } from '../../text/terminalSafe.js';
import { createHash } from 'node:crypto';
import type { PlannedTicket } from './formats.js';
import { renderTemplate, renderUrl, templateVariables } from './template.js';

export interface WebhookTarget {
  createUrl: string;
  /** where updates go (may hold {{ticket_id}}); default: the create URL, POSTed */
  updateUrl?: string;
  updateMethod?: HttpMethod;
  headers: Readonly<Record<string, string>>;
  template: unknown;
}

export interface WebhookHttp {
  proxy?: string;
  insecure?: boolean;
  timeoutMs?: number;
  onRetry?: (info: RetryInfo) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  env?: NodeJS.ProcessEnv;
}

export interface SentTicket {
  status: number;
  attempts: number;
  /** the id the receiver answered with (key, sys_id, number or id), if any */
  ticketId?: string;
}

/** Checks a webhook URL: http(s), with a host. Credentials in it become a Basic header. */
export function checkWebhookUrl(url: string, flag: string): URL {
  let u: URL | undefined;
  try {
    u = new URL(url);
  } catch {
    u = undefined;
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) {
    throw new UserError(`${flag} must be an http or https URL.`);
  }
  return u;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** The ticket id in a receiver's answer: Jira's key, ServiceNow's sys_id, a number or an id, or the Location's last segment. */
export function ticketIdOf(res: ApiResponse): string | undefined {
  if (res.body.kind === 'json' && res.body.value && typeof res.body.value === 'object') {
    const b = res.body.value as Record<string, unknown>;
    const result = b.result && typeof b.result === 'object' ? (b.result as Record<string, unknown>) : {};
    const id = text(b.key) ?? text(result.sys_id) ?? text(b.sys_id) ?? text(b.number) ?? text(b.id) ?? text(result.number);
    if (id) return id;
  }
  const location = res.headers.location;
  const last = location?.split(/[?#]/)[0]?.replace(/\/+$/, '').split('/').pop();
  return last ? decodeURIComponent(last) : undefined;
}

export class WebhookSender {
  private readonly clients = new Map<string, HttpClient>();
  private readonly secrets: string[];

  constructor(
    private readonly target: WebhookTarget,
    private readonly http: WebhookHttp = {},
  ) {
    this.secrets = Object.values(target.headers).filter((v) => v.length >= 4);
  }

  private client(origin: string): HttpClient {
    let c = this.clients.get(origin);
    if (!c) {
      c = new HttpClient({ baseUrl: origin, proxy: this.http.proxy, insecure: this.http.insecure, timeoutMs: this.http.timeoutMs, onRetry: this.http.onRetry, sleep: this.http.sleep, env: this.http.env });
      this.clients.set(origin, c);
    }
    return c;
  }

  /** The request a ticket becomes (for --dry-run and for sending). */
  request(p: PlannedTicket): { method: HttpMethod; url: URL; body: unknown } {
    const vars = templateVariables(p);
    const body = renderTemplate(this.target.template, vars);
    if (p.action === 'update' && this.target.updateUrl) {
      if (!p.previousId && /\{\{\s*ticket_id\s*\}\}/.test(this.target.updateUrl)) {
        throw new UserError(`Ticket ${p.ticket.key} changed, but the state file has no ticket id for it (the webhook answered none when it was created), so --update-url cannot name it.`, ExitCode.apiError);
      }
      return { method: this.target.updateMethod ?? 'PUT', url: new URL(renderUrl(this.target.updateUrl, vars)), body };
    }
    return { method: 'POST', url: new URL(this.target.createUrl), body };
  }

  async send(p: PlannedTicket, signal?: AbortSignal): Promise<SentTicket> {
    const { method, url, body } = this.request(p);
    const headers: Record<string, string> = { ...this.target.headers };
    if (url.username || url.password) {
      headers.authorization ??= `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    }
    headers['idempotency-key'] = createHash('sha256').update(`${p.ticket.key}\n${p.ticket.digest}\n${p.action}`).digest('hex').slice(0, 32);
    const query = [...url.searchParams.entries()] as [string, string][];
    const client = this.client(url.origin);
    const sleep = this.http.sleep ?? abortableSleep;
    let res: ApiResponse;
    let attempts = 0;
    for (let retry = 1; ; retry++) {
      res = await client.request({ method, path: url.pathname, query, body: { json: body }, headers, writes: true, signal });
      attempts += res.attempts;
      const lasting = res.status === 501 || res.status === 505;
      if (res.status < 500 || res.status > 599 || lasting || retry > DEFAULT_RETRY_OPTIONS.maxRetries) break;
      const asked = rateLimitWaitMs(res.headers, Date.now());
      const waitMs = asked !== undefined && asked <= DEFAULT_RETRY_OPTIONS.maxRateLimitWaitMs ? asked : retryDelayMs(retry, DEFAULT_RETRY_OPTIONS);
      this.http.onRetry?.({ attempt: attempts + 1, reason: 'server-error', waitMs, status: res.status });
      await sleep(waitMs, signal);
    }
    if (res.status < 200 || res.status >= 300) {
      throw new UserError(`The webhook answered ${res.status} to ticket ${p.ticket.key} (${p.action})${attempts > 1 ? ` after ${attempts} attempts` : ''}, so sending stopped.`, ExitCode.apiError, this.excerpt(res));
    }
    return { status: res.status, attempts, ticketId: ticketIdOf(res) };
  }

  /** The receiver's answer, short, terminal-safe, with any header value we sent blanked out. */
  private excerpt(res: ApiResponse): string[] {
    let body = res.body.kind === 'json' ? JSON.stringify(res.body.value) : res.body.kind === 'text' ? res.body.value : '';
    for (const s of this.secrets) body = body.split(s).join('[redacted]');
    body = body.trim().slice(0, 300);
    return body ? [`webhook: ${terminalSafe(body)}`] : [];
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.close()));
  }
}
