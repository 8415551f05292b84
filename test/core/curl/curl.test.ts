import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { toCurl } from '../../../src/core/curl/toCurl.js';
import { toTalonCommand } from '../../../src/core/curl/toTalonCommand.js';
import { fromCurl } from '../../../src/core/curl/fromCurl.js';
import { quoteWord } from '../../../src/core/curl/shellWords.js';
import type { ApiRequest } from '../../../src/core/http/types.js';

const BASE = 'https://api.crowdstrike.com';

const REQUESTS: ApiRequest[] = [
  { method: 'GET', path: '/devices/queries/devices/v1', query: [] },
  { method: 'GET', path: '/devices/queries/devices/v1', query: [['filter', "platform_name:'Windows'+status:'normal'"], ['limit', '100']] },
  { method: 'GET', path: '/devices/entities/devices/v2', query: [['ids', 'a'], ['ids', 'b'], ['ids', 'c']] },
  { method: 'GET', path: '/alerts/queries/alerts/v2', query: [['filter', "created_timestamp:>'now-24h'+severity:>=70"], ['q', 'a b & c=d; e#f %20 +'], ['sort', 'created_timestamp|desc']] },
  { method: 'GET', path: '/iocs/combined/indicator/v1', query: [['filter', 'value:"évil.example"'], ['empty', '']] },
  { method: 'POST', path: '/devices/entities/devices/v2', query: [], body: { json: { ids: ['15df9f029a36a941d11ebd3fd06b7857'] } } },
  { method: 'POST', path: '/devices/entities/devices-actions/v2', query: [['action_name', 'contain']], body: { json: { ids: ["it's"], note: 'say "hi"\nback\\slash $HOME `cmd` !bang', n: 1.5, ok: true, none: null } } },
  { method: 'PATCH', path: '/alerts/entities/alerts/v3', query: [], body: { json: { composite_ids: ['x:ind:y:1-2'], action_parameters: [{ name: 'update_status', value: 'closed' }] } } },
  { method: 'DELETE', path: '/iocs/entities/indicators/v1', query: [['ids', 'abc']] },
  { method: 'PUT', path: '/x/y', query: [], body: { json: [] } },
];

/** The arguments bash gives curl when it runs the command (curl replaced by a function printing them). */
function bashArgs(command: string): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\nFALCON_TOKEN=tok-123\n${command}`;
  const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('toCurl', () => {
  it('writes the token as $FALCON_TOKEN, the query as the HTTP client encodes it, and the JSON body', () => {
    const curl = toCurl(REQUESTS[1] as ApiRequest, BASE);
    expect(curl).toBe(
      [
        `curl "https://api.crowdstrike.com/devices/queries/devices/v1?filter=platform_name%3A'Windows'%2Bstatus%3A'normal'&limit=100" \\`,
        '  -H "Authorization: Bearer $FALCON_TOKEN"',
      ].join('\n'),
    );
    const post = toCurl(REQUESTS[5] as ApiRequest, `${BASE}/`, { multiline: false });
    expect(post).toBe(
      `curl -X POST https://api.crowdstrike.com/devices/entities/devices/v2 -H "Authorization: Bearer $FALCON_TOKEN" -H 'Content-Type: application/json' -d '{"ids":["15df9f029a36a941d11ebd3fd06b7857"]}'`,
    );
  });

  it('is quoted so that bash passes curl exactly the intended arguments', () => {
    const req = REQUESTS[6] as ApiRequest;
    expect(bashArgs(toCurl(req, BASE))).toEqual([
      '-X',
      'POST',
      'https://api.crowdstrike.com/devices/entities/devices-actions/v2?action_name=contain',
      '-H',
      'Authorization: Bearer tok-123',
      '-H',
      'Content-Type: application/json',
      '-d',
      JSON.stringify((req.body as { json: unknown }).json),
    ]);
  });

  it('keeps a base URL path prefix', () => {
    expect(toCurl({ method: 'GET', path: '/a/v1' }, 'https://proxy.example.com/falcon/')).toContain('https://proxy.example.com/falcon/a/v1');
  });
});

