// Endpoint search over path, operation id, collection (fuzzyMatch.ts) and
// summary (whole words first), plus intents (searchIntents.ts) so that words
// the API does not use still find the right call, and priors (catalogIndex.ts)
// so that the current, usual entry point comes first. Every term must match.
// A query starting with `/` is a path prefix. Results carry matched positions.
import { catalogIndex, type CatalogIndex, type IndexEntry } from './catalogIndex.js';
import { letterMask, matchTerm, MIN_SCORE, scoreTerm, type PreparedText } from './fuzzyMatch.js';
import { intentApplies, SEARCH_INTENTS, type SearchIntent } from './searchIntents.js';
import { findOperationsById } from './findOperation.js';
import type { Catalog, CatalogOperation } from './types.js';

export interface SearchMatch {
  operation: CatalogOperation;
  /** higher is better; only comparable within one search */
  score: number;
  /** matched character positions in `operation.path`, ascending */
  pathPositions: number[];
  /** matched positions in `operation.operationId` */
  operationIdPositions: number[];
  /** matched positions in `operation.collection` */
  collectionPositions: number[];
  /** matched positions in `operation.summary` */
  summaryPositions: number[];
}

export interface SearchOptions {
  /** at most this many results; 0 for all (default 50) */
  limit?: number;
}

/** How much a name match counts: path, operation id, collection. */
const NAME_WEIGHTS = [1, 0.95, 0.9] as const;
/** A term found in the summary: as a whole word, at a word's start, or inside a word. */
const SUMMARY_SCORES = { word: 0.75, start: 0.7, inside: 0.4 } as const;

export function searchCatalog(catalog: Catalog, query: string, options: SearchOptions = {}): SearchMatch[] {
  const index = catalogIndex(catalog);
  const limit = options.limit ?? 50;
  const q = query.trim();
  if (q === '') return (limit > 0 ? index.entries.slice(0, limit) : index.entries).map((e) => emptyMatch(e, 0));
  if (q.startsWith('/')) {
    const matches = searchPath(index, q, limit);
    return limit > 0 ? matches.slice(0, limit) : matches;
  }
  const terms = [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))];
  const fuzzy = rankByTerms(index, terms, limit).map((r) => withPositions(r.entry, r.score, terms));
  // An operation's own name (talon's or the published definition's) comes before anything fuzzy.
  const named = terms.length === 1 ? findOperationsById(catalog, q) : [];
  if (named.length === 0) return fuzzy;
  const top = Math.max(1, ...fuzzy.map((m) => m.score));
  const first = named.map((op) => {
    const entry = index.entries.find((e) => e.op === op) as IndexEntry;
    return { ...emptyMatch(entry, top * 2), operationIdPositions: op.operationId.toLowerCase() === q.toLowerCase() ? [...op.operationId].map((_, i) => i) : [] };
  });
  const rest = fuzzy.filter((m) => !named.includes(m.operation));
  const all = [...first, ...rest];
  return limit > 0 ? all.slice(0, limit) : all;
}

function emptyMatch(e: IndexEntry, score: number): SearchMatch {
  return { operation: e.op, score, pathPositions: [], operationIdPositions: [], collectionPositions: [], summaryPositions: [] };
}

interface Ranked {
  entry: IndexEntry;
  score: number;
}

/** The best `limit` (0: all) operations matching every term, by letters, summary words or intent. */
function rankByTerms(index: CatalogIndex, terms: readonly string[], limit: number): Ranked[] {
  const perTerm = terms.map((term) => termScores(index, term));
  // Walk the shortest list of matches; every other term must match too.
  const driver = perTerm.reduce((a, b) => (b.members.length < a.members.length ? b : a));
  const ranked = new TopList(limit);
  for (const n of driver.members) {
    let score = 1;
    for (const t of perTerm) {
      score *= t.scores[n] as number;
      if (score === 0) break;
    }
    if (score === 0) continue;
    const entry = index.entries[n] as IndexEntry;
    ranked.add({ entry, score: score * entry.prior });
  }
  return ranked.sorted();
}

