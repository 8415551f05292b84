// Remediation details (the fix's name, what to do, links) from the
// remediation entities call, by id, 400 ids per call.
import { apiErrorOf } from '../api/apiError.js';
import { envelopeOf, type ApiCaller } from '../http/types.js';
import { chunks } from '../wizards/hostRecords.js';

export const REMEDIATIONS_PATH = '/spotlight/entities/remediations/v2';
const CHUNK = 400;

export interface Remediation {
  id: string;
  /** the fix's name, e.g. "Update Google Chrome" */
  title: string;
  action: string;
  /** a KB number, a version */
  reference: string;
  links: string[];
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function toRemediation(raw: unknown): Remediation | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const id = text(r.id);
  if (!id) return undefined;
  const links = [...new Set([text(r.link), text(r.vendor_url)].filter((l) => /^https?:\/\//i.test(l)))];
  return { id, title: text(r.title) || text(r.action) || id, action: text(r.action), reference: text(r.reference), links };
}

/** Details by id; ids the API does not know are left out (it answers 404 only when it knows none). */
export async function fetchRemediations(caller: ApiCaller, ids: readonly string[], signal?: AbortSignal): Promise<Map<string, Remediation>> {
  const out = new Map<string, Remediation>();
  for (const part of chunks([...new Set(ids)], CHUNK)) {
    const res = await caller.request({ method: 'GET', path: REMEDIATIONS_PATH, query: part.map((id) => ['ids', id] as const), signal });
    if (res.status === 404) continue;
    if (res.status < 200 || res.status >= 300) throw await apiErrorOf(res, 'GET', REMEDIATIONS_PATH);
    const found = envelopeOf(res)?.resources;
    for (const raw of Array.isArray(found) ? found : []) {
      const r = toRemediation(raw);
      if (r) out.set(r.id, r);
    }
  }
  return out;
}