describe('toTalonCommand', () => {
  it('writes -X, one -q per pair and -d, quoted for the shell', () => {
    expect(toTalonCommand(REQUESTS[1] as ApiRequest)).toBe(`talon request /devices/queries/devices/v1 -q "filter=platform_name:'Windows'+status:'normal'" -q limit=100`);
    expect(toTalonCommand(REQUESTS[5] as ApiRequest)).toBe(`talon request /devices/entities/devices/v2 -X POST -d '{"ids":["15df9f029a36a941d11ebd3fd06b7857"]}'`);
    const args = execFileSync('bash', ['-c', `talon() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${toTalonCommand(REQUESTS[6] as ApiRequest)}`], { encoding: 'utf8' }).split('\0');
    expect(args.slice(0, 6)).toEqual(['request', '/devices/entities/devices-actions/v2', '-X', 'POST', '-q', 'action_name=contain']);
    expect(JSON.parse(args[7] as string)).toEqual((REQUESTS[6]?.body as { json: unknown }).json);
  });

  it('quotes words only when they need it', () => {
    expect(quoteWord('limit=5')).toBe('limit=5');
    expect(quoteWord("hostname:'x'")).toBe(`"hostname:'x'"`);
    expect(quoteWord(`it's "$x"`)).toBe(`'it'\\''s "$x"'`);
    expect(quoteWord('')).toBe("''");
  });
});

