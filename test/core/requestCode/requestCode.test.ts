import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { findOperationByPath } from '../../../src/core/catalog/findOperation.js';
import { requestAsCode } from '../../../src/core/requestCode/requestCode.js';
import { sdkParamName } from '../../../src/core/requestCode/toTypeScript.js';
import { pythonLiteral } from '../../../src/core/requestCode/literals.js';
import type { ApiRequest } from '../../../src/core/http/types.js';

const catalog = bundledCatalog();
const opOf = (req: ApiRequest) => findOperationByPath(catalog, req.method, req.path);
const code = (format: 'curl' | 'falconpy' | 'typescript', req: ApiRequest) => requestAsCode(format, req, { baseUrl: 'https://api.crowdstrike.com', operation: opOf(req) });

const query: ApiRequest = { method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '2'], ['filter', "platform_name:'Windows'"]] };
const contain: ApiRequest = {
  method: 'POST',
  path: '/devices/entities/devices-actions/v2',
  query: [['action_name', 'contain']],
  body: { json: { ids: ['abc'], action_parameters: [{ name: 'x', value: 'y' }] } },
};

describe('request as code', () => {
  it('writes curl with the token as $FALCON_TOKEN', () => {
    const text = code('curl', query);
    expect(text).toContain('"Authorization: Bearer $FALCON_TOKEN"');
    expect(text).toContain('https://api.crowdstrike.com/devices/queries/devices/v1?limit=2&filter=');
  });

  it('writes FalconPy Uber command() with the published operation id, parameters and body', () => {
    expect(code('falconpy', query)).toContain('response = falcon.command("QueryDevicesByFilter", parameters={\n        "limit": "2",\n        "filter": "platform_name:\'Windows\'",\n    })');
    const py = code('falconpy', contain);
    expect(py).toContain('falcon.command("PerformActionV2", parameters={');
    expect(py).toContain('"action_parameters": [');
    expect(py).toContain('from falconpy import APIHarnessV2');
    expect(py).not.toMatch(/token|secret=["']/i);
  });

  it('writes Python literals for JSON values', () => {
    expect(pythonLiteral({ a: true, b: null, c: [1, 'x"y'] })).toBe('{\n    "a": True,\n    "b": None,\n    "c": [\n        1,\n        "x\\"y",\n    ],\n}');
  });

  it('writes the TypeScript SDK call: collection API, method, positional camelCase parameters', () => {
    const ts = code('typescript', query);
    expect(ts).toContain("import { FalconClient } from 'crowdstrike-falcon';");
    expect(ts).toContain(`await client.hosts.queryDevicesByFilter(undefined /* offset */, 2, undefined /* sort */, "platform_name:'Windows'")`);
    const action = code('typescript', contain);
    expect(action).toContain('client.hosts.performActionV2("contain", {');
    expect(action).toContain('actionParameters: [');
  });

  it('says so when a path is not an operation the SDK has', () => {
    expect(() => code('typescript', { method: 'GET', path: '/no/such/v1' })).toThrow(/not an operation of the catalog/);
    expect(code('falconpy', { method: 'GET', path: '/no/such/v1' })).toContain('override="GET,/no/such/v1"');
  });

  it('lays out parameters as the installed SDK declares them, for nearly every operation', () => {
    const dir = join('node_modules', 'crowdstrike-falcon', 'dist', 'apis');
    const declared = new Map<string, string[]>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('Api.d.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/^ {4}(\w+)\((.*)\): Promise/gm)) {
        const names = [...(m[2] ?? '').matchAll(/(\w+)\??: /g)].map((x) => x[1] as string).filter((n) => n !== 'initOverrides');
        declared.set(`${f.replace(/Api\.d\.ts$/, '')}.${m[1]}`, names);
      }
    }
    let same = 0;
    let json = 0;
    for (const op of catalog.operations) {
      if (op.body && !op.body.contentType.includes('json')) continue;
      json++;
      const slots = [...op.params.filter((p) => p.in === 'header'), ...op.params.filter((p) => p.in !== 'header')].map((p) => ({ n: sdkParamName(p.name), r: p.required }));
      if (op.body) slots.push({ n: 'body', r: op.body.required });
      const ours = [...slots.filter((s) => s.r), ...slots.filter((s) => !s.r)].map((s) => s.n);
      if (JSON.stringify(ours) === JSON.stringify(declared.get(`${op.collection}.${op.operationId}`))) same++;
    }
    // The catalog does not keep the spec's parameter order; the layout rule gets all but a few.
    expect(same / json).toBeGreaterThan(0.985);
  });
});
