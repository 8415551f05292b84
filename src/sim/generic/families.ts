// Families of generic operations: a query operation returns ids that the
// family's entities operation resolves, and a combined operation pages the same
// records. The family is the service (first path segment) plus the resource
// noun after queries/entities/combined. Ids are computed from the family and an
// index, never stored, so a family of any size costs no memory: an id carries
// its index (masked) and a check value, and membership is a few hash steps.
import { hashString } from './seed.js';

const MARKERS = new Set(['queries', 'entities', 'combined', 'aggregates']);

export interface Family {
  key: string;
  /** the resource noun, singular (`device`, `rule-group`) */
  noun: string;
  /** how many records the family holds in this tenant */
  size: number;
}

/** The family of a path template: `/policy/queries/prevention/v1` → `policy/prevention`. */
export function familyKey(path: string): { key: string; noun: string } {
  const segments = path.split('/').filter((s) => s !== '' && !/^v\d+$/.test(s) && s !== 'GET' && !s.startsWith('{'));
  const at = segments.findIndex((s) => MARKERS.has(s));
  const noun = singular(at >= 0 ? (segments[at + 1] ?? segments[0] ?? '') : (segments.at(-1) ?? ''));
  const service = segments[0] ?? '';
  return { key: at >= 0 ? `${service}/${noun}` : segments.join('/'), noun };
}

function singular(word: string): string {
  return word.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
}

/** A family's size: 12 to 60 records, times one per 500 hosts of the tenant. */
export function familySize(key: string, seed: number, hosts: number): number {
  return (12 + (hashString(`${seed}:size:${key}`) % 49)) * Math.max(1, Math.floor(hosts / 500));
}

export class FamilyIds {
  private readonly prefix: string;
  private readonly mask: number;

  constructor(
    readonly family: Family,
    private readonly seed: number,
  ) {
    const h1 = hashString(`${seed}:fam:${family.key}`);
    const h2 = hashString(`${family.key}:${seed}:fam`);
    this.prefix = hex8(h1) + hex8(h2);
    this.mask = hashString(`${seed}:mask:${family.key}`);
  }

  /** The id of record `index` (0-based): 32 hex characters. */
  id(index: number): string {
    return this.prefix + hex8((index ^ this.mask) >>> 0) + hex8(this.check(index));
  }

  /** The record index an id stands for, or undefined when it is not one of this family's. */
  indexOf(id: string): number | undefined {
    const s = id.toLowerCase();
    if (s.length !== 32 || !s.startsWith(this.prefix)) return undefined;
    const index = (Number.parseInt(s.slice(16, 24), 16) ^ this.mask) >>> 0;
    if (!(index < this.family.size) || hex8(this.check(index)) !== s.slice(24)) return undefined;
    return index;
  }

  private check(index: number): number {
    return hashString(`${this.seed}:${this.family.key}:${index}`);
  }
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
