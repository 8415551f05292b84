// Software products with their fixes (one remediation each), and a
// catalogue of made-up CVEs against them. Scores come from the CVSS 3.1
// vectors, so score, severity and vector always agree.
import type { Platform } from './records/hosts.js';
import type { HostMeta } from './meta.js';

export interface Product {
  key: string;
  name: string;
  fixed: string;
  applies: (m: HostMeta) => boolean;
  /** installed versions, as Spotlight's product_name_version */
  installed: readonly string[] | ((m: HostMeta) => string);
  remediation: { title: string; action: string; link: string; reference: string; vendor_url: string };
}

const is = (p: Platform) => (m: HostMeta) => m.host.platform_name === p;
const ws = (m: HostMeta) => m.role === 'workstation';
const role = (...keys: string[]) => (m: HostMeta) => keys.includes(m.serverRole?.key ?? '');

function fix(vendorUrl: string, reference: string, title: string, action: string) {
  return { title, action, link: vendorUrl, reference, vendor_url: vendorUrl };
}

const MSRC = 'https://msrc.microsoft.com/update-guide';

export const PRODUCTS: readonly Product[] = [
  { key: 'win11', name: 'Windows 11', fixed: 'the latest cumulative update', applies: (m) => m.host.os_version === 'Windows 11', installed: ['Windows 11 23H2', 'Windows 11 24H2'], remediation: fix(MSRC, 'KB5046633', 'Install the latest Windows 11 cumulative update', 'Install the monthly cumulative update for Windows 11 through Windows Update or WSUS') },
  { key: 'win10', name: 'Windows 10', fixed: 'the latest cumulative update', applies: (m) => m.host.os_version === 'Windows 10', installed: ['Windows 10 22H2'], remediation: fix(MSRC, 'KB5046613', 'Install the latest Windows 10 cumulative update', 'Install the monthly cumulative update for Windows 10 22H2') },
  { key: 'ws2022', name: 'Windows Server 2022', fixed: 'the latest cumulative update', applies: (m) => m.host.os_version === 'Windows Server 2022', installed: ['Windows Server 2022 21H2'], remediation: fix(MSRC, 'KB5046616', 'Install the latest Windows Server 2022 cumulative update', 'Install the monthly cumulative update for Windows Server 2022') },
  { key: 'ws2019', name: 'Windows Server 2019', fixed: 'the latest cumulative update', applies: (m) => m.host.os_version === 'Windows Server 2019', installed: ['Windows Server 2019 1809'], remediation: fix(MSRC, 'KB5046615', 'Install the latest Windows Server 2019 cumulative update', 'Install the monthly cumulative update for Windows Server 2019') },
  { key: 'edge', name: 'Microsoft Edge', fixed: '130.0.2849.68', applies: is('Windows'), installed: ['Microsoft Edge 128.0.2739.79', 'Microsoft Edge 129.0.2792.89'], remediation: fix('https://learn.microsoft.com/deployedge/microsoft-edge-relnotes-security', 'Edge 130.0.2849.68', 'Update Microsoft Edge', 'Update Microsoft Edge to version 130.0.2849.68 or later') },
  { key: 'chrome', name: 'Google Chrome', fixed: '130.0.6723.116', applies: (m) => ws(m) && m.host.platform_name !== 'Linux', installed: ['Google Chrome 128.0.6613.138', 'Google Chrome 129.0.6668.90'], remediation: fix('https://chromereleases.googleblog.com/', 'Chrome 130.0.6723.116', 'Update Google Chrome', 'Update Google Chrome to version 130.0.6723.116 or later and restart the browser') },
  { key: 'office', name: 'Microsoft 365 Apps', fixed: 'build 16.0.18025.20140', applies: (m) => ws(m) && is('Windows')(m), installed: ['Microsoft 365 Apps for enterprise 16.0.17928.20156'], remediation: fix(MSRC, 'Microsoft 365 Apps 2410', 'Update Microsoft 365 Apps', 'Update Microsoft 365 Apps to the current Monthly Enterprise Channel build') },
  { key: '7zip', name: '7-Zip', fixed: '24.09', applies: (m) => ws(m) && is('Windows')(m), installed: ['7-Zip 23.01 (x64)', '7-Zip 24.06 (x64)'], remediation: fix('https://www.7-zip.org/history.txt', '7-Zip 24.09', 'Update 7-Zip', 'Update 7-Zip to version 24.09 or later') },
  { key: 'acrobat', name: 'Adobe Acrobat Reader', fixed: '24.003.20180', applies: (m) => ws(m) && m.host.platform_name !== 'Linux', installed: ['Adobe Acrobat Reader DC 24.002.21005', 'Adobe Acrobat Reader DC 24.002.20991'], remediation: fix('https://helpx.adobe.com/security/products/acrobat.html', 'APSB24-xx', 'Update Adobe Acrobat Reader', 'Update Adobe Acrobat Reader to version 24.003.20180 or later') },
  { key: 'zoom', name: 'Zoom Workplace', fixed: '6.2.5', applies: (m) => ws(m) && m.host.platform_name !== 'Linux', installed: ['Zoom Workplace 6.1.11', 'Zoom 5.17.11'], remediation: fix('https://www.zoom.com/en/trust/security-bulletin/', 'Zoom 6.2.5', 'Update Zoom Workplace', 'Update the Zoom Workplace app to version 6.2.5 or later') },
  { key: 'dotnet', name: 'Microsoft .NET Runtime', fixed: '8.0.10', applies: (m) => is('Windows')(m) && !ws(m), installed: ['Microsoft .NET Runtime 8.0.8', 'Microsoft .NET Runtime 6.0.33'], remediation: fix('https://dotnet.microsoft.com/download/dotnet', '.NET 8.0.10', 'Update the .NET runtime', 'Install .NET runtime 8.0.10 or later and remove unsupported runtimes') },
  { key: 'sqlserver', name: 'Microsoft SQL Server 2022', fixed: 'CU15', applies: (m) => is('Windows')(m) && role('db')(m), installed: ['Microsoft SQL Server 2022 16.0.4135.4'], remediation: fix(MSRC, 'SQL Server 2022 CU15', 'Update SQL Server 2022', 'Install SQL Server 2022 CU15 with the latest GDR') },
  { key: 'sonoma', name: 'macOS Sonoma', fixed: '14.7.1', applies: (m) => m.host.os_version.startsWith('Sonoma'), installed: ['macOS Sonoma 14.6.1', 'macOS Sonoma 14.7'], remediation: fix('https://support.apple.com/en-us/100100', 'macOS Sonoma 14.7.1', 'Update macOS Sonoma', 'Update macOS Sonoma to 14.7.1 or later through Software Update') },
  { key: 'sequoia', name: 'macOS Sequoia', fixed: '15.1', applies: (m) => m.host.os_version.startsWith('Sequoia'), installed: ['macOS Sequoia 15.0', 'macOS Sequoia 15.0.1'], remediation: fix('https://support.apple.com/en-us/100100', 'macOS Sequoia 15.1', 'Update macOS Sequoia', 'Update macOS Sequoia to 15.1 or later through Software Update') },
  { key: 'openssl', name: 'OpenSSL', fixed: '3.0.15', applies: is('Linux'), installed: ['openssl 3.0.2-0ubuntu1.15', 'openssl 3.0.7-27.el9'], remediation: fix('https://openssl-library.org/news/vulnerabilities/', 'OpenSSL 3.0.15', 'Update OpenSSL', 'Update the openssl packages from the distribution repositories and restart dependent services') },
  { key: 'openssh', name: 'OpenSSH', fixed: '9.8p1', applies: is('Linux'), installed: ['openssh-server 8.9p1-3ubuntu0.10', 'openssh-server 8.7p1-38.el9'], remediation: fix('https://www.openssh.com/security.html', 'OpenSSH 9.8p1', 'Update OpenSSH server', 'Update the openssh-server package and restart sshd') },
  { key: 'glibc', name: 'GNU C Library (glibc)', fixed: '2.40', applies: is('Linux'), installed: ['glibc 2.35-0ubuntu3.8', 'glibc 2.34-100.el9'], remediation: fix('https://sourceware.org/glibc/security.html', 'glibc 2.40', 'Update glibc', 'Update the glibc packages and reboot') },
  { key: 'kernel', name: 'the Linux kernel', fixed: 'the latest stable kernel', applies: is('Linux'), installed: (m) => `Linux kernel ${m.host.kernel_version ?? ''}`.trim(), remediation: fix('https://www.kernel.org/', 'Linux kernel update', 'Update the Linux kernel', 'Install the latest kernel package from the distribution and reboot') },
  { key: 'sudo', name: 'sudo', fixed: '1.9.15p5', applies: is('Linux'), installed: ['sudo 1.9.9-1ubuntu2.4', 'sudo 1.9.5p2-10.el9'], remediation: fix('https://www.sudo.ws/security/advisories/', 'sudo 1.9.15p5', 'Update sudo', 'Update the sudo package from the distribution repositories') },
  { key: 'curl', name: 'curl', fixed: '8.10.0', applies: (m) => m.host.platform_name !== 'Windows', installed: ['curl 7.81.0-1ubuntu1.18', 'curl 8.4.0', 'curl 8.5.0-2ubuntu10.4'], remediation: fix('https://curl.se/docs/security.html', 'curl 8.10.0', 'Update curl and libcurl', 'Update curl and libcurl to 8.10.0 or later') },
  { key: 'nginx', name: 'nginx', fixed: '1.26.2', applies: (m) => is('Linux')(m) && role('web', 'api')(m), installed: ['nginx 1.18.0-6ubuntu14.4', 'nginx 1.24.0'], remediation: fix('https://nginx.org/en/security_advisories.html', 'nginx 1.26.2', 'Update nginx', 'Update nginx to 1.26.2 or later and reload the service') },
  { key: 'openjdk', name: 'OpenJDK', fixed: '17.0.13', applies: (m) => is('Linux')(m) && role('api', 'kafka', 'ci', 'log')(m), installed: ['OpenJDK 17.0.11', 'OpenJDK 11.0.23'], remediation: fix('https://openjdk.org/groups/vulnerability/advisories/', 'OpenJDK 17.0.13', 'Update OpenJDK', 'Update the OpenJDK runtime to 17.0.13 or later') },
];

