import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../../src/core/report/parseSpec.js';
import { UserError } from '../../../src/core/errors.js';

function mistakes(text: string): { message: string; details: readonly string[] } {
  try {
    parseSpecText(text, 'r.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return { message: (e as UserError).message, details: (e as UserError).details };
  }
  throw new Error('expected the spec to be rejected');
}

describe('report spec', () => {
  it('accepts YAML and JSON forms of the same spec', () => {
    const yaml = parseSpecText('title: T\nsections:\n  - title: By platform\n    source: hosts\n    aggregate: {type: terms, field: platform_name}\n    chart: bar\n', 'a.yaml');
    const json = parseSpecText(JSON.stringify({ title: 'T', sections: [{ title: 'By platform', source: 'hosts', aggregate: { type: 'terms', field: 'platform_name' }, chart: 'bar' }] }), 'a.json');
    expect(yaml).toEqual(json);
    expect(yaml.sections[0]!.aggregate.field).toBe('platform_name');
  });

  it('names each mistake with its line and place, one sentence each', () => {
    const { message, details } = mistakes(
      ['title: x', 'sections:', '  - title: A', '    source: hostz', '    aggregate: {type: range, field: severity}', '    chart: timeseries',
        '  - title: B', '    source: alerts', '    aggregate: {type: terms}', '    extra: 1'].join('\n'),
    );
    expect(message).toMatch(/^r\.yaml is not a valid report spec: \d mistakes? to fix\.$/);
    // schema mistakes come first; cross checks only once the shape is right
    expect(details).toEqual([
      'line 9, sections[1].aggregate.field is missing.',
      "line 7, sections[1] has unknown key 'extra'.",
    ]);
    const second = mistakes(['title: x', 'sections:', '  - title: A', '    source: hostz', '    aggregate: {type: range, field: severity}', '    chart: timeseries'].join('\n'));
    expect(second.details).toEqual([
      "line 4, sections[0].source must be one of hosts, alerts, vulnerabilities (or its query's path), not 'hostz'.",
      'line 5, sections[0].aggregate.ranges is needed by a range aggregate: list {from, to, label}.',
      'line 6, sections[0].chart timeseries needs a date_histogram aggregate.',
    ]);
  });

  it('names every unknown key of a map in one mistake, after the mistakes inside it', () => {
    const { details } = mistakes(
      ['title: T', 'colour: red', 'sections:', '  - title: A', '    source: alerts', '    aggregate: {type: terms, field: status, top: 5, order: desc}', '    extra: 1', '    more: 2', 'owner: me'].join('\n'),
    );
    expect(details).toEqual([
      "line 6, sections[0].aggregate has unknown keys 'top', 'order'.",
      "line 4, sections[0] has unknown keys 'extra', 'more'.",
      "line 1, the file has unknown keys 'colour', 'owner'.",
    ]);
  });

  it('a value of the wrong kind gets its own message; only an absent key is missing', () => {
    const { details } = mistakes('title: 5\nsections:\n  - {title: A, source: alerts, windowed: "yes", aggregate: {type: terms, field: status, size: 0.5}, labels: [a]}\n  - 7\n');
    expect(details).toEqual([
      'line 1, title must be text.',
      'line 3, sections[0].windowed must be true or false.',
      'line 3, sections[0].aggregate.size must be a whole number.',
      'line 3, sections[0].labels must map values to display names.',
      'line 4, sections[1] must be a section: {title, source, aggregate}.',
    ]);
    expect(mistakes('').details).toEqual(['the file must be a map with a title and sections.']);
  });

  it('refuses a mapping holding __proto__ or constructor by name, instead of dropping the key unseen', () => {
    const section = { title: 'A', source: 'alerts', aggregate: { type: 'terms', field: 'status' } };
    expect(mistakes(`{"title": "T", "__proto__": {"x": 1}, "sections": [${JSON.stringify(section)}]}`).details).toEqual(["line 1, the file has unknown key '__proto__'."]);
    expect(mistakes(`{"title": "T", "sections": [${JSON.stringify({ ...section, constructor: 1 })}]}`).details).toEqual(["line 1, sections[0] has unknown key 'constructor'."]);
  });

  it('rejects broken YAML, an empty sections list, a bad chart and a bad duration', () => {
    expect(mistakes('title: [unclosed\n').message).toMatch(/not valid YAML or JSON/);
    expect(mistakes('title: T\nsections: []\n').details).toEqual(['line 2, sections must list at least one section.']);
    const chart = mistakes('title: T\nsince: 3 fortnights\nsections:\n  - {title: A, source: alerts, aggregate: {type: terms, field: status}, chart: pie}\n');
    expect(chart.details).toEqual(['line 4, sections[0].chart must be one of table, bar, timeseries.']);
    const since = mistakes('title: T\nsince: 3 fortnights\nsections:\n  - {title: A, source: alerts, aggregate: {type: terms, field: status}}\n');
    expect(since.details).toEqual(["line 2, since must be a duration such as '24h', '30d' or '12w'."]);
  });
});
