// The curl options that describe a request (method, URL, data, -G), read
// from the words of a curl command. Options that only change how curl runs
// are ignored; options talon cannot represent are refused in one sentence.
import { UserError } from '../errors.js';
import { isOnlyVariable } from './shellWords.js';

export interface CurlData {
  kind: 'data' | 'raw' | 'urlencode' | 'json';
  text: string;
}

export interface CurlArgs {
  method?: string;
  urls: string[];
  data: CurlData[];
  /** -G: the data goes into the query string */
  get: boolean;
  /** -I */
  head: boolean;
}

type Handler = (value: string, args: CurlArgs, notes: string[]) => void;

function fileRefused(option: string): never {
  throw new UserError(`The curl command reads its data from a file (${option} @file): paste the data itself instead.`);
}

/** --data-urlencode forms: content, =content, name=content; @file and name@file are refused (curl looks for the first = or @). */
function urlencoded(value: string): string {
  const m = /[@=]/.exec(value);
  if (!m) return encodeURIComponent(value);
  if (m[0] === '@') fileRefused('--data-urlencode');
  const name = value.slice(0, m.index);
  const content = encodeURIComponent(value.slice(m.index + 1));
  return name ? `${name}=${content}` : content;
}

const data =
  (kind: CurlData['kind'], option: string): Handler =>
  (value, args) => {
    if (kind !== 'raw' && value.startsWith('@')) fileRefused(option);
    args.data.push({ kind, text: kind === 'urlencode' ? urlencoded(value) : value });
  };

const header: Handler = (value, _args, notes) => {
  const name = (value.split(':')[0] ?? '').trim();
  const lower = name.toLowerCase();
  if (lower === 'authorization') notes.push('Dropped the Authorization header: talon sends its own token.');
  else if (lower === 'content-type') {
    if (!/json/i.test(value)) notes.push(`Ignored the Content-Type header: talon sends JSON bodies.`);
  } else if (lower !== 'accept' && lower !== 'user-agent') notes.push(`Ignored the header ${name}: talon sends its own headers.`);
};

const ignoredWithValue: Handler = () => undefined;

const WITH_VALUE: Record<string, Handler> = {
  '-X': (v, a) => void (a.method = v),
  '--request': (v, a) => void (a.method = v),
  '-H': header,
  '--header': header,
  '-d': data('data', '-d'),
  '--data': data('data', '--data'),
  '--data-ascii': data('data', '--data-ascii'),
  '--data-binary': data('data', '--data-binary'),
  '--data-raw': data('raw', '--data-raw'),
  '--data-urlencode': data('urlencode', '--data-urlencode'),
  '--json': (v, a) => {
    data('json', '--json')(v, a, []);
  },
  '--url': (v, a) => void a.urls.push(v),
  '-u': (_v, _a, n) => void n.push('Dropped the -u credentials: talon sends its own token.'),
  '--user': (_v, _a, n) => void n.push('Dropped the --user credentials: talon sends its own token.'),
  '--oauth2-bearer': (_v, _a, n) => void n.push('Dropped the --oauth2-bearer token: talon sends its own token.'),
  '-b': (_v, _a, n) => void n.push('Ignored the cookies (-b).'),
  '--cookie': (_v, _a, n) => void n.push('Ignored the cookies (--cookie).'),
  '-x': (_v, _a, n) => void n.push('Ignored the proxy: use talon --proxy or HTTPS_PROXY.'),
  '--proxy': (_v, _a, n) => void n.push('Ignored the proxy: use talon --proxy or HTTPS_PROXY.'),
};
for (const o of ['-A', '--user-agent', '-o', '--output', '-w', '--write-out', '-m', '--max-time', '--connect-timeout', '--retry', '--retry-delay', '--retry-max-time', '-e', '--referer', '--cacert', '--capath', '-E', '--cert', '--key', '-r', '--range', '-D', '--dump-header', '-c', '--cookie-jar', '--resolve', '--limit-rate', '-K', '--config']) {
  WITH_VALUE[o] = ignoredWithValue;
}

const FLAGS: Record<string, (args: CurlArgs) => void> = {
  '-G': (a) => void (a.get = true),
  '--get': (a) => void (a.get = true),
  '-I': (a) => void (a.head = true),
  '--head': (a) => void (a.head = true),
};
for (const o of ['-s', '--silent', '-S', '--show-error', '-k', '--insecure', '-L', '--location', '-v', '--verbose', '-i', '--include', '-f', '--fail', '--fail-with-body', '--compressed', '-N', '--no-buffer', '-#', '--progress-bar', '-g', '--globoff', '--http1.1', '--http2', '-4', '-6', '--ipv4', '--ipv6', '-n', '--netrc', '-O', '--remote-name', '-j', '--junk-session-cookies', '-q', '--disable', '--no-progress-meter', '--tr-encoding', '--no-keepalive']) {
  FLAGS[o] = () => undefined;
}

const REFUSED: Record<string, string> = {
  '-F': 'multipart form uploads (-F)',
  '--form': 'multipart form uploads (--form)',
  '-T': 'file uploads (-T)',
  '--upload-file': 'file uploads (--upload-file)',
};

function refuse(option: string): never {
  const what = REFUSED[option];
  if (what) throw new UserError(`talon cannot import ${what}: Falcon API requests take JSON bodies.`);
  throw new UserError(`talon does not know the curl option ${option}: remove it and paste the command again.`);
}

/** Reads curl's arguments (the words after "curl"); `notes` collects what was dropped or ignored. */
export function readCurlArgs(words: readonly string[], notes: string[]): CurlArgs {
  const args: CurlArgs = { urls: [], data: [], get: false, head: false };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = (option: string): string => {
      const v = words[++i];
      if (v === undefined) throw new UserError(`The curl option ${option} needs a value.`);
      return v;
    };
    if (word === '--') {
      args.urls.push(...words.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-' || isOnlyVariable(word)) {
      args.urls.push(word);
    } else if (word.startsWith('--')) {
      const withValue = WITH_VALUE[word];
      const flag = FLAGS[word];
      if (withValue) withValue(next(word), args, notes);
      else if (flag) flag(args);
      else refuse(word);
    } else {
      // A cluster of short options (-sSL), the last of which may take a value (-XPOST, -sX POST).
      for (let j = 1; j < word.length; j++) {
        const option = `-${word[j]}`;
        const withValue = WITH_VALUE[option];
        const flag = FLAGS[option];
        if (withValue) {
          withValue(j + 1 < word.length ? word.slice(j + 1) : next(option), args, notes);
          break;
        }
        if (flag) flag(args);
        else refuse(option);
      }
    }
  }
  if (args.data.some((d) => d.kind === 'json') && args.method === undefined && !args.get) args.method = 'POST';
  return args;
}
