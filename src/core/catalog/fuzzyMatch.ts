// Matching one query term against one name (a path, an operation id, a
// collection). Tuned for API names rather than general text: a term found
// whole at a word start beats one found inside a word, which beats letters
// picked out as an acronym ("qdbf" for queryDevicesByFilter). Prepared texts
// carry a letter mask so that most names are rejected without a scan.

export interface PreparedText {
  text: string;
  lower: string;
  /** bit i set when letter i (a–z) occurs; digits share bit 26; -1 until first used */
  mask: number;
  /** 1 at each index where a word starts; filled in on first use (see startsOf) */
  starts: Uint8Array | undefined;
}

export interface TermMatch {
  score: number;
  /** matched character indexes, ascending */
  positions: number[];
}

/** Scores of a term found as a substring: a whole word, a word's start, or inside a word. */
const SUBSTRING = { word: 1, start: 0.85, inside: 0.6 } as const;
/** Acronym-style matches score between these, by the share of letters at word starts or adjacent to the previous one. */
const SUBSEQUENCE_MIN = 0.25;
const SUBSEQUENCE_SPAN = 0.35;
/** Below this an acronym-style match is letters scattered at random. */
export const MIN_SCORE = 0.38;

export function letterMask(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) mask |= 1 << 26;
  }
  return mask;
}

/** Cheap on purpose: start-up prepares thousands of names; masks and word starts are filled in on first use. */
export function prepareText(text: string): PreparedText {
  return { text, lower: text.toLowerCase(), mask: -1, starts: undefined };
}

/**
 * Word starts: after punctuation or at the text's start, at a camelCase hump,
 * where letters and digits meet. Computed on first use: start-up prepares
 * thousands of names, and most are never matched.
 */
function startsOf(target: PreparedText): Uint8Array {
  if (target.starts) return target.starts;
  const { text } = target;
  const starts = new Uint8Array(text.length + 1);
  let prev = 0;
  for (let i = 0; i < text.length; i++) {
    const kind = charKind(text.charCodeAt(i));
    if (kind !== 0 && (prev === 0 || (kind === UPPER && prev === LOWER) || (kind === DIGIT) !== (prev === DIGIT))) starts[i] = 1;
    prev = kind;
  }
  starts[text.length] = 1;
  target.starts = starts;
  return starts;
}

/** Where scoreTerm found its substring (-1: picked letters instead); read straight after a call. */
let lastSubstringAt = -1;

/**
 * How well `term` (lower case, no spaces) matches `target`: -1 when its letters
 * do not even occur in order. Acronym-style matches may score under MIN_SCORE:
 * callers drop those, but a longer term can only match where this one at least
 * occurred, which lets a search narrow as the user types. `termMask` is
 * letterMask(term). Allocates nothing: it runs over the whole catalog per keystroke.
 */
export function scoreTerm(term: string, termMask: number, target: PreparedText): number {
  if (target.mask === -1) target.mask = letterMask(target.lower);
  if ((termMask & target.mask) !== termMask) return -1;
  const { lower } = target;
  const end = term.length;
  const first0 = lower.indexOf(term);
  if (first0 === -1 && end < 2) return -1;
  const starts = startsOf(target);
  let first = -1;
  let best = -1;
  let bestScore = 0;
  for (let at = first0; at !== -1; at = lower.indexOf(term, at + 1)) {
    if (first === -1) first = at;
    if (starts[at] !== 1) continue;
    const score = starts[at + end] === 1 || !isAlnum(lower.charCodeAt(at + end)) ? SUBSTRING.word : SUBSTRING.start;
    if (score > bestScore) {
      best = at;
      bestScore = score;
      if (score === SUBSTRING.word) break;
    }
  }
  if (best === -1 && first !== -1) {
    best = first;
    bestScore = SUBSTRING.inside;
  }
  lastSubstringAt = best;
  // A little earlier is a little better (a path's first segments name the resource), and so is covering more of a shorter name.
  if (best !== -1) return bestScore - Math.min(0.05, best * 0.001) + coverage(term, target);
  if (end < 2) return -1;
  let good = pickLetters(term, target, true, null);
  if (good < 0) good = pickLetters(term, target, false, null);
  return good < 0 ? -1 : SUBSEQUENCE_MIN + (SUBSEQUENCE_SPAN * good) / end + coverage(term, target);
}

/** scoreTerm with the matched positions; undefined when the letters do not occur in order. */
export function matchTerm(term: string, termMask: number, target: PreparedText): TermMatch | undefined {
  const score = scoreTerm(term, termMask, target);
  if (score < 0) return undefined;
  if (lastSubstringAt >= 0) return { score, positions: range(lastSubstringAt, term.length) };
  let positions: number[] = [];
  if (pickLetters(term, target, true, positions) < 0) pickLetters(term, target, false, (positions = []));
  return { score, positions };
}

function coverage(term: string, target: PreparedText): number {
  return (0.04 * term.length) / Math.max(term.length, target.text.length);
}

const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;

function charKind(c: number): number {
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 48 && c <= 57) return DIGIT;
  return 0;
}

function isAlnum(c: number): boolean {
  return charKind(c) !== 0;
}

function range(from: number, length: number): number[] {
  return Array.from({ length }, (_, i) => from + i);
}

/**
 * Picks the term's letters in order, preferring word starts; returns how many
 * sit at a word start or right after the previous one, or -1. Jumping to word
 * starts can skip a letter a later one needs: callers then retry without.
 * Writes the positions into `positions` when given.
 */
function pickLetters(term: string, target: PreparedText, preferStarts: boolean, positions: number[] | null): number {
  const { lower } = target;
  const starts = startsOf(target);
  let good = 0;
  let prev = -2;
  for (let t = 0; t < term.length; t++) {
    const c = term.charCodeAt(t);
    const from = prev < 0 ? 0 : prev + 1;
    let at = -1;
    if (prev >= 0 && lower.charCodeAt(from) === c) at = from;
    else {
      if (preferStarts) {
        for (let i = from; i < lower.length; i++) {
          if (starts[i] === 1 && lower.charCodeAt(i) === c) {
            at = i;
            break;
          }
        }
      }
      if (at === -1) at = lower.indexOf(term[t] as string, from);
    }
    if (at === -1) return -1;
    if (at === prev + 1 || starts[at] === 1) good++;
    positions?.push(at);
    prev = at;
  }
  return good;
}