/** Keeps the best `limit` results (all when 0) without sorting everything on every keystroke. */
class TopList {
  readonly #items: Ranked[] = [];
  constructor(readonly limit: number) {}

  add(r: Ranked): void {
    const items = this.#items;
    if (this.limit === 0) {
      items.push(r);
      return;
    }
    if (items.length === this.limit && !before(r, items[items.length - 1] as Ranked)) return;
    let i = items.length;
    while (i > 0 && before(r, items[i - 1] as Ranked)) i--;
    items.splice(i, 0, r);
    if (items.length > this.limit) items.pop();
  }

  sorted(): Ranked[] {
    return this.limit === 0 ? this.#items.sort((a, b) => (before(a, b) ? -1 : 1)) : this.#items;
  }
}

/** Higher score first; ties in catalog order (by path). */
function before(a: Ranked, b: Ranked): boolean {
  return a.score > b.score || (a.score === b.score && a.entry.n < b.entry.n);
}

interface TermScores {
  /** by operation number; 0 where the term does not match */
  scores: Float64Array;
  /** the operations it matches */
  members: readonly number[];
}

interface TermCache extends TermScores {
  /** operations where the term's letters at least occur: a longer term can only match among these */
  candidates: readonly number[];
}

/** Recent terms per index: typing extends a term, so each keystroke searches the previous one's candidates. */
const recent = new WeakMap<CatalogIndex, Map<string, TermCache>>();
const RECENT_TERMS = 32;

/** How well one term matches each operation: the best of its name, summary and intent matches. */
function termScores(index: CatalogIndex, term: string): TermScores {
  let cache = recent.get(index);
  if (!cache) recent.set(index, (cache = new Map()));
  let found = cache.get(term);
  if (!found) {
    let base: TermCache | undefined;
    for (const [t, c] of cache) if (term.startsWith(t) && (!base || c.candidates.length < base.candidates.length)) base = c;
    found = letterScores(index, term, base?.candidates);
    cache.set(term, found);
    if (cache.size > RECENT_TERMS) cache.delete(cache.keys().next().value as string);
  }
  const intents = SEARCH_INTENTS.filter((intent) => intentApplies(intent, term));
  if (intents.length === 0) return found;
  const scores = Float64Array.from(found.scores);
  const members = [...found.members];
  for (const intent of intents) {
    for (const [n, weight] of intentTargets(index, intent)) {
      const had = scores[n] as number;
      if (had === 0) members.push(n);
      if (had < weight) scores[n] = weight;
    }
  }
  return { scores, members };
}

function letterScores(index: CatalogIndex, term: string, within: readonly number[] | undefined): TermCache {
  const mask = letterMask(term);
  const candidates: number[] = [];
  const members: number[] = [];
  const scores = new Float64Array(index.entries.length);
  const count = within ? within.length : index.entries.length;
  for (let i = 0; i < count; i++) {
    const n = within ? (within[i] as number) : i;
    const e = index.entries[n] as IndexEntry;
    let occurs = false;
    let best = 0;
    for (let k = 0; k < 3; k++) {
      const score = scoreTerm(term, mask, e.names[k] as PreparedText);
      if (score < 0) continue;
      occurs = true;
      if (score >= MIN_SCORE) best = Math.max(best, score * (NAME_WEIGHTS[k] as number));
    }
    const word = wordScore(e.summary, term);
    if (word > 0) {
      occurs = true;
      best = Math.max(best, word);
    }
    if (!occurs) continue;
    candidates.push(n);
    if (best > 0) {
      members.push(n);
      scores[n] = best;
    }
  }
  return { candidates, members, scores };
}

