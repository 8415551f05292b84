// Runs `talon request`: builds the call, sends it through the connection's
// door (which refuses or confirms writes, see core/request/sendPolicy.ts) or
// walks every page, and writes the output. Loaded only when the command runs.
import type { ConnectionFlags } from './commonOptions.js';
import { openCliConnection } from './cliConnection.js';
import { buildRequest } from '../core/request/requestArgs.js';
import { parseOutputFormat, streamSink, terminalSink, writeItems, writeResponse } from '../core/request/output.js';
import { paginate } from '../core/paging/paginate.js';
import { apiErrorOf } from '../core/api/apiError.js';
import type { ApiRequest } from '../core/http/types.js';
import { HistoryRecorder, profileLabel, type RecordedCall } from '../core/history/historyRecorder.js';
import { integerFlag } from './integerFlag.js';
import { readAll } from '../core/readAll.js';
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
      const items = paginate(client, req, {
        maxItems,
        onNotice: (m) => process.stderr.write(`talon: ${terminalSafe(m)}\n`),
      });
      call.finish(await writeItems(sink, items, format, label, pretty));
      return 0;
    }
    const res = await client.request(req);
    call.finish();
    if (res.status < 200 || res.status >= 300) throw await apiErrorOf(res, req.method, req.path);
    await writeResponse(sink, res, format, label, pretty);
    return 0;
  } finally {
    call?.finish();
    await conn.close();
  }
}

export async function runRequest(endpoint: string, flags: RequestFlags): Promise<number> {
  const stdin = flags.data === '-' ? await readAll(process.stdin) : '';
  return executeRequest({
    flags,
    label: endpoint,
    build: (baseUrl) =>
      buildRequest({ endpoint, method: flags.method, query: flags.query, queryJson: flags.queryJson, data: flags.data }, { baseUrl, readStdin: () => stdin }),
  });
}
