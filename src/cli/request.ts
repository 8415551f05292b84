// `talon request`: one API call (or every page of it) from the command line,
// with the arguments of XSOAR's cs-api-request. Output on stdout, errors on
// stderr, and exit codes scripts can rely on.
import { Option, type Command } from 'commander';
import { addConnectionOptions } from './commonOptions.js';
import { OUTPUT_FORMATS } from '../core/request/output.js';
import type { RequestFlags } from './runRequest.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerRequestCommand(program: Command): void {
  const cmd = program
    .command('request')
    .description('send one API request (the arguments of XSOAR cs-api-request) and print the response')
    .argument('<endpoint>', 'a path such as /devices/queries/devices/v1, or a full URL on the API host')
    .option('-X, --method <method>', 'HTTP method (http_method)', 'GET')
    .option('-q, --query <key=value>', 'a query parameter; repeat for more, repeated keys are sent repeated', collect, [])
    .option('--query-json <json>', 'query parameters as a JSON object (query_parameters); arrays become repeated keys')
    .option('-d, --data <json|@file|->', 'JSON body (request_body): inline, @file, or - for standard input')
    .option('--all', 'fetch every page and print every item')
    .option('--max-items <n>', 'stop after N items (implies --all)')
    .addOption(new Option('-o, --output <format>', 'json, ndjson (one item per line), context (CrowdStrike.<endpoint>) or raw').choices(OUTPUT_FORMATS).default('json'))
    .option('-y, --yes', 'send actions, deletes and updates without asking');
  addConnectionOptions(cmd).action(async (endpoint: string, flags: RequestFlags) => {
    const { runRequest } = await import('./runRequest.js');
    process.exitCode = await runRequest(endpoint, flags);
  });
}
