// Where a paged response sits in the whole result, and how a fetch-all is
// going: the values the shell hands the response pane, and their wording.
import { formatCount } from './responseSummary.js';

export interface PagingInfo {
  /** 1-based number of the first item on this page */
  firstItem: number;
  /** 1-based number of the last item on this page (below firstItem for an empty page) */
  lastItem: number;
  total?: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

export interface FetchAllProgress {
  items: number;
  total?: number;
  ratePerSec: number;
  /** where the items are streamed, when the result is large */
  file?: string;
  done: boolean;
  error?: string;
}

export type PageDirection = 'next' | 'previous' | 'all';

/** "items 101-200 of 5,312" */
export function pagingText(p: PagingInfo): string {
  if (p.lastItem < p.firstItem) return p.total !== undefined ? `no items on this page (${formatCount(p.total)} in all)` : 'no items';
  const of = p.total !== undefined ? ` of ${formatCount(p.total)}` : '';
  return `items ${formatCount(p.firstItem)}-${formatCount(p.lastItem)}${of}`;
}

/** Whether fetching every page would fetch more than is shown. */
export function canFetchAll(p: PagingInfo): boolean {
  return p.hasNext || p.hasPrevious;
}

/** "[ prev  ] next  A all", for the keys that apply. */
export function pagingHints(p: PagingInfo): string {
  const hints: string[] = [];
  if (p.hasPrevious) hints.push('[ prev');
  if (p.hasNext) hints.push('] next');
  if (canFetchAll(p)) hints.push('A all');
  return hints.join('  ');
}

/** A bar of `width` cells, filled in proportion (0..1). */
export function progressBar(fraction: number, width: number): string {
  const w = Math.max(0, width);
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const full = Math.round(f * w);
  return '█'.repeat(full) + '░'.repeat(w - full);
}

export interface FetchAllText {
  /** "1,200/5,312 items · 850/s → hosts.json" */
  text: string;
  /** fraction done, when the total is known */
  fraction?: number;
  state: 'running' | 'done' | 'failed';
}

export function fetchAllText(f: FetchAllProgress): FetchAllText {
  const count = f.total !== undefined ? `${formatCount(f.items)}/${formatCount(f.total)} items` : `${formatCount(f.items)} items`;
  const target = f.file ? ` → ${f.file}` : '';
  if (f.error) return { text: `fetch all stopped after ${count}: ${f.error}`, state: 'failed' };
  if (f.done) return { text: `fetched ${count}${target}`, state: 'done' };
  const rate = `${formatCount(Math.round(f.ratePerSec))}/s`;
  return {
    text: `${count} · ${rate}${target} · Esc cancels`,
    fraction: f.total ? f.items / f.total : undefined,
    state: 'running',
  };
}
