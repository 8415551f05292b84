import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJiraWiki, toMarkdown } from '../../../src/core/vulns/tickets/document.js';
import { parseTemplate, renderTemplate, renderUrl } from '../../../src/core/vulns/tickets/template.js';
import { emptyState, loadState, planTickets, recordSent, saveState } from '../../../src/core/vulns/tickets/state.js';
import { buildTicket } from '../../../src/core/vulns/tickets/build.js';
import { consoleBase, consoleLinks } from '../../../src/core/vulns/tickets/consoleLinks.js';
import { VulnGrouper } from '../../../src/core/vulns/grouping.js';
import { toVulnRecord } from '../../../src/core/vulns/records.js';

const raw = (aid: string, hostname: string, exploit = 30) => ({ id: `${aid}_1`, aid, status: 'open', created_timestamp: '2026-03-01T00:00:00Z', cve: { id: 'CVE-2026-1', severity: 'HIGH', base_score: 7.5, exploit_status: exploit, description: 'x' }, host_info: { hostname, platform: 'Linux' }, remediation: { ids: [] } });
const ticketsOf = (records: object[]) => {
  const g = new VulnGrouper('cve');
  g.add(records.map((r) => toVulnRecord(r)!));
  return g.groups().map((x) => buildTicket(x, { remediations: new Map(), links: consoleLinks('https://falcon.example') }));
};

describe('ticket bodies', () => {
  it('tenant text cannot add Markdown or wiki markup of its own', () => {
    const doc = [{ kind: 'para' as const, parts: ['[click](https://evil.example) **x** | ## h'] }, { kind: 'table' as const, header: ['Host'], rows: [['a|b']] }];
    const md = toMarkdown(doc);
    expect(md).toContain('\\[click\\](https://evil.example) \\*\\*x\\*\\* \\| \\#\\# h');
    expect(md).toContain('| a\\|b |');
    expect(toJiraWiki(doc)).toContain('\\[click\\](https://evil.example) \\*\\*x\\*\\* \\| ## h');
  });

  it('the digest changes with the hosts, not with the order records arrive in', () => {
    const [a] = ticketsOf([raw('a1', 'h1'), raw('a2', 'h2')]);
    const [b] = ticketsOf([raw('a2', 'h2'), raw('a1', 'h1')]);
    const [c] = ticketsOf([raw('a1', 'h1')]);
    expect(a!.digest).toBe(b!.digest);
    expect(c!.digest).not.toBe(a!.digest);
    const state = emptyState();
    expect(planTickets([a!], state).send.map((p) => p.action)).toEqual(['create']);
    recordSent(state, { ticket: a!, action: 'create' }, '2026-01-01T00:00:00Z', 'JIRA-1');
    expect(planTickets([b!], state)).toMatchObject({ send: [], unchanged: [b] });
    expect(planTickets([c!], state).send).toEqual([{ ticket: c, action: 'update', previousId: 'JIRA-1' }]);
  });
});

describe('webhook templates', () => {
  it('fills values JSON-escaped, keeps types for whole placeholders, and URL-encodes URL values', () => {
    const t = parseTemplate('{"a":"{{title}}","b":"n={{count}}","c":"{{labels}}","d":"{{count}}"}', 'test');
    const out = renderTemplate(t, { title: 'say "hi"\n\u001b]0;x\u0007', count: 3, labels: ['x', 'y'] });
    expect(out).toEqual({ a: 'say "hi"\n\u001b]0;x\u0007', b: 'n=3', c: ['x', 'y'], d: 3 });
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
    expect(renderUrl('https://h/issue/{{ticket_id}}', { ticket_id: 'A/B 1' })).toBe('https://h/issue/A%2FB%201');
  });

  it('rejects unknown placeholders and invalid JSON with one sentence', () => {
    expect(() => parseTemplate('{"a":"{{nope}}"}', "'t.json'")).toThrow(/unknown placeholder \{\{nope\}\}/);
    expect(() => parseTemplate('{"a":{{title}}}', "'t.json'")).toThrow(/not valid JSON/);
  });
});

describe('console links', () => {
  it('follow the API cloud, or the override', () => {
    expect(consoleBase('https://api.us-2.crowdstrike.com')).toBe('https://falcon.us-2.crowdstrike.com');
    expect(consoleBase('https://api.crowdstrike.com')).toBe('https://falcon.crowdstrike.com');
    expect(consoleBase('http://127.0.0.1:8710')).toBe('https://falcon.crowdstrike.com');
    expect(consoleBase('http://127.0.0.1:8710', 'https://falcon.eu-1.crowdstrike.com/')).toBe('https://falcon.eu-1.crowdstrike.com');
  });
});

describe('the ticket state file', () => {
  const file = (text: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-state-'));
    writeFileSync(join(dir, 'state.json'), text);
    return join(dir, 'state.json');
  };

  it('reads back what was saved, and a missing file is an empty state', () => {
    const path = file('');
    const state = emptyState();
    state.tickets.k = { digest: 'd', title: 't', ticketId: '7', firstSent: '2026-01-01', lastSent: '2026-01-02', sends: 2 };
    saveState(path, state);
    expect(loadState(path)).toEqual(state);
    expect(loadState(join(path, '..', 'nothing.json'))).toEqual(emptyState());
  });

  it('names the place of a damaged entry in one sentence', () => {
    const path = file(JSON.stringify({ version: 1, kind: 'talon-vuln-tickets', tickets: { k: { digest: 'd', title: 't', firstSent: 'a', lastSent: 'b', sends: 'twice' } } }));
    expect(() => loadState(path)).toThrow(new RegExp(`^The ticket state file ${path} is not a talon ticket state at tickets\\.k\\.sends: .*number.*\\.$`));
    expect(() => loadState(file('{"version": 2}'))).toThrow(/is not a talon ticket state at version: /);
    expect(() => loadState(file('not json'))).toThrow(/is not valid JSON: fix or remove it/);
  });
});
