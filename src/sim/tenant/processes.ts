// Processes each host ran, the hashes of their images, and the placement of
// the sample hashes and domains on several hosts.
import type { Random } from '../random.js';
import type { ProcessRecord } from './records/hosts.js';
import { TRAIT } from './hostColumns.js';
import type { HostMeta } from './meta.js';
import { accountOf } from './meta.js';
import { IMAGES, ONE_OFF_PATHS, SAMPLE_DOMAINS, SAMPLE_IMAGES } from './images.js';
import type { ImageSpec, SampleImage } from './images.js';
import { DAY, HOUR, MINUTE, Picker, SECOND, between, devicePath, fileTime, fill, hex, iso, sampleOf, streamRandom } from './util.js';

export interface Hashes {
  sha256: string;
  md5: string;
}

/** Process times are kept as seconds from here (2020-09-13), which keeps them within small-integer range until 2054. */
const EPOCH_S = 1_600_000_000;

/**
 * One process as the generators know it. Its wire record (ids, path and
 * command line, timestamps, FILETIMEs) is built on first read: generating
 * alerts reads a few tens of thousands of a big tenant's hundreds of
 * thousands; the process and sighting families read the rest when they are
 * first asked for. A catalogue image's path and command line are kept as
 * their templates and number until then.
 */
export class ProcEntry {
  private record: ProcessRecord | undefined;

  constructor(
    readonly meta: HostMeta,
    /** process_id_local */
    readonly localId: number,
    /** catalogue key of the image ("win:chrome", "sample:loader", ...) */
    readonly key: string,
    /** the path, or with `n` >= 0 its template ({user}) */
    private readonly pathText: string,
    /** the command line, or with `n` >= 0 its template ({path}, {user}, {n}) */
    private readonly commandText: string,
    /** the number a command-line template fills in as {n}; -1 when both texts are final */
    private readonly n: number,
    /** start and stop in whole seconds from EPOCH_S: small integers, kept in the object (a time in ms is a heap number of its own) */
    private readonly startS: number,
    private readonly stopS: number,
    readonly hashes: Hashes,
  ) {}

  get startMs(): number {
    return (this.startS + EPOCH_S) * SECOND;
  }

  get stopMs(): number {
    return (this.stopS + EPOCH_S) * SECOND;
  }

  get rec(): ProcessRecord {
    if (this.record === undefined) {
      const deviceId = this.meta.host.device_id;
      const localId = String(this.localId);
      let path = this.pathText;
      let commandLine = this.commandText;
      if (this.n >= 0) {
        const user = accountOf(this.meta);
        path = fill(path, { user });
        commandLine = fill(commandLine, { path, user, n: String(this.n) });
      }
      this.record = {
        device_id: deviceId,
        // joined rather than concatenated: one flat string instead of a rope
        process_id: ['pid:', deviceId, ':', localId].join(''),
        process_id_local: localId,
        file_name: devicePath(path),
        command_line: commandLine,
        start_timestamp: iso(this.startMs),
        start_timestamp_raw: fileTime(this.startMs),
        stop_timestamp: iso(this.stopMs),
        stop_timestamp_raw: fileTime(this.stopMs),
        _sha256: this.hashes.sha256,
        _md5: this.hashes.md5,
      };
    }
    return this.record;
  }
}

/**
 * An image's hash pair, a function of the seed and the image key alone, so the
 * sample hashes are known at start-up before any process is generated.
 */
export function imageHashes(seed: number, key: string): Hashes {
  const rng = streamRandom(seed, `image:${key}`);
  return { sha256: hex(rng, 64), md5: hex(rng, 32) };
}

/** Creates processes (in order: each draws its id after the host's last) and remembers one hash pair per image. */
export class ProcessFactory {
  /** every process, in creation order */
  private readonly entries: ProcEntry[] = [];
  private readonly hashes = new Map<string, Hashes>();

  /** `rng` draws process ids; hashes come from `seed` and the image key. */
  constructor(
    private readonly seed: number,
    private readonly rng: Random,
  ) {}

  hashesFor(key: string): Hashes {
    let h = this.hashes.get(key);
    if (!h) {
      h = imageHashes(this.seed, key);
      this.hashes.set(key, h);
    }
    return h;
  }

  /** With `n` >= 0, `path` and `commandLine` are templates filled in when the record is first read. */
  add(meta: HostMeta, key: string, path: string, commandLine: string, startMs: number, stopMs: number, n = -1): ProcEntry {
    const rng = this.rng;
    // Large ids that stay below 2^30, so they format fast.
    const local = (meta.lastPid || rng.int(100_000_000, 700_000_000)) + rng.int(1_000, 2_000_000);
    meta.lastPid = local;
    const start = Math.floor(startMs / SECOND);
    const stop = Math.max(start, Math.floor(stopMs / SECOND));
    const entry = new ProcEntry(meta, local, key, path, commandLine, n, start - EPOCH_S, stop - EPOCH_S, this.hashesFor(key));
    this.entries.push(entry);
    // The first process replaces the shared empty list every host starts with.
    if (meta.procs.length === 0) meta.procs = [entry];
    else meta.procs.push(entry);
    return entry;
  }

