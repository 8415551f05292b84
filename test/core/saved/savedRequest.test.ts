import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSavedFile, savedFromRequest, serializeSaved, type SavedRequest } from '../../../src/core/saved/savedRequest.js';
import { collectionDir, defaultCollectionDir, loadCollection, loadSaved, removeSaved, saveRequest } from '../../../src/core/saved/collection.js';
import { tempHome } from '../../helpers/tempHome.js';

const sample: SavedRequest = {
  name: 'find-host',
  description: 'Find a host by name',
  method: 'GET',
  path: '/devices/queries/devices/v1',
  query: [['filter', "hostname:'{{hostname}}'"], ['ids', 'a'], ['limit', '5'], ['ids', 'b']],
  variables: { hostname: { description: 'the host name', default: 'WS-01' } },
};

describe('saved request files', () => {
  it('are written in a fixed key order, 2-space indent and a trailing newline, and read back the same', () => {
    const text = serializeSaved({ ...sample, body: { z: 1, a: ['{{x}}'] } });
    expect(text).toBe(`{
  "description": "Find a host by name",
  "method": "GET",
  "path": "/devices/queries/devices/v1",
  "query": {
    "filter": "hostname:'{{hostname}}'",
    "ids": [
      "a",
      "b"
    ],
    "limit": "5"
  },
  "body": {
    "z": 1,
    "a": [
      "{{x}}"
    ]
  },
  "variables": {
    "hostname": {
      "description": "the host name",
      "default": "WS-01"
    }
  }
}
`);
    const back = parseSavedFile(text, 'find-host', 'find-host.json');
    expect(serializeSaved(back)).toBe(text);
    // Repeated keys come back grouped under their first appearance.
    expect(back.query).toEqual([['filter', "hostname:'{{hostname}}'"], ['ids', 'a'], ['ids', 'b'], ['limit', '5']]);
  });

  it('accept hand-written conveniences: lower-case methods, numbers and booleans in the query, no description', () => {
    const s = parseSavedFile('{"method": "post", "path": "/x", "query": {"limit": 5, "all": true, "ids": [1, "b"]}}', 'x', 'x.json');
    expect(s).toEqual({ name: 'x', description: '', method: 'POST', path: '/x', query: [['limit', '5'], ['all', 'true'], ['ids', '1'], ['ids', 'b']], variables: {} });
  });

  it('name the file and the field when invalid', () => {
    const bad: [string, RegExp][] = [
      ['{"method": "GET"', /^f\.json: not valid JSON/],
      ['{"method": "FETCH", "path": "/x"}', /^f\.json: method: must be one of GET, POST/],
      ['{"method": "GET", "path": "devices"}', /^f\.json: path: must be a path starting with \//],
      ['{"method": "GET", "path": "/x", "querry": {}}', /^f\.json: querry: unknown field/],
      ['{"method": "GET", "path": "/x", "query": {"a": {"b": 1}}}', /^f\.json: query\.a: /],
      ['{"method": "GET", "path": "/x", "variables": {"h": {"descripton": "typo"}}}', /^f\.json: variables\.h\.descripton: unknown field/],
      ['{"method": "GET", "path": "/x", "variables": {"h": {"type": "date"}}}', /^f\.json: variables\.h\.type: /],
      ['{"description": 5, "method": "GET", "path": "/x"}', /^f\.json: description: /],
      // every unknown key at once, and a list where the file's object belongs
      ['{"method": "GET", "path": "/x", "querry": {}, "bdy": 1}', /^f\.json: querry, bdy: unknown field/],
      ['[{"method": "GET", "path": "/x"}]', /^f\.json: must be a JSON object$/],
    ];
    for (const [text, expected] of bad) expect(() => parseSavedFile(text, 'f', 'f.json'), text).toThrow(expected);
  });

  it('are made from requests, declaring the variables they use', () => {
    const s = savedFromRequest('contain', { method: 'POST', path: '/a', query: [['k', 'v']], body: { json: { ids: ['{{AID}}'] } } }, 'd', ['AID']);
    expect(s).toEqual({ name: 'contain', description: 'd', method: 'POST', path: '/a', query: [['k', 'v']], body: { ids: ['{{AID}}'] }, variables: { AID: {} } });
    expect(() => savedFromRequest('no spaces', { method: 'GET', path: '/a' })).toThrow(/not a valid saved request name/);
  });
});

describe('collections', () => {
  it('live in the config directory by default, or in --collection DIR', () => {
    expect(defaultCollectionDir({ TALON_HOME: '/t' })).toBe('/t/config/collection');
    expect(collectionDir(undefined, { TALON_HOME: '/t' })).toBe('/t/config/collection');
    expect(collectionDir('/some/dir', {})).toBe('/some/dir');
  });

  it('save, load, list and remove one file per request; a bad file is reported and the others still load', () => {
    const { home } = tempHome();
    const dir = join(home, 'col');
    expect(loadCollection(dir)).toEqual({ dir, requests: [], problems: [] });
    saveRequest(dir, sample);
    saveRequest(dir, { ...sample, name: 'another', variables: {} });
    expect(() => saveRequest(dir, sample)).toThrow(/already exists .* --force/);
    saveRequest(dir, { ...sample, description: 'changed' }, { overwrite: true });
    writeFileSync(join(dir, 'broken.json'), '{"method": "GET", "path": 42}');
    writeFileSync(join(dir, 'bad name.json'), '{"method": "GET", "path": "/x"}');
    writeFileSync(join(dir, 'notes.txt'), 'not a request');
    mkdirSync(join(dir, 'sub.json'));
    const c = loadCollection(dir);
    expect(c.requests.map((r) => r.name)).toEqual(['another', 'find-host']);
    expect(c.requests[1]?.description).toBe('changed');
    expect(c.problems.map((p) => p.message)).toEqual([
      `${join(dir, 'bad name.json')}: the file name is not a valid request name (letters, digits, - and _)`,
      expect.stringMatching(new RegExp(`^${join(dir, 'broken.json')}: path: `)),
    ]);
    expect(c.problems[1]?.field).toBe('path');
    expect(readFileSync(join(dir, 'find-host.json'), 'utf8')).toBe(serializeSaved({ ...sample, description: 'changed' }));
    expect(loadSaved(dir, 'another').name).toBe('another');
    expect(() => loadSaved(dir, 'nope')).toThrow(/No saved request named 'nope' in .*Saved requests there: another, bad name, broken, find-host/);
    expect(() => loadSaved(dir, 'broken')).toThrow(/broken\.json: path: /);
    removeSaved(dir, 'another');
    expect(() => removeSaved(dir, 'another')).toThrow(/No saved request named 'another'/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
