// The audit log as text: a heading line per run, then a line per host.
import type { AuditEntry } from './auditLog.js';

export function formatAudit(entries: readonly AuditEntry[]): string {
  return entries
    .map((e) => {
      const who = [e.profile ? `profile ${e.profile}` : 'no profile', e.clientId ? `client ${e.clientId}` : '', e.memberCid ? `member CID ${e.memberCid}` : '', e.baseUrl ?? '']
        .filter(Boolean)
        .join(', ');
      const cut = e.interrupted ? `  INTERRUPTED: ${e.interrupted}` : '';
      const head = `${e.time}  ${e.action}  ${e.hosts.length} host${e.hosts.length === 1 ? '' : 's'}  ${e.ok ? 'ok' : 'NOT ALL OK'}  (${who})${cut}`;
      const hosts = e.hosts.map((h) => {
        const name = h.hostname || h.input;
        const trace = h.traceIds.length ? `  trace ${h.traceIds.join(' ')}` : '';
        return `  ${name}  ${h.deviceId ?? '-'}  ${h.result}: ${h.message}${trace}`;
      });
      return [head, ...hosts].join('\n');
    })
    .join('\n\n') + '\n';
}
