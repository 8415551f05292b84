// The audit log as text: a heading line per run, then a line per host; alert
// changes as a line per intent, batch and result.
import type { AuditRecord } from './auditLog.js';
import { isAlertAuditEntry, type AlertAuditEntry } from './alertAudit.js';

function formatAlertEntry(e: AlertAuditEntry, who: string): string {
  const rule = e.rule ? `rule ${JSON.stringify(e.rule)}  ` : '';
  const what = Object.entries(e.change).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).join(' ');
  if (e.phase === 'intent') return `${e.time}  alerts_update  ${rule}intent: ${e.ids.length} alert(s)  ${what}  (${who})\n  ${e.ids.join('\n  ')}`;
  const lines = [...e.changed.map((id) => `  changed  ${id}`), ...e.failed.map((f) => `  failed   ${f.id}: ${f.message}`), ...e.unknown.map((id) => `  unknown  ${id} (the call was cut off; it may have changed)`)];
  if (e.phase === 'batch') {
    const trace = e.traceId ? `  trace ${e.traceId}` : '';
    return [`${e.time}  alerts_update  ${rule}batch ${e.batch} of ${e.batches}: ${e.changed.length} changed, ${e.failed.length} failed${e.unknown.length ? `, ${e.unknown.length} unknown` : ''}${trace}`, ...lines].join('\n');
  }
  const notSent = e.notSent.length ? `, ${e.notSent.length} not sent` : '';
  return [`${e.time}  alerts_update  ${rule}result: ${e.changed.length} changed, ${e.failed.length} failed${notSent}  ${e.ok ? 'ok' : 'NOT ALL OK'}`, ...e.notSent.map((id) => `  not sent ${id}`)].join('\n');
}

export function formatAudit(entries: readonly AuditRecord[]): string {
  return entries
    .map((e) => {
      const who = [e.profile ? `profile ${e.profile}` : 'no profile', e.clientId ? `client ${e.clientId}` : '', e.memberCid ? `member CID ${e.memberCid}` : '', e.baseUrl ?? '']
        .filter(Boolean)
        .join(', ');
      if (isAlertAuditEntry(e)) return formatAlertEntry(e, who);
      const head = `${e.time}  ${e.action}  ${e.hosts.length} host${e.hosts.length === 1 ? '' : 's'}  ${e.ok ? 'ok' : 'NOT ALL OK'}  (${who})`;
      const hosts = e.hosts.map((h) => {
        const name = h.hostname || h.input;
        const trace = h.traceIds.length ? `  trace ${h.traceIds.join(' ')}` : '';
        return `  ${name}  ${h.deviceId ?? '-'}  ${h.result}: ${h.message}${trace}`;
      });
      return [head, ...hosts].join('\n');
    })
    .join('\n\n') + '\n';
}
