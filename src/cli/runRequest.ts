// Runs `talon request`: builds the call, sends it through the connection's
// door (which refuses or confirms writes, see core/request/sendPolicy.ts) or
// walks every page, and writes the output. Loaded only when the command runs.
import type { ConnectionFlags } from './commonOptions.js';
import { openCliConnection } from './cliConnection.js';
import { buildRequest } from '../core/request/requestArgs.js';
import { parseOutputFormat, streamSink, terminalSink, writeItems, writeResponse } from '../core/request/output.js';
import { paginate } from '../core/paging/paginate.js';
import { ApiError, apiErrorOf } from '../core/api/apiError.js';
import { isNoMatchesAnswer, noMatchesMessage } from '../core/api/noMatches.js';
import { UserError } from '../core/errors.js';
import { envelopeOf, type ApiRequest, type ApiResponse } from '../core/http/types.js';
import { HistoryRecorder, profileLabel, type RecordedCall } from '../core/history/historyRecorder.js';
import { integerFlag } from './integerFlag.js';
import { readAll } from '../core/readAll.js';
import { isWarRoomSyntax, parseWarRoomLine, printable, warRoomBoolean } from '../core/request/warRoomArgs.js';
import { terminalSafe } from '../core/text/terminalSafe.js';

export interface RequestFlags extends ConnectionFlags {
  method?: string;
  query: string[];
  queryJson?: string;
  data?: string;
  all?: boolean;
  maxItems?: string;
  output?: string;
  yes?: boolean;
  /** a jq filter applied to the response (each item, with --all) */
  jq?: string;
}

export interface ExecuteOptions {
  flags: RequestFlags;
  /** how the output names the call (the endpoint argument, or a saved request's name) */
  label: string;
  /** builds the request once the base URL is known */
  build(baseUrl: string): ApiRequest;
}

/** Sends a request as `talon request` does: confirmation, paging, output and exit codes. */
export async function executeRequest({ flags, label, build }: ExecuteOptions): Promise<number> {
  const format = parseOutputFormat(flags.output);
  const maxItems = flags.maxItems === undefined ? undefined : integerFlag('--max-items', flags.maxItems, 1);
  const all = Boolean(flags.all) || maxItems !== undefined;
  // jq is loaded only when asked for, and checked before anything is sent.
  const jq = flags.jq === undefined ? undefined : await import('../core/jq/jqOutput.js');
  if (jq && flags.jq !== undefined) await jq.checkJqFilter(flags.jq);
  const conn = openCliConnection(flags, undefined, Boolean(flags.yes));
  // One history entry per call (every page included); recording never fails the call.
  const history = HistoryRecorder.forEnv(process.env, (m) => process.stderr.write(`talon: ${terminalSafe(m)}\n`));
  let call: RecordedCall | undefined;
  try {
    const req = build(conn.session.baseUrl);
    const pretty = Boolean(process.stdout.isTTY);
    const sink = process.stdout.isTTY ? terminalSink(streamSink(process.stdout)) : streamSink(process.stdout);
    call = history.begin(req, { profile: profileLabel(conn.credentials), baseUrl: conn.session.baseUrl });
    const client = call.wrap(conn.client);
    if (all) {
      if (jq && flags.jq !== undefined) {
        let n = 0;
        for await (const item of noMatchesAsEmpty(paginate(client, req, { maxItems, onNotice: (m) => process.stderr.write(`talon: ${terminalSafe(m)}\n`) }), req)) {
          await sink.write(await jq.jqLines(item, flags.jq));
          n++;
        }
        call.finish(n);
        return 0;
      }
      const items = noMatchesAsEmpty(
        paginate(client, req, {
          maxItems,
          onNotice: (m) => process.stderr.write(`talon: ${terminalSafe(m)}\n`),
        }),
        req,
      );
      call.finish(await writeItems(sink, items, format, label, pretty));
      return 0;
    }
    const res = await client.request(req);
    call.finish();
    if (isNoMatchesAnswer(res, req.method, req.path)) {
      noMatchesNotice(res, req);
      await writeResponse(sink, format === 'raw' ? res : asZeroMatches(res), format, label, pretty);
      return 0;
    }
    if (res.status < 200 || res.status >= 300) throw await apiErrorOf(res, req.method, req.path);
    if (jq && flags.jq !== undefined) {
      if (res.body.kind !== 'json') throw new UserError(`--jq needs a JSON answer; ${req.method} ${req.path} answered ${res.body.kind === 'empty' ? 'with no body' : 'with something else'}.`);
      await sink.write(await jq.jqLines(res.body.value, flags.jq));
      return 0;
    }
    await writeResponse(sink, res, format, label, pretty);
    return 0;
  } finally {
    call?.finish();
    await conn.close();
  }
}

