// The generated TypeScript compiles against the installed crowdstrike-falcon SDK.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { findOperationByPath } from '../../../src/core/catalog/findOperation.js';
import { toTypeScript } from '../../../src/core/requestCode/toTypeScript.js';
import type { ApiRequest } from '../../../src/core/http/types.js';

const requests: ApiRequest[] = [
  { method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '2'], ['filter', "platform_name:'Windows'"]] },
  { method: 'POST', path: '/devices/entities/devices-actions/v2', query: [['action_name', 'contain']], body: { json: { ids: ['abc'] } } },
  { method: 'GET', path: '/devices/entities/devices/v2', query: [['ids', 'a'], ['ids', 'b']] },
  { method: 'GET', path: '/indicators/queries/devices/v1', query: [['type', 'sha256'], ['value', 'ab'.repeat(32)]] },
  { method: 'POST', path: '/alerts/entities/alerts/v2', body: { json: { composite_ids: ['x'] } } },
];

describe('TypeScript SDK snippets', () => {
  it('type-check against the installed SDK', () => {
    const catalog = bundledCatalog();
    // Inside the repository, so that `crowdstrike-falcon` resolves from node_modules.
    const dir = mkdtempSync(join(process.cwd(), 'test', '.sdk-check-'));
    try {
      const files = requests.map((req, i) => {
        const file = join(dir, `snippet${i}.ts`);
        writeFileSync(file, `${toTypeScript(req, findOperationByPath(catalog, req.method, req.path))}\nexport {};\n`);
        return file;
      });
      const program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        types: ['node'],
        skipLibCheck: true,
      });
      const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
