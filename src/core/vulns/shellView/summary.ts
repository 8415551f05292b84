// The vulnerabilities view's one-line summary: what the search found and
// where the cursor is, in the command's words.
import type { GroupBy } from '../grouping.js';
import type { LoadedVulns } from './state.js';

const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function summaryLine(loaded: LoadedVulns, by: GroupBy, cursor: number): string {
  const total = by === 'cve' ? loaded.byCve.length : loaded.byHost.length;
  const where = total ? ` · by ${by === 'cve' ? 'CVE' : 'host'}, ${(cursor + 1).toLocaleString('en-US')} of ${total.toLocaleString('en-US')}` : '';
  return `${count(loaded.records, 'vulnerability', 'vulnerabilities')}: ${count(loaded.byCve.length, 'CVE')} on ${count(loaded.byHost.length, 'host')}${where}`;
}
