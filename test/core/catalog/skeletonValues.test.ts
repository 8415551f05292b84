// A body skeleton sent as it is gets an answer, not a 400 for a value out of range.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { findOperationByPath } from '../../../src/core/catalog/findOperation.js';
import { bodySkeleton } from '../../../src/core/catalog/bodySkeleton.js';
import { startHarness, type SimHarness } from '../../helpers/simClient.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('body skeletons', () => {
  it('hold a page size the API accepts', async () => {
    const catalog = bundledCatalog();
    const op = findOperationByPath(catalog, 'POST', '/alerts/combined/alerts/v1');
    const skeleton = bodySkeleton(op!.body!.schema, catalog) as Record<string, unknown>;
    expect(skeleton.limit).toBe(100);
    const res = await h.api('POST', op!.path, { body: skeleton });
    expect(res.status).toBe(200);
    const zero = await h.api('POST', op!.path, { body: { ...skeleton, limit: 0 } });
    expect(zero.status).toBe(400);
  });
});
