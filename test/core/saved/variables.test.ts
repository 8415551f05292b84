import { describe, expect, it } from 'vitest';
import type { SavedRequest } from '../../../src/core/saved/savedRequest.js';
import { applyKnownVariables, applyVariables, envVarName, missingVariablesError, parseVarFlags, resolveVariables, variablesOf } from '../../../src/core/saved/variables.js';

const saved: SavedRequest = {
  name: 'contain',
  description: '',
  method: 'POST',
  path: '/things/{{kind}}/v1',
  query: [['filter', "hostname:'{{ hostname }}'+platform_name:'{{platform}}'"], ['ids', '{{ids}}'], ['{{key}}', 'x']],
  body: { ids: '{{ids}}', note: 'by {{who}}', limit: '{{limit}}', dry: '{{dry}}', nested: [{ '{{key}}': '{{who}}' }] },
  variables: {
    hostname: { description: 'the host name' },
    platform: { default: 'Windows' },
    ids: { type: 'list' },
    limit: { type: 'number', default: '10' },
    dry: { type: 'boolean', default: 'false' },
    who: {},
    kind: {},
    key: {},
  },
};

describe('variables', () => {
  it('are found in the path, query keys and values, and body keys and strings, in order', () => {
    expect(variablesOf(saved)).toEqual(['kind', 'hostname', 'platform', 'ids', 'key', 'who', 'limit', 'dry']);
  });

  it('come from --var, then TALON_VAR_<name>, then the default in the file', () => {
    const r = resolveVariables(saved, {
      vars: { hostname: 'from-flag', platform: 'Linux' },
      env: { [envVarName('hostname')]: 'from-env', TALON_VAR_who: 'env-who', TALON_VAR_limit: '25', hostname: 'plain env is ignored' },
    });
    expect(r.values).toMatchObject({ hostname: 'from-flag', platform: 'Linux', who: 'env-who', limit: '25', dry: 'false' });
    expect(r.sources).toMatchObject({ hostname: 'flag', platform: 'flag', who: 'env', limit: 'env', dry: 'default' });
    expect(r.missing).toEqual(['kind', 'ids', 'key']);
    expect(resolveVariables(saved, { env: {} }).values.platform).toBe('Windows');
  });

  it('a missing variable gets one sentence naming it and how to supply it', () => {
    expect(missingVariablesError(saved, ['hostname']).message).toBe(
      "The saved request 'contain' needs a value for {{hostname}} (the host name): pass --var hostname=VALUE, or set TALON_VAR_hostname.",
    );
    expect(missingVariablesError(saved, ['kind', 'ids']).message).toBe(
      "The saved request 'contain' needs a value for {{kind}} and {{ids}}: pass --var kind=VALUE --var ids=VALUE, or set TALON_VAR_kind, TALON_VAR_ids.",
    );
    expect(() => applyVariables(saved, {})).toThrow(/needs a value for \{\{kind\}\}/);
  });

  it('substitute safely: body strings stay valid JSON whatever the value, path values stay one segment', () => {
    const nasty = `a "quoted" \\ back\nslash {{kind}} é`;
    const req = applyVariables(saved, { kind: 'a/b c', hostname: "O'Brien", platform: 'Mac', ids: 'id1, id2 id3', key: 'k', who: nasty, limit: '42', dry: 'TRUE' });
    expect(req.path).toBe('/things/a%2Fb%20c/v1');
    expect(req.query).toEqual([
      ['filter', "hostname:'O'Brien'+platform_name:'Mac'"],
      ['ids', 'id1'],
      ['ids', 'id2'],
      ['ids', 'id3'],
      ['k', 'x'],
    ]);
    const body = (req.body as { json: Record<string, unknown> }).json;
    expect(body).toEqual({ ids: ['id1', 'id2', 'id3'], note: `by ${nasty}`, limit: 42, dry: true, nested: [{ k: nasty }] });
    // A value is never re-expanded, and survives a JSON round trip intact.
    expect(JSON.parse(JSON.stringify(body)).note).toBe(`by ${nasty}`);
  });

  it('check typed values', () => {
    const values = { kind: 'k', hostname: 'h', platform: 'p', ids: 'i', key: 'k', who: 'w', dry: 'false' };
    expect(() => applyVariables(saved, { ...values, limit: 'ten' })).toThrow("The variable limit must be a number; got 'ten'.");
    expect(() => applyVariables(saved, { ...values, limit: '1', dry: 'maybe' })).toThrow("The variable dry must be true or false; got 'maybe'.");
  });

  it('can be filled partly, leaving {{placeholders}} for export', () => {
    const req = applyKnownVariables(saved, { hostname: 'WS-01' });
    expect(req.path).toBe('/things/{{kind}}/v1');
    expect(req.query?.[0]).toEqual(['filter', "hostname:'WS-01'+platform_name:'{{platform}}'"]);
    expect((req.body as { json: Record<string, unknown> }).json.limit).toBe('{{limit}}');
  });

  it('--var needs name=value', () => {
    expect(parseVarFlags(['a=1', 'b=x=y', 'c='])).toEqual({ a: '1', b: 'x=y', c: '' });
    expect(() => parseVarFlags(['novalue'])).toThrow("Invalid --var 'novalue': write it as name=value");
    expect(() => parseVarFlags(['bad-name=1'])).toThrow(/Invalid --var/);
  });
});