describe('fromCurl', () => {
  it('round trips: toCurl then fromCurl gives the same request', () => {
    for (const req of REQUESTS) {
      for (const multiline of [true, false]) {
        const back = fromCurl(toCurl(req, BASE, { multiline }));
        expect(back.request).toEqual(req);
        expect(back.baseUrl).toBe(BASE);
        expect(back.notes).toEqual(['Dropped the Authorization header: talon sends its own token.']);
      }
    }
  });

  it('reads -G with --data-urlencode and -d into the query, as curl sends them', () => {
    const r = fromCurl(`curl -s -H 'Authorization: Bearer abc' -G https://api.us-2.crowdstrike.com/devices/queries/devices/v1 --data-urlencode "filter=platform_name:'Windows'+status:'normal'" -d limit=100 -d offset=100`);
    expect(r.request).toEqual({
      method: 'GET',
      path: '/devices/queries/devices/v1',
      query: [['filter', "platform_name:'Windows'+status:'normal'"], ['limit', '100'], ['offset', '100']],
    });
    expect(r.baseUrl).toBe('https://api.us-2.crowdstrike.com');
    expect(JSON.stringify(r)).not.toContain('abc');
  });

  it('reads a literal + in a URL as the API does (a space), and %2B as +', () => {
    expect(fromCurl("curl 'https://h/p?filter=a:1+b:2&x=%2B'").request.query).toEqual([['filter', 'a:1 b:2'], ['x', '+']]);
  });

  it('handles line continuations, option clusters, -XPOST, --json, --data-raw and browser $-quoting', () => {
    const pasted = `curl -sSL -XPOST 'https://h.example/alerts/combined/alerts/v1' \\\n  -H 'Accept: application/json' \\\n  --json '{"limit": 5}'`;
    expect(fromCurl(pasted).request).toEqual({ method: 'POST', path: '/alerts/combined/alerts/v1', query: [], body: { json: { limit: 5 } } });
    expect(fromCurl(`curl --json '{"a":1}' https://h/x`).request.method).toBe('POST');
    expect(fromCurl(`curl https://h/x --data-raw $'{"q":"it\\'s"}'`).request.body).toEqual({ json: { q: "it's" } });
    expect(fromCurl(`$ curl --request patch --url https://h/x -d '[]'`).request).toMatchObject({ method: 'PATCH', body: { json: [] } });
    expect(fromCurl('curl -I https://h/x').request.method).toBe('HEAD');
  });

  it('turns $VARIABLES into {{variables}}, and a leading $VAR into the base URL', () => {
    const r = fromCurl(`curl -s "\${auth[@]}" -X POST "$SIM/devices/entities/devices-actions/v2?action_name=contain" -H 'Content-Type: application/json' -d "{\\"ids\\":[\\"$AID\\"]}" | jq .`);
    expect(r.request).toEqual({ method: 'POST', path: '/devices/entities/devices-actions/v2', query: [['action_name', 'contain']], body: { json: { ids: ['{{AID}}'] } } });
    expect(r.baseUrl).toBeUndefined();
    expect(r.variables).toEqual(['AID']);
    expect(r.notes).toEqual(['Ignored what follows the curl command: | jq .', 'Ignored $auth[@] (a shell variable on its own).']);
    expect(fromCurl('curl "https://h/x?value=$HASH&type=sha256"').request.query).toEqual([['value', '{{HASH}}'], ['type', 'sha256']]);
    // A variable that ends the URL survives the URL parser (it strips trailing control characters).
    expect(fromCurl('curl "https://h/devices/entities/devices/v2?ids=$AID"').request.query).toEqual([['ids', '{{AID}}']]);
  });

  it('accepts every curl example of the README', () => {
    const examples = [
      `curl -s "\${auth[@]}" -G $SIM/devices/queries/devices/v1 --data-urlencode "filter=platform_name:'Windows'+status:'normal'" -d limit=100 -d offset=100 | jq .meta`,
      `curl -s "\${auth[@]}" "$SIM/devices/entities/devices/v2?ids=$AID" | jq -r '.resources[0].status'`,
      `curl -s "\${auth[@]}" "$SIM/indicators/queries/devices/v1?type=sha256&value=9e3c5dcddd6e8ab75f87e8e79fd5c0bf12cad4a343835d9000892e7f0c160f77" | jq .resources`,
      `curl -s -H 'Authorization: Bearer nope' $SIM/devices/queries/devices/v1 | jq`,
    ];
    expect(examples.map((e) => fromCurl(e).request.path)).toEqual([
      '/devices/queries/devices/v1',
      '/devices/entities/devices/v2',
      '/indicators/queries/devices/v1',
      '/devices/queries/devices/v1',
    ]);
  });

  it('refuses what talon cannot represent, in one sentence', () => {
    const cases: [string, RegExp][] = [
      ['wget https://h/x', /^That is not a curl command/],
      ['curl', /has no URL/],
      ['curl https://h/a https://h/b', /has 2 URLs/],
      ['curl -X POST https://h/oauth2/token -d client_id=a -d client_secret=b', /sends form data .*talon sends JSON bodies/],
      ['curl https://h/x -d @body.json', /reads its data from a file/],
      ['curl https://h/x -F file=@a.txt', /cannot import multipart form uploads/],
      ['curl --frobnicate https://h/x', /does not know the curl option --frobnicate/],
      ['curl https://h/x -d \'{"a": }\'', /body is not valid JSON \(line 1, column 7/],
      ['curl ^"https://h/x^" -H ^"Accept: json^"', /Windows cmd curl/],
      ['curl ftp://h/x', /HTTP and HTTPS only/],
      ['curl https://h/x -H', /needs a value/],
      ['curl "https://h/$(whoami)"', /command substitution/],
    ];
    for (const [text, expected] of cases) expect(() => fromCurl(text), text).toThrow(expected);
  });

  it('never keeps a credential: Authorization, -u and --oauth2-bearer are dropped and named without their values', () => {
    const r = fromCurl(`curl -u id:topsecret --oauth2-bearer tok-xyz -H "Authorization: Bearer tok-abc" -H 'X-Custom: v' https://h/x`);
    const text = JSON.stringify(r);
    for (const secret of ['topsecret', 'tok-xyz', 'tok-abc']) expect(text).not.toContain(secret);
    expect(r.notes).toContain('Ignored the header X-Custom: talon sends its own headers.');
  });
});
