// Options every command that talks to the API shares: credentials (flags
// beat environment beat profile) and HTTP settings.
import { Option, type Command } from 'commander';
import { OUTPUT_FORMATS } from '../core/request/output.js';

import type { ConnectionFlags } from '../core/connection.js';

export type { ConnectionFlags };

/** `timeoutFlag` renames the per-attempt limit for a command whose --timeout means something else. */
export function addConnectionOptions(cmd: Command, timeoutFlag = '--timeout'): Command {
  return cmd
    .addOption(new Option('--profile <name>', 'use this profile instead of the default one'))
    .addOption(new Option('--client-id <id>', 'API client id (or FALCON_CLIENT_ID)'))
    .addOption(new Option('--client-secret <secret>', 'API client secret (or FALCON_CLIENT_SECRET; visible in process lists, prefer the variable)'))
    .addOption(new Option('--cloud <name>', 'us-1, us-2, eu-1, us-gov-1, us-gov-2, or auto (or FALCON_CLOUD)'))
    .addOption(new Option('--base-url <url>', 'API base URL, instead of a cloud (or FALCON_BASE_URL)'))
    .addOption(new Option('--member-cid <cid>', 'act for an MSSP child CID (or FALCON_MEMBER_CID)'))
    .addOption(new Option('--proxy <url>', 'HTTP(S) proxy (HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured too)'))
    .addOption(new Option('--insecure', 'trust any TLS certificate (not secure)'))
    .addOption(new Option(`${timeoutFlag} <seconds>`, 'time limit per HTTP attempt').default('30'));
}

/** Accumulates a repeatable option's values. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** How a request is written: the arguments of XSOAR's cs-api-request (http_method, query_parameters, request_body). */
export function addRequestShapeOptions(cmd: Command): Command {
  return cmd
    .option('-X, --method <method>', 'HTTP method (http_method)', 'GET')
    .option('-q, --query <key=value>', 'a query parameter; repeat for more, repeated keys are sent repeated', collect, [])
    .option('--query-json <json>', 'query parameters as a JSON object (query_parameters); arrays become repeated keys')
    .option('-d, --data <json|@file|->', 'JSON body (request_body): inline, @file, or - for standard input');
}

/** What to do with the answer: paging, output format, confirmation (talon request and talon replay). */
export function addSendOptions(cmd: Command): Command {
  return cmd
    .option('--all', 'fetch every page and print every item')
    .option('--max-items <n>', 'stop after N items (implies --all)')
    .addOption(new Option('-o, --output <format>', 'json, ndjson (one item per line), context (CrowdStrike.<endpoint>) or raw').choices(OUTPUT_FORMATS).default('json'))
    .option('-y, --yes', 'send actions, deletes and updates without asking');
}
