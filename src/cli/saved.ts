// `talon saved`: named, parameterised requests kept as one JSON file each in a
// collection folder (the default one in the config directory, or --collection).
import type { Command } from 'commander';
import { FORMAT_OPTION } from './exportFormatOption.js';
import { addRequestShapeOptions, collect } from './commonOptions.js';

export interface CollectionFlags {
  collection?: string;
}

export interface SavedListFlags extends CollectionFlags {
  json?: boolean;
}

export interface SavedAddFlags extends CollectionFlags {
  fromHistory?: string;
  method?: string;
  query: string[];
  queryJson?: string;
  data?: string;
  description?: string;
  force?: boolean;
}

export interface SavedImportFlags extends CollectionFlags {
  name?: string;
  description?: string;
  force?: boolean;
}

export interface SavedExportFlags extends CollectionFlags {
  format?: string;
  curl?: boolean;
  talon?: boolean;
  var: string[];
  baseUrl?: string;
}

const COLLECTION = ['--collection <dir>', 'the collection folder (default: the one in the config directory)'] as const;

export function registerSavedCommand(program: Command): void {
  const saved = program.command('saved').description('saved requests: list, show, add, import a curl command, export, remove');
  const run = async (): Promise<typeof import('./runSaved.js')> => import('./runSaved.js');

  saved
    .command('list')
    .description('list the saved requests of a collection')
    .option(...COLLECTION)
    .option('--json', 'print them as a JSON array')
    .action(async (flags: SavedListFlags) => {
      process.exitCode = (await run()).runSavedList(flags);
    });

  saved
    .command('show')
    .description("print a saved request's file")
    .argument('<name>', 'the saved request')
    .option(...COLLECTION)
    .action(async (name: string, flags: CollectionFlags) => {
      process.exitCode = (await run()).runSavedShow(name, flags);
    });

  const add = saved
    .command('add')
    .description('save a request: a history entry (--from-history N) or an endpoint with talon request arguments; {{name}} marks a variable')
    .argument('<name>', 'the new name: letters, digits, - and _')
    .argument('[endpoint]', 'a path such as /devices/queries/devices/v1')
    .option('--from-history <n>', 'save history entry N (1 = the newest)');
  addRequestShapeOptions(add)
    .option('--description <text>', 'what the request is for')
    .option('-f, --force', 'replace a saved request of the same name')
    .option(...COLLECTION)
    .action(async (name: string, endpoint: string | undefined, flags: SavedAddFlags) => {
      process.exitCode = await (await run()).runSavedAdd(name, endpoint, flags);
    });

  saved
    .command('import-curl')
    .description('turn a curl command (argument or standard input) into a saved request; without --name, print it')
    .argument('[curl]', 'the curl command; read from standard input when absent')
    .option('--name <name>', 'save it under this name')
    .option('--description <text>', 'what the request is for')
    .option('-f, --force', 'replace a saved request of the same name')
    .option(...COLLECTION)
    .action(async (curl: string | undefined, flags: SavedImportFlags) => {
      process.exitCode = await (await run()).runSavedImportCurl(curl, flags);
    });

  saved
    .command('export')
    .description('print a saved request as code: curl (the token as $FALCON_TOKEN), FalconPy, the TypeScript SDK or a talon command line')
    .argument('<name>', 'the saved request')
    .option(...FORMAT_OPTION)
    .option('--curl', 'a curl command')
    .option('--talon', 'a talon request command line')
    .option('--var <name=value>', 'a variable value; repeat for more (unset ones stay {{name}})', collect, [])
    .option('--base-url <url>', 'the API base URL for curl (default: FALCON_BASE_URL, else us-1)')
    .option(...COLLECTION)
    .action(async (name: string, flags: SavedExportFlags) => {
      process.exitCode = await (await run()).runSavedExport(name, flags);
    });

  saved
    .command('remove')
    .description('delete a saved request')
    .argument('<name>', 'the saved request')
    .option(...COLLECTION)
    .action(async (name: string, flags: CollectionFlags) => {
      process.exitCode = (await run()).runSavedRemove(name, flags);
    });
}