interface Kind {
  text: string;
  impact: string;
  vector: string;
}

const KINDS: Record<string, Kind> = {
  'rce-net': { text: 'A heap-based buffer overflow', impact: 'allows an unauthenticated remote attacker to execute arbitrary code', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
  'crit-scope': { text: 'An unsafe deserialization flaw', impact: 'allows an unauthenticated remote attacker to execute code with elevated privileges', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H' },
  'rce-ui': { text: 'A use-after-free', impact: 'allows a remote attacker to execute arbitrary code via crafted content the user opens', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H' },
  'type-confusion': { text: 'Type confusion in the script engine', impact: 'allows a remote attacker to escape the sandbox via a crafted HTML page', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H' },
  'race-net': { text: 'A signal handler race condition', impact: 'may allow an unauthenticated remote attacker to execute code as root', vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H' },
  'eop-local': { text: 'An elevation of privilege vulnerability', impact: 'allows a local authenticated attacker to gain administrator or root privileges', vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H' },
  'race-local': { text: 'A race condition', impact: 'may allow a local user to escalate privileges', vector: 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H' },
  dos: { text: 'Uncontrolled resource consumption', impact: 'allows a remote attacker to cause a denial of service', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
  info: { text: 'An out-of-bounds read', impact: 'may allow a remote attacker to read sensitive memory via crafted input', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:N' },
  bypass: { text: 'A protection mechanism failure', impact: 'allows an attacker to bypass the Mark-of-the-Web security feature via a crafted archive', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N' },
  mitm: { text: 'Improper certificate validation', impact: 'may allow a man-in-the-middle attacker to read or alter traffic', vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:N' },
  'local-dos': { text: 'A NULL pointer dereference', impact: 'allows a local user to crash the system', vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H' },
  'low-local': { text: 'Improper input validation', impact: 'may allow a local user to read limited information from other processes', vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N' },
  'low-adjacent': { text: 'An information exposure', impact: 'could let an attacker on the same network learn limited configuration details', vector: 'CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N' },
};

/** [product key, kind, exploit status] */
export const CVE_CATALOGUE: readonly [string, string, 0 | 30 | 60 | 90][] = [
  ['win11', 'rce-net', 90], ['win11', 'eop-local', 90], ['win11', 'eop-local', 30], ['win11', 'bypass', 60], ['win11', 'info', 0],
  ['win10', 'eop-local', 90], ['win10', 'rce-net', 30], ['win10', 'local-dos', 0],
  ['ws2022', 'rce-net', 90], ['ws2022', 'eop-local', 60], ['ws2022', 'dos', 30],
  ['ws2019', 'crit-scope', 60], ['ws2019', 'eop-local', 30],
  ['edge', 'type-confusion', 90], ['edge', 'rce-ui', 30],
  ['chrome', 'type-confusion', 90], ['chrome', 'rce-ui', 60], ['chrome', 'info', 0], ['chrome', 'rce-ui', 0],
  ['office', 'rce-ui', 60], ['office', 'bypass', 30],
  ['7zip', 'bypass', 90], ['7zip', 'rce-ui', 0],
  ['acrobat', 'rce-ui', 30], ['acrobat', 'info', 0],
  ['zoom', 'eop-local', 0], ['zoom', 'low-adjacent', 0],
  ['dotnet', 'dos', 30], ['sqlserver', 'rce-net', 30],
  ['sonoma', 'eop-local', 60], ['sonoma', 'rce-ui', 30], ['sonoma', 'low-local', 0],
  ['sequoia', 'race-local', 0], ['sequoia', 'info', 0],
  ['openssl', 'dos', 30], ['openssl', 'mitm', 0],
  ['openssh', 'race-net', 60], ['glibc', 'eop-local', 60],
  ['kernel', 'eop-local', 90], ['kernel', 'race-local', 0], ['kernel', 'local-dos', 0],
  ['sudo', 'eop-local', 30], ['curl', 'rce-net', 30], ['nginx', 'dos', 30], ['openjdk', 'mitm', 0],
];

export function kindOf(key: string): Kind {
  const kind = KINDS[key];
  if (!kind) throw new Error(`unknown vulnerability kind ${key}`);
  return kind;
}

const WEIGHTS: Record<string, Record<string, number>> = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
};

function roundUp(x: number): number {
  const i = Math.round(x * 100_000);
  return i % 10_000 === 0 ? i / 100_000 : (Math.floor(i / 10_000) + 1) / 10;
}

/** CVSS 3.1 base score of a vector string. */
export function cvssBaseScore(vector: string): number {
  const m: Record<string, string> = {};
  for (const part of vector.split('/').slice(1)) {
    const [k, v] = part.split(':');
    if (k && v) m[k] = v;
  }
  const changed = m.S === 'C';
  const pr = m.PR === 'N' ? 0.85 : m.PR === 'L' ? (changed ? 0.68 : 0.62) : changed ? 0.5 : 0.27;
  const w = (group: string, key: string | undefined) => WEIGHTS[group]?.[key ?? ''] ?? 0;
  const iss = 1 - (1 - w('CIA', m.C)) * (1 - w('CIA', m.I)) * (1 - w('CIA', m.A));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * w('AV', m.AV) * w('AC', m.AC) * pr * w('UI', m.UI);
  if (impact <= 0) return 0;
  return roundUp(Math.min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10));
}

export function cvssSeverity(score: number): 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE' {
  if (score >= 9) return 'CRITICAL';
  if (score >= 7) return 'HIGH';
  if (score >= 4) return 'MEDIUM';
  if (score > 0) return 'LOW';
  return 'NONE';
}
