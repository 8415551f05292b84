// History never keeps the fields of OAuth2 calls (client secrets, tokens),
// even when a user sends them by hand.
import { describe, expect, it } from 'vitest';
import { makeEntry } from '../../../src/core/history/historyEntry.js';

const outcome = { status: 201, durationMs: 5 };

describe('history and credentials', () => {
  it('drops the query and body of /oauth2/ calls', () => {
    const e = makeEntry(
      { method: 'POST', path: '/oauth2/token', query: [['client_secret', 's3cret']], body: { json: { client_secret: 's3cret' } } },
      outcome,
      { profile: 'p' },
    );
    expect(JSON.stringify(e)).not.toContain('s3cret');
    expect(e.path).toBe('/oauth2/token');
  });

  it('keeps them for other calls', () => {
    const e = makeEntry({ method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '5']] }, outcome, { profile: 'p' });
    expect(e.query).toEqual([['limit', '5']]);
  });
});