function noMatchesNotice(res: ApiResponse, req: ApiRequest): void {
  process.stderr.write(`talon: no matches: ${req.method} ${req.path} answered 404 "${noMatchesMessage(res)}", which is how this lookup says nothing matched.\n`);
}

/** The API's 404 "no results" as the empty answer it means: its meta, no resources, no errors. */
function asZeroMatches(res: ApiResponse): ApiResponse {
  const meta = envelopeOf(res)?.meta ?? {};
  return { ...res, status: 200, body: { kind: 'json', value: { meta, resources: [], errors: [] } } };
}

/** Ends the walk quietly when the first page is the API's 404 "no results". */
async function* noMatchesAsEmpty(items: AsyncIterable<unknown>, req: ApiRequest): AsyncIterable<unknown> {
  try {
    yield* items;
  } catch (e) {
    if (e instanceof ApiError && isNoMatchesAnswer(e.response, req.method, req.path)) {
      noMatchesNotice(e.response, req);
      return;
    }
    throw e;
  }
}

/** Which of the flags the user typed (not commander's defaults). */
export interface ExplicitFlags {
  method: boolean;
  output: boolean;
}

/** `words`: one endpoint, or a cs-api-request War Room line (whole or split by the shell). */
export async function runRequest(words: string[], given: RequestFlags, explicit: ExplicitFlags): Promise<number> {
  const { endpoint, flags } = requestFromWords(words, given, explicit);
  const stdin = flags.data === '-' ? await readAll(process.stdin) : '';
  return executeRequest({
    flags,
    label: endpoint,
    build: (baseUrl) =>
      buildRequest({ endpoint, method: flags.method, query: flags.query, queryJson: flags.queryJson, data: flags.data }, { baseUrl, readStdin: () => stdin }),
  });
}

function requestFromWords(words: string[], flags: RequestFlags, explicit: ExplicitFlags): { endpoint: string; flags: RequestFlags } {
  if (!isWarRoomSyntax(words)) {
    if (words.length !== 1) {
      throw new UserError(`talon request takes one endpoint, not ${words.length} words ("${printable(words.join(' '))}"): quote a URL with spaces, or write a War Room line (endpoint=... http_method=...).`);
    }
    return { endpoint: words[0] as string, flags };
  }
  const args = parseWarRoomLine(words);
  if (args.endpoint === undefined || args.endpoint.trim() === '') throw new UserError('The cs-api-request line has no endpoint=: add endpoint=/path/of/the/call.');
  const merged: RequestFlags = { ...flags };
  const take = (value: string | undefined, flagName: string, isSet: boolean, set: (v: string) => void) => {
    if (value === undefined) return;
    if (isSet) throw new UserError(`Both ${flagName} are given: keep one.`);
    set(value);
  };
  take(args.http_method, '-X/--method and http_method', explicit.method, (v) => (merged.method = v || undefined));
  take(args.query_parameters, '--query-json and query_parameters', flags.queryJson !== undefined, (v) => (merged.queryJson = v));
  take(args.request_body, '-d/--data and request_body', flags.data !== undefined, (v) => (merged.data = v));
  // populate_context=true asks for what cs-api-request puts in context, unless -o says otherwise.
  if (args.populate_context !== undefined && warRoomBoolean('populate_context', args.populate_context) && !explicit.output) merged.output = 'context';
  return { endpoint: args.endpoint.trim(), flags: merged };
}
