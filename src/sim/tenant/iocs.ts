// Custom IOCs (IOC Management), about 30: hashes, domains and addresses with
// the usual actions. One blocks the first sample sha256.
import type { Random } from '../random.js';
import type { HostGroup } from './records/hosts.js';
import type { Ioc } from './records/indicators.js';
import { IOC_AUTHORS } from './names.js';
import { DAY, HOUR, between, hex, iso } from './util.js';

type Spec = Pick<Ioc, 'type' | 'action' | 'severity' | 'platforms' | 'description' | 'tags'> & {
  value?: string;
  filename?: string;
  expires?: 'future' | 'past';
};

const ALL = ['windows', 'mac', 'linux'];
const WIN = ['windows'];

const HASH_SPECS: readonly Spec[] = [
  { type: 'sha256', action: 'prevent', severity: 'critical', platforms: WIN, description: 'Ransomware encryptor seen in sector reporting', tags: ['ransomware'], filename: 'enc.exe' },
  { type: 'sha256', action: 'prevent', severity: 'high', platforms: WIN, description: 'Cobalt Strike beacon loader', tags: ['c2', 'cobalt-strike'], filename: 'rundll_helper.dll' },
  { type: 'sha256', action: 'prevent', severity: 'high', platforms: WIN, description: 'Credential stealer delivered by phishing', tags: ['phishing', 'stealer'], filename: 'Invoice_0425.exe' },
  { type: 'sha256', action: 'detect', severity: 'medium', platforms: WIN, description: 'Remote access tool not approved for use', tags: ['rat', 'policy'], filename: 'rsupport.exe' },
  { type: 'sha256', action: 'detect', severity: 'high', platforms: ['mac'], description: 'macOS infostealer disk image payload', tags: ['stealer'], filename: 'Installer' },
  { type: 'sha256', action: 'detect', severity: 'medium', platforms: ['linux'], description: 'Linux botnet agent', tags: ['botnet'], filename: 'sshd-helper' },
  { type: 'sha256', action: 'prevent', severity: 'critical', platforms: ALL, description: 'Wiper component from incident IR-2291', tags: ['ir-2291'], filename: 'svc.bin' },
  { type: 'sha256', action: 'no_action', severity: 'informational', platforms: WIN, description: 'Tracking: dual-use admin tool', tags: ['tracking'], filename: 'procdump64.exe' },
  { type: 'sha256', action: 'allow', severity: '', platforms: WIN, description: 'Internal packaging tool (allowlisted)', tags: ['allowlist'], filename: 'pkgtool.exe' },
  { type: 'sha256', action: 'allow', severity: '', platforms: ALL, description: 'In-house build agent (allowlisted)', tags: ['allowlist'], filename: 'build-agent' },
  { type: 'md5', action: 'detect', severity: 'high', platforms: WIN, description: 'Loader variant from threat intel feed', tags: ['intel'], filename: 'update.exe' },
  { type: 'md5', action: 'prevent', severity: 'high', platforms: WIN, description: 'Keylogger dropped by malicious macro', tags: ['keylogger'], filename: 'wininput.exe' },
  { type: 'md5', action: 'detect', severity: 'low', platforms: ALL, description: 'Potentially unwanted adware bundle', tags: ['pup'], filename: 'toolbar_setup.exe' },
  { type: 'md5', action: 'no_action', severity: 'informational', platforms: WIN, description: 'Tracking: legacy scanner hash', tags: ['tracking'], filename: 'netscan.exe' },
  { type: 'md5', action: 'allow', severity: '', platforms: ['mac'], description: 'Approved screen recording utility', tags: ['allowlist'], filename: 'Recorder' },
];

