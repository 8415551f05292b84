// The shell's vulnerabilities view as one pure reducer: the preset chooser,
// the search, the grouped table (by CVE or by host, toggled without a new
// search), the cursor, remediation details fetched on demand for the row
// under the cursor, and the ticket preview. The Ink view only dispatches.
import type { Preset } from '../presets.js';
import type { GroupBy, VulnGroup } from '../grouping.js';
import type { Remediation } from '../remediations.js';
import type { WalkProgress } from '../walk.js';
import { parseTypedPresets } from './typedPresets.js';

export interface ShellPreset {
  label: string;
  presets: Preset[];
}

/** The command's presets that need no argument, plus the usual ages and "everything open". */
export const SHELL_PRESETS: readonly ShellPreset[] = [
  { label: 'Critical or high with a known exploit (critical-exploited)', presets: [{ kind: 'critical-exploited' }] },
  { label: "On CISA's Known Exploited Vulnerabilities list (kev)", presets: [{ kind: 'kev' }] },
  { label: 'Critical or high with an exploit, and on KEV', presets: [{ kind: 'critical-exploited' }, { kind: 'kev' }] },
  { label: 'Found more than 30 days ago (open-days:30)', presets: [{ kind: 'open-days', days: 30 }] },
  { label: 'Found more than 90 days ago (open-days:90)', presets: [{ kind: 'open-days', days: 90 }] },
  { label: 'Every open vulnerability', presets: [] },
];

export interface LoadedVulns {
  filter: string;
  records: number;
  byCve: VulnGroup[];
  byHost: VulnGroup[];
}

export type VulnStep = 'presets' | 'loading' | 'table' | 'ticket';

export interface VulnViewState {
  step: VulnStep;
  /** a row of SHELL_PRESETS, or SHELL_PRESETS.length: the typed presets field */
  presetCursor: number;
  /** the typed presets (cve:…, group:…, open-days:N, …) */
  typed: string;
  typedError?: string;
  /** what the search ran with */
  chosen?: ShellPreset;
  /** bumped per search, so a retry is a new effect */
  search: number;
  progress?: WalkProgress;
  failure?: string;
  loaded?: LoadedVulns;
  by: GroupBy;
  /** the row under the cursor, per grouping (toggling keeps each) */
  cursor: Record<GroupBy, number>;
  /** remediation details by id, as fetched */
  remediations: Readonly<Record<string, Remediation>>;
  /** ids asked for that the API did not know, or whose fetch failed */
  unknown: Readonly<Record<string, true>>;
  remediationFailure?: string;
  ticketScroll: number;
}

export type VulnViewAction =
  | { type: 'presetMove'; delta: number }
  | { type: 'choose'; index?: number }
  | { type: 'type'; text: string }
  | { type: 'progress'; progress: WalkProgress }
  | { type: 'loaded'; loaded: LoadedVulns }
  | { type: 'failed'; message: string }
  | { type: 'retry' }
  | { type: 'toggleBy' }
  | { type: 'move'; delta: number }
  | { type: 'moveTo'; index: number }
  | { type: 'remediations'; asked: readonly string[]; found: readonly Remediation[] }
  | { type: 'remediationsFailed'; asked: readonly string[]; message: string }
  | { type: 'openTicket' }
  | { type: 'scrollTicket'; delta: number; max: number }
  | { type: 'presets' }
  | { type: 'back' };

export function initialVulnViewState(): VulnViewState {
  return { step: 'presets', presetCursor: 0, typed: '', search: 0, by: 'cve', cursor: { cve: 0, host: 0 }, remediations: {}, unknown: {}, ticketScroll: 0 };
}

export function groupsOf(s: VulnViewState): readonly VulnGroup[] {
  if (!s.loaded) return [];
  return s.by === 'cve' ? s.loaded.byCve : s.loaded.byHost;
}

