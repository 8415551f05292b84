// Fault injection: a fraction of API calls fail with 5xx, come in 429 bursts,
// answer slowly, or lose their connection. Decisions come from a seeded PRNG,
// so a given seed replays the same sequence of faults.
import { Random } from './random.js';

export interface FaultOptions {
  /** probability that a call answers with one of `errorStatuses` */
  errorRate?: number;
  /** statuses used for injected errors (default 500, 502, 503) */
  errorStatuses?: number[];
  /** probability that a 429 burst starts on a call */
  rateLimitRate?: number;
  /** how many consecutive calls a 429 burst covers (default 3) */
  rateLimitBurst?: number;
  /** probability that a call is delayed by `slowMs` */
  slowRate?: number;
  slowMs?: number;
  /** probability that the connection is dropped without an answer */
  dropRate?: number;
  /** PRNG seed for fault decisions (default 7) */
  seed?: number;
  /** only paths starting with one of these are affected (default: all but /oauth2/) */
  paths?: string[];
  /** the first N affected calls pass untouched (holds, say, the second batch of a run deterministically) */
  after?: number;
}

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'error'; status: number }
  | { kind: 'rate-limit' }
  | { kind: 'slow'; ms: number }
  | { kind: 'drop' };

const SPEC_HELP =
  'Use comma-separated items such as 5xx=0.1, 500=0.05, 429=0.05x3, slow=0.1@1500, drop=0.02, seed=7, path=/devices/, after=1.';

/** Parses a `--faults` spec such as "5xx=0.1,429=0.05x3,slow=0.1@1500,drop=0.02". */
export function parseFaultSpec(spec: string): FaultOptions {
  const out: FaultOptions = {};
  const statuses: number[] = [];
  for (const raw of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z0-9]+)=([^@x]+)(?:x(\d+))?(?:@(\d+))?$/i.exec(raw);
    const pathMatch = /^path=(\/.*)$/.exec(raw);
    if (pathMatch) {
      out.paths = [...(out.paths ?? []), pathMatch[1] as string];
      continue;
    }
    if (!m) throw new Error(`Invalid fault '${raw}'. ${SPEC_HELP}`);
    const [, kind = '', value = '', burst, ms] = m;
    const p = Number(value);
    if (kind === 'seed') {
      out.seed = Number(value);
      continue;
    }
    if (kind === 'after') {
      if (!/^\d+$/.test(value)) throw new Error(`Invalid fault '${raw}': after takes a whole number of calls. ${SPEC_HELP}`);
      out.after = Number(value);
      continue;
    }
    if (!(p >= 0 && p <= 1)) throw new Error(`Invalid fault '${raw}': the probability must be between 0 and 1. ${SPEC_HELP}`);
    if (kind === '5xx') {
      out.errorRate = (out.errorRate ?? 0) + p;
    } else if (/^5\d\d$/.test(kind)) {
      out.errorRate = (out.errorRate ?? 0) + p;
      statuses.push(Number(kind));
    } else if (kind === '429') {
      out.rateLimitRate = p;
      if (burst) out.rateLimitBurst = Number(burst);
    } else if (kind === 'slow') {
      out.slowRate = p;
      out.slowMs = ms ? Number(ms) : 1000;
    } else if (kind === 'drop') {
      out.dropRate = p;
    } else {
      throw new Error(`Unknown fault kind '${kind}'. ${SPEC_HELP}`);
    }
  }
  if (statuses.length) out.errorStatuses = statuses;
  return out;
}

export class FaultInjector {
  private readonly rng: Random;
  private burstLeft = 0;
  private passed = 0;

  constructor(private readonly options: FaultOptions) {
    this.rng = new Random(options.seed ?? 7);
  }

  get enabled(): boolean {
    const o = this.options;
    return Boolean(o.errorRate || o.rateLimitRate || o.slowRate || o.dropRate);
  }

  decide(path: string): FaultDecision {
    const o = this.options;
    if (!this.enabled) return { kind: 'none' };
    const applies = o.paths ? o.paths.some((p) => path.startsWith(p)) : !path.startsWith('/oauth2/');
    if (!applies) return { kind: 'none' };
    if (this.passed < (o.after ?? 0)) {
      this.passed++;
      return { kind: 'none' };
    }
    if (this.burstLeft > 0) {
      this.burstLeft--;
      return { kind: 'rate-limit' };
    }
    if (o.dropRate && this.rng.chance(o.dropRate)) return { kind: 'drop' };
    if (o.errorRate && this.rng.chance(o.errorRate)) {
      return { kind: 'error', status: this.rng.pick(o.errorStatuses ?? [500, 502, 503]) };
    }
    if (o.rateLimitRate && this.rng.chance(o.rateLimitRate)) {
      this.burstLeft = Math.max(0, (o.rateLimitBurst ?? 3) - 1);
      return { kind: 'rate-limit' };
    }
    if (o.slowRate && this.rng.chance(o.slowRate)) return { kind: 'slow', ms: o.slowMs ?? 1000 };
    return { kind: 'none' };
  }
}