const NETWORK_SPECS: readonly Spec[] = [
  { type: 'domain', value: 'login-portal.example-verify.com', action: 'detect', severity: 'high', platforms: ALL, description: 'Credential phishing landing page', tags: ['phishing'], expires: 'future' },
  { type: 'domain', value: 'cdn-files.example-share.net', action: 'detect', severity: 'medium', platforms: ALL, description: 'Payload staging host', tags: ['staging'], expires: 'future' },
  { type: 'domain', value: 'beacon.example-metrics.org', action: 'detect', severity: 'high', platforms: ALL, description: 'Command and control domain', tags: ['c2'] },
  { type: 'domain', value: 'docs-viewer.example-office.com', action: 'detect', severity: 'medium', platforms: ALL, description: 'Malicious document delivery', tags: ['phishing'], expires: 'past' },
  { type: 'domain', value: 'pool.example-mining.net', action: 'detect', severity: 'medium', platforms: ['linux'], description: 'Cryptomining pool', tags: ['cryptomining'] },
  { type: 'domain', value: 'paste.example-bin.io', action: 'no_action', severity: 'informational', platforms: ALL, description: 'Tracking: paste site used for exfil tests', tags: ['tracking'] },
  { type: 'domain', value: 'intranet.example.com', action: 'allow', severity: '', platforms: ALL, description: 'Corporate intranet', tags: ['allowlist'] },
  { type: 'domain', value: 'updates.example-vendor.com', action: 'no_action', severity: 'low', platforms: ALL, description: 'Vendor update host under review', tags: ['review'], expires: 'future' },
  { type: 'ipv4', value: '192.0.2.144', action: 'detect', severity: 'high', platforms: ALL, description: 'Cobalt Strike team server', tags: ['c2'], expires: 'future' },
  { type: 'ipv4', value: '192.0.2.151', action: 'detect', severity: 'high', platforms: ALL, description: 'Reverse shell listener', tags: ['c2'] },
  { type: 'ipv4', value: '192.0.2.163', action: 'detect', severity: 'medium', platforms: ALL, description: 'Scanner observed against VPN', tags: ['scanning'], expires: 'past' },
  { type: 'ipv4', value: '192.0.2.177', action: 'no_action', severity: 'low', platforms: ALL, description: 'Tracking: suspicious hosting provider', tags: ['tracking'] },
  { type: 'ipv4', value: '198.51.100.250', action: 'allow', severity: '', platforms: ALL, description: 'Penetration test source (approved)', tags: ['pentest', 'allowlist'], expires: 'future' },
  { type: 'ipv4', value: '192.0.2.189', action: 'detect', severity: 'critical', platforms: ALL, description: 'Exfiltration endpoint from IR-2291', tags: ['ir-2291'] },
];

export function generateIocs(rng: Random, anchor: number, sampleSha256: string | undefined, groups: HostGroup[]): Map<string, Ioc> {
  const specs: Spec[] = [];
  if (sampleSha256) {
    specs.push({ type: 'sha256', value: sampleSha256, action: 'prevent', severity: 'high', platforms: WIN, description: 'Loader seen beaconing to update-check.example-cdn.net', tags: ['loader', 'active-incident'], filename: 'WinUpdateHelper.exe' });
  }
  specs.push(...HASH_SPECS, ...NETWORK_SPECS);
  const iocs = new Map<string, Ioc>();
  for (const spec of specs) {
    const created = anchor - between(rng, 2 * HOUR, 240 * DAY);
    const modified = rng.chance(0.4) ? between(rng, created, anchor + 1) : created;
    const author = rng.pick(IOC_AUTHORS);
    const scoped = groups.length > 0 && rng.chance(0.12);
    const value = spec.value ?? (spec.type === 'md5' ? hex(rng, 32) : hex(rng, 64));
    const ioc: Ioc = {
      id: hex(rng, 64),
      type: spec.type,
      value,
      action: spec.action,
      severity: spec.severity,
      platforms: [...spec.platforms],
      applied_globally: !scoped,
      host_groups: scoped ? [rng.pick(groups).id] : [],
      tags: [...spec.tags],
      source: 'talon-sim',
      description: spec.description,
      expired: spec.expires === 'past',
      deleted: false,
      created_on: iso(created),
      created_by: author,
      modified_on: iso(modified),
      modified_by: modified === created ? author : rng.pick(IOC_AUTHORS),
      from_parent: false,
      metadata: spec.filename ? { filename: spec.filename } : {},
    };
    if (spec.expires === 'future') ioc.expiration = iso(anchor + between(rng, 14 * DAY, 180 * DAY));
    if (spec.expires === 'past') ioc.expiration = iso(between(rng, created, anchor - HOUR));
    iocs.set(ioc.id, ioc);
  }
  return iocs;
}