  /** Every process record by process_id, in creation order (call once every process is made). */
  records(): Map<string, ProcessRecord> {
    const out = new Map<string, ProcessRecord>();
    for (const e of this.entries) {
      const rec = e.rec;
      out.set(rec.process_id, rec);
    }
    return out;
  }
}

export type SampleKind = keyof typeof SAMPLE_IMAGES;

export interface SamplePlan {
  sha256: string[];
  md5: string[];
  domains: string[];
  sampleProcs: { kind: SampleKind; meta: HostMeta; entry: ProcEntry }[];
  resolutions: { domain: string; meta: HostMeta; entry: ProcEntry; atMs: number }[];
}

interface Pool {
  images: ImageSpec[];
  /** images that define the server role, always run */
  always: ImageSpec[];
  picker: Picker<ImageSpec>;
}

function poolFor(cache: Map<string, Pool>, meta: HostMeta): Pool {
  const cacheKey = `${meta.host.platform_name}|${meta.role}|${meta.serverRole?.key ?? ''}`;
  let pool = cache.get(cacheKey);
  if (!pool) {
    const images = IMAGES.filter(
      (img) =>
        img.platform === meta.host.platform_name &&
        img.roles.includes(meta.role) &&
        (!img.serverRoles || (meta.role === 'server' && img.serverRoles.includes(meta.serverRole?.key ?? ''))),
    );
    pool = { images, always: images.filter((i) => i.serverRoles !== undefined), picker: Picker.of(images) };
    cache.set(cacheKey, pool);
  }
  return pool;
}

/** A time the host was up: recent activity before its last check-in. */
function activeWindow(meta: HostMeta, spanMs: number): [number, number] {
  const hi = meta.lastSeenMs - MINUTE;
  const lo = Math.max(meta.firstSeenMs, meta.lastSeenMs - spanMs);
  return lo < hi ? [lo, hi] : [meta.firstSeenMs, meta.lastSeenMs];
}

function runImage(f: ProcessFactory, rng: Random, meta: HostMeta, img: ImageSpec): ProcEntry {
  // The path and command line are filled in when the process is first read (see ProcEntry).
  const cmd = rng.pick(img.cmds);
  const n = rng.int(1, 9999);
  const [lo, hi] = activeWindow(meta, img.service ? 30 * DAY : 7 * DAY);
  const start = between(rng, lo, hi);
  const stop = img.service ? meta.lastSeenMs : Math.min(meta.lastSeenMs, start + between(rng, 20 * SECOND, 8 * HOUR));
  return f.add(meta, img.key, img.path, cmd, start, stop, n);
}

function runSample(f: ProcessFactory, rng: Random, meta: HostMeta, img: SampleImage, long: boolean): ProcEntry {
  const path = fill(img.path, { user: accountOf(meta) });
  const [lo, hi] = activeWindow(meta, 10 * DAY);
  const start = between(rng, lo, hi);
  const stop = long ? meta.lastSeenMs : Math.min(meta.lastSeenMs, start + between(rng, MINUTE, 2 * HOUR));
  return f.add(meta, img.key, path, fill(img.cmd, { path, user: accountOf(meta) }), start, stop);
}

/** A pool: hosts with every bit of `all` among their traits (and passing `also`, asked only of those). */
interface PoolTest {
  all: number;
  also?: (m: HostMeta) => boolean;
}

/** k hosts from the first pool that has enough, falling back to wider pools. */
function pickHosts(rng: Random, metas: HostMeta[], traits: Uint8Array, k: number, tests: PoolTest[]): HostMeta[] {
  for (const { all, also } of tests) {
    const pool: HostMeta[] = [];
    for (let i = 0; i < metas.length; i++) {
      if (((traits[i] as number) & all) !== all) continue;
      const m = metas[i] as HostMeta;
      if (!also || also(m)) pool.push(m);
    }
    if (pool.length >= k) return sampleOf(rng, pool, k);
  }
  return sampleOf(rng, metas, k);
}

const BROWSERS = new Set(['win:chrome', 'win:msedge', 'mac:safari', 'mac:chrome']);

/** The process on a host that would have resolved a domain: a browser if any. */
function resolver(f: ProcessFactory, rng: Random, meta: HostMeta): ProcEntry {
  const list = meta.procs;
  const browsers = list.filter((e) => BROWSERS.has(e.key));
  const pick = browsers.length > 0 ? rng.pick(browsers) : list.length > 0 ? rng.pick(list) : undefined;
  if (pick) return pick;
  const img = IMAGES.find((i) => i.platform === meta.host.platform_name) as ImageSpec;
  return runImage(f, rng, meta, img);
}

