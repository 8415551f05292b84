// The audit log as text: a heading line per run, then a line per host. Every
// field is from a file (and, before that, the API): shown terminal-safe.
import type { AuditEntry } from './auditLog.js';
import { safeText as t } from '../text/terminalSafe.js';

export function formatAudit(entries: readonly AuditEntry[]): string {
  return entries
    .map((e) => {
      const who = [e.profile ? `profile ${t(e.profile)}` : 'no profile', e.clientId ? `client ${t(e.clientId)}` : '', e.memberCid ? `member CID ${t(e.memberCid)}` : '', t(e.baseUrl)]
        .filter(Boolean)
        .join(', ');
      const head = `${t(e.time)}  ${t(e.action)}  ${e.hosts.length} host${e.hosts.length === 1 ? '' : 's'}  ${e.ok ? 'ok' : 'NOT ALL OK'}  (${who})`;
      const hosts = e.hosts.map((h) => {
        const name = t(h.hostname || h.input);
        const trace = h.traceIds.length ? `  trace ${h.traceIds.map(t).join(' ')}` : '';
        return `  ${name}  ${t(h.deviceId ?? '-')}  ${t(h.result)}: ${t(h.message)}${trace}`;
      });
      return [head, ...hosts].join('\n');
    })
    .join('\n\n') + '\n';
}
