// `talon request`: one API call (or every page of it) from the command line,
// with the arguments of XSOAR's cs-api-request. Output on stdout, errors on
// stderr, and exit codes scripts can rely on.
import type { Command } from 'commander';
import { addConnectionOptions, addRequestShapeOptions, addSendOptions } from './commonOptions.js';
import type { RequestFlags } from './runRequest.js';

export function registerRequestCommand(program: Command): void {
  const cmd = program
    .command('request')
    .description('send one API request (the arguments of XSOAR cs-api-request) and print the response')
    .argument(
      '<endpoint...>',
      'a path such as /devices/queries/devices/v1 (the leading / is optional), a full URL on the API host, ' +
        'or a War Room line: [!cs-api-request] endpoint=... http_method=... query_parameters=... request_body=... populate_context=...',
    );
  cmd.option('--jq <filter>', "apply a jq filter to the response (to each item with --all) and print its outputs, one JSON value a line");
  addConnectionOptions(addSendOptions(addRequestShapeOptions(cmd))).action(async (words: string[], flags: RequestFlags, command: Command) => {
    const { runRequest } = await import('./runRequest.js');
    const explicit = (name: string) => command.getOptionValueSource(name) === 'cli';
    process.exitCode = await runRequest(words, flags, { method: explicit('method'), output: explicit('output') });
  });
}