/** Which hosts run the sample images and visit the sample domains. */
export interface SamplePlacement {
  runs: { kind: SampleKind; meta: HostMeta; long: boolean }[];
  /** Windows hosts that resolved the loader's domain without running it */
  extra: HostMeta[];
  /** workstations that opened the phishing page */
  phished: HostMeta[];
}

/**
 * Places the samples from host facts alone (its own stream, drawn at start-up):
 * the start-up banner names hosts that ran a sample before any process exists.
 */
export function placeSamples(rng: Random, metas: HostMeta[], traits: Uint8Array): SamplePlacement {
  const k = Math.min(metas.length, Math.max(3, Math.round(metas.length * 0.02)));
  const { windows, linux, mac, workstation, server, fresh } = TRAIT;
  const spread: { kind: SampleKind; tests: PoolTest[]; long: boolean }[] = [
    { kind: 'loader', tests: [{ all: windows | workstation | fresh }, { all: windows }], long: false },
    { kind: 'exfil', tests: [{ all: windows | fresh }, { all: windows }], long: false },
    { kind: 'miner', tests: [{ all: linux | server | fresh }, { all: linux }], long: true },
    { kind: 'agent', tests: [{ all: mac | fresh }, { all: mac }], long: true },
  ];
  const runs: SamplePlacement['runs'] = [];
  for (const s of spread) for (const meta of pickHosts(rng, metas, traits, k, s.tests)) runs.push({ kind: s.kind, meta, long: s.long });
  const seenD1 = new Set(runs.filter((r) => r.kind === 'loader').map((r) => r.meta.host.device_id));
  const extra = pickHosts(rng, metas, traits, Math.ceil(k / 3), [{ all: windows | fresh, also: (m) => !seenD1.has(m.host.device_id) }, { all: windows }]);
  const phished = pickHosts(rng, metas, traits, k, [{ all: workstation | fresh }, { all: workstation }]);
  return { runs, extra, phished };
}

/** The sample hashes (three sha256, one md5) for the banner and the IOCs. */
export function sampleHashes(seed: number): { sha256: string[]; md5: string[] } {
  const of = (kind: SampleKind) => imageHashes(seed, SAMPLE_IMAGES[kind].key);
  return { sha256: [of('loader').sha256, of('exfil').sha256, of('miner').sha256], md5: [of('agent').md5] };
}

export function generateProcesses(rng: Random, f: ProcessFactory, metas: HostMeta[], placement: SamplePlacement): SamplePlan {
  const cache = new Map<string, Pool>();
  for (const meta of metas) {
    const pool = poolFor(cache, meta);
    const chosen: ImageSpec[] = pool.always.slice();
    const want = Math.min(pool.images.length, Math.max(chosen.length + 1, rng.int(3, 4)));
    for (let tries = 0; chosen.length < want && tries < 40; tries++) {
      const img = pool.picker.pick(rng);
      if (!chosen.includes(img)) chosen.push(img);
    }
    for (const img of chosen) runImage(f, rng, meta, img);
    if (rng.chance(0.03)) {
      const template = rng.pick(ONE_OFF_PATHS[meta.host.platform_name]);
      const tag = hex(rng, 8);
      const path = fill(template, { user: accountOf(meta), hex: tag });
      const [lo, hi] = activeWindow(meta, 20 * DAY);
      const start = between(rng, lo, hi);
      f.add(meta, `oneoff:${meta.host.device_id}:${tag}`, path, `"${path}"`, start, Math.min(meta.lastSeenMs, start + between(rng, 5 * SECOND, HOUR)));
    }
  }

  const plan: SamplePlan = { sha256: [], md5: [], domains: [...SAMPLE_DOMAINS], sampleProcs: [], resolutions: [] };
  for (const run of placement.runs) {
    plan.sampleProcs.push({ kind: run.kind, meta: run.meta, entry: runSample(f, rng, run.meta, SAMPLE_IMAGES[run.kind], run.long) });
  }
  const hashesOf = (kind: SampleKind) => f.hashesFor(SAMPLE_IMAGES[kind].key);
  plan.sha256 = [hashesOf('loader').sha256, hashesOf('exfil').sha256, hashesOf('miner').sha256];
  plan.md5 = [hashesOf('agent').md5];

  // Domain 1: the loader's update host, plus a few browsers that visited it.
  const [d1, d2] = SAMPLE_DOMAINS;
  for (const p of plan.sampleProcs) {
    if (p.kind !== 'loader') continue;
    plan.resolutions.push({ domain: d1, meta: p.meta, entry: p.entry, atMs: Math.min(p.meta.lastSeenMs, p.entry.startMs + between(rng, SECOND, 30 * SECOND)) });
  }
  // Domain 2: a phishing page opened in browsers on workstations.
  for (const [domain, hosts] of [[d1, placement.extra], [d2, placement.phished]] as const) {
    for (const meta of hosts) {
      const entry = resolver(f, rng, meta);
      plan.resolutions.push({ domain, meta, entry, atMs: between(rng, entry.startMs, entry.stopMs + 1) });
    }
  }
  return plan;
}