/** findWord's score, without allocating. */
function wordScore(text: string, term: string): number {
  let score = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) {
      if (!isWordChar(text.charCodeAt(at + term.length))) return SUMMARY_SCORES.word;
      score = SUMMARY_SCORES.start;
    } else if (score === 0) score = SUMMARY_SCORES.inside;
  }
  return score;
}

/** Where `term` occurs in `text` (lower case), preferring a whole word, then a word's start. */
function findWord(text: string, term: string): { at: number; kind: keyof typeof SUMMARY_SCORES } | undefined {
  let first: number | undefined;
  let start: number | undefined;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    first ??= at;
    if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) {
      if (!isWordChar(text.charCodeAt(at + term.length))) return { at, kind: 'word' };
      start ??= at;
    }
  }
  if (start !== undefined) return { at: start, kind: 'start' };
  return first === undefined ? undefined : { at: first, kind: 'inside' };
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

const intentCache = new WeakMap<CatalogIndex, Map<SearchIntent, Map<number, number>>>();

/** Operation number → weight, for the operations an intent points at (computed once per index). */
function intentTargets(index: CatalogIndex, intent: SearchIntent): Map<number, number> {
  let perIndex = intentCache.get(index);
  if (!perIndex) intentCache.set(index, (perIndex = new Map()));
  let targets = perIndex.get(intent);
  if (!targets) {
    targets = new Map();
    for (const e of index.entries) {
      let w = 0;
      for (const t of intent.targets) if (t.test(e.op)) w = Math.max(w, t.weight);
      if (w > 0) targets.set(e.n, w);
    }
    perIndex.set(intent, targets);
  }
  return targets;
}

/** A result with the matched positions of each term (computed only for the results returned). */
function withPositions(e: IndexEntry, score: number, terms: readonly string[]): SearchMatch {
  const names = [new Set<number>(), new Set<number>(), new Set<number>()] as const;
  const summary = new Set<number>();
  for (const term of terms) {
    const mask = letterMask(term);
    e.names.forEach((name, k) => {
      const r = matchTerm(term, mask, name);
      if (r && r.score >= MIN_SCORE) for (const i of r.positions) names[k]?.add(i);
    });
    const found = findWord(e.summary, term);
    if (found) for (let i = found.at; i < found.at + term.length; i++) summary.add(i);
  }
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return {
    operation: e.op,
    score,
    pathPositions: sorted(names[0]),
    operationIdPositions: sorted(names[1]),
    collectionPositions: sorted(names[2]),
    summaryPositions: sorted(summary),
  };
}

/** `/devices/en`: operations whose path starts so (case-insensitive), shortest and current first; the best `limit` (0: all). */
function searchPath(index: CatalogIndex, q: string, limit: number): SearchMatch[] {
  const prefix = q.toLowerCase();
  // Ranked before any match is built: a short prefix (`/`) matches every operation, and each keystroke searches again.
  const hits: { e: IndexEntry; score: number }[] = [];
  for (const e of index.entries) {
    if (e.names[0].lower.startsWith(prefix)) hits.push({ e, score: e.prior / (1 + (e.op.path.length - prefix.length) / 100) });
  }
  if (hits.length > 0) {
    const all = Array.from({ length: prefix.length }, (_, i) => i);
    hits.sort((a, b) => b.score - a.score || compare(a.e.op.path, b.e.op.path));
    return (limit > 0 ? hits.slice(0, limit) : hits).map(({ e, score }) => ({ ...emptyMatch(e, score), pathPositions: all }));
  }
  // No path starts so (a typo, a missing segment): the path's letters in order.
  const term = prefix.replace(/\s+/g, '');
  const mask = letterMask(term);
  const matches: SearchMatch[] = [];
  for (const e of index.entries) {
    const r = matchTerm(term, mask, e.names[0]);
    if (r && r.score >= MIN_SCORE) matches.push({ ...emptyMatch(e, r.score * e.prior), pathPositions: r.positions });
  }
  return matches.sort((a, b) => b.score - a.score || compare(a.operation.path, b.operation.path));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