export function currentGroup(s: VulnViewState): VulnGroup | undefined {
  return groupsOf(s)[s.cursor[s.by]];
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/** What "back" means from each step; undefined: the view closes. */
function back(s: VulnViewState): VulnViewState | undefined {
  switch (s.step) {
    case 'ticket':
      return { ...s, step: 'table', ticketScroll: 0 };
    case 'table':
    case 'loading':
      return { ...s, step: 'presets', progress: undefined, failure: undefined };
    case 'presets':
      return undefined;
  }
}

/** true when Esc at this state closes the whole view. */
export function backCloses(s: VulnViewState): boolean {
  return back(s) === undefined;
}

export function reduceVulnView(s: VulnViewState, a: VulnViewAction): VulnViewState {
  switch (a.type) {
    case 'presetMove':
      return s.step === 'presets' ? { ...s, presetCursor: clamp(s.presetCursor + a.delta, 0, SHELL_PRESETS.length) } : s;
    case 'type':
      return { ...s, typed: a.text, typedError: undefined };
    case 'choose': {
      if (s.step !== 'presets') return s;
      const index = a.index ?? s.presetCursor;
      let chosen = SHELL_PRESETS[index];
      if (index === SHELL_PRESETS.length) {
        try {
          chosen = { label: s.typed.trim(), presets: parseTypedPresets(s.typed) };
        } catch (e) {
          return { ...s, presetCursor: index, typedError: (e as Error).message };
        }
      }
      if (!chosen) return s;
      return { ...s, step: 'loading', chosen, presetCursor: index, typedError: undefined, search: s.search + 1, progress: undefined, failure: undefined, loaded: undefined, cursor: { cve: 0, host: 0 } };
    }
    case 'progress':
      return s.step === 'loading' ? { ...s, progress: a.progress } : s;
    case 'loaded':
      return s.step === 'loading' ? { ...s, step: 'table', loaded: a.loaded, cursor: { cve: 0, host: 0 } } : s;
    case 'failed':
      return s.step === 'loading' ? { ...s, failure: a.message } : s;
    case 'retry':
      if (s.step === 'loading' && s.failure) return { ...s, failure: undefined, progress: undefined, search: s.search + 1 };
      if (s.remediationFailure) return { ...s, remediationFailure: undefined, unknown: {} };
      return s;
    case 'toggleBy':
      return s.step === 'table' ? { ...s, by: s.by === 'cve' ? 'host' : 'cve' } : s;
    case 'move':
      return moveTo(s, s.cursor[s.by] + a.delta);
    case 'moveTo':
      return moveTo(s, a.index);
    case 'remediations': {
      const remediations = { ...s.remediations };
      for (const r of a.found) remediations[r.id] = r;
      const unknown = { ...s.unknown };
      for (const id of a.asked) if (!remediations[id]) unknown[id] = true;
      return { ...s, remediations, unknown };
    }
    case 'remediationsFailed': {
      // Marked as asked, so the view does not ask again until a retry.
      const unknown = { ...s.unknown };
      for (const id of a.asked) unknown[id] = true;
      return { ...s, unknown, remediationFailure: a.message };
    }
    case 'openTicket':
      return s.step === 'table' && currentGroup(s) ? { ...s, step: 'ticket', ticketScroll: 0 } : s;
    case 'scrollTicket':
      return s.step === 'ticket' ? { ...s, ticketScroll: clamp(s.ticketScroll + a.delta, 0, Math.max(0, a.max)) } : s;
    case 'presets':
      return s.step === 'table' ? { ...s, step: 'presets' } : s;
    case 'back':
      return back(s) ?? s;
  }
}

function moveTo(s: VulnViewState, index: number): VulnViewState {
  if (s.step !== 'table') return s;
  const n = groupsOf(s).length;
  if (n === 0) return s;
  return { ...s, cursor: { ...s.cursor, [s.by]: clamp(index, 0, n - 1) } };
}

/** The remediation ids a group refers to (a host's, over its vulnerabilities; at most `cap`). */
export function remediationIdsOf(g: VulnGroup, cap = 50): string[] {
  const ids = new Set<string>(g.kind === 'cve' ? g.remediationIds : g.vulns.flatMap((v) => v.remediationIds));
  return [...ids].slice(0, cap);
}

export type VulnViewEffect =
  | { kind: 'search'; search: number; presets: Preset[] }
  | { kind: 'remediations'; ids: string[] };

/** The one thing the view needs from the tenant now, if any. */
export function nextVulnEffect(s: VulnViewState): VulnViewEffect | undefined {
  if (s.step === 'loading' && !s.failure && s.chosen) {
    return { kind: 'search', search: s.search, presets: s.chosen.presets };
  }
  if (s.step === 'table' || s.step === 'ticket') {
    const g = currentGroup(s);
    if (!g) return undefined;
    const ids = remediationIdsOf(g).filter((id) => !s.remediations[id] && !s.unknown[id]);
    if (ids.length) return { kind: 'remediations', ids };
  }
  return undefined;
}

export function vulnEffectKey(e: VulnViewEffect | undefined): string {
  if (!e) return 'none';
  return e.kind === 'search' ? `search:${e.search}` : `rem:${e.ids.join(',')}`;
}
