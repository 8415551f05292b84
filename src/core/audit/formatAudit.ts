// The audit log as text: a heading line per run, then a line per host; alert
// changes as a line per intent, batch and result. Every field is from a file
// (and, before that, the API): shown terminal-safe.
import type { AuditRecord } from './auditLog.js';
import { isAlertAuditEntry, type AlertAuditEntry } from './alertAudit.js';
import { safeText as t } from '../text/terminalSafe.js';

function formatAlertEntry(e: AlertAuditEntry, who: string): string {
  const rule = e.rule ? `rule ${t(JSON.stringify(e.rule))}  ` : '';
  const what = Object.entries(e.change).map(([k, v]) => `${k}=${t(Array.isArray(v) ? v.join(',') : String(v))}`).join(' ');
  const time = t(e.time);
  if (e.phase === 'intent') return `${time}  alerts_update  ${rule}intent: ${e.ids.length} alert(s)  ${what}  (${who})\n  ${e.ids.map(t).join('\n  ')}`;
  const lines = [...e.changed.map((id) => `  changed  ${t(id)}`), ...e.failed.map((f) => `  failed   ${t(f.id)}: ${t(f.message)}`), ...e.unknown.map((id) => `  unknown  ${t(id)} (the call was cut off; it may have changed)`)];
  if (e.phase === 'batch') {
    const trace = e.traceId ? `  trace ${t(e.traceId)}` : '';
    return [`${time}  alerts_update  ${rule}batch ${e.batch} of ${e.batches}: ${e.changed.length} changed, ${e.failed.length} failed${e.unknown.length ? `, ${e.unknown.length} unknown` : ''}${trace}`, ...lines].join('\n');
  }
  const notSent = e.notSent.length ? `, ${e.notSent.length} not sent` : '';
  return [`${time}  alerts_update  ${rule}result: ${e.changed.length} changed, ${e.failed.length} failed${notSent}  ${e.ok ? 'ok' : 'NOT ALL OK'}`, ...e.notSent.map((id) => `  not sent ${t(id)}`)].join('\n');
}

export function formatAudit(entries: readonly AuditRecord[]): string {
  return entries
    .map((e) => {
      const who = [e.profile ? `profile ${t(e.profile)}` : 'no profile', e.clientId ? `client ${t(e.clientId)}` : '', e.memberCid ? `member CID ${t(e.memberCid)}` : '', t(e.baseUrl)]
        .filter(Boolean)
        .join(', ');
      if (isAlertAuditEntry(e)) return formatAlertEntry(e, who);
      const cut = e.interrupted ? `  INTERRUPTED: ${t(e.interrupted)}` : '';
      const head = `${t(e.time)}  ${t(e.action)}  ${e.hosts.length} host${e.hosts.length === 1 ? '' : 's'}  ${e.ok ? 'ok' : 'NOT ALL OK'}  (${who})${cut}`;
      const hosts = e.hosts.map((h) => {
        const name = t(h.hostname || h.input);
        const trace = h.traceIds.length ? `  trace ${h.traceIds.map(t).join(' ')}` : '';
        return `  ${name}  ${t(h.deviceId ?? '-')}  ${t(h.result)}: ${t(h.message)}${trace}`;
      });
      return [head, ...hosts].join('\n');
    })
    .join('\n\n') + '\n';
}
