import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEY, startInPty } from './lib/ptyTerminal.mjs';
const BIN = fileURLToPath(new URL('../bin/talon', import.meta.url));
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const home = mkdtempSync(join(tmpdir(), 'talon-bench-shell-'));
const env = { ...process.env, TALON_HOME: home, NO_COLOR: '' };
for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'FALCON_CLIENT_ID', 'FALCON_CLIENT_SECRET', 'FALCON_BASE_URL', 'CI']) delete env[k];
const shell = startInPty(`${process.execPath} ${BIN} --demo`, { env });
await shell.waitFor((s) => s.includes('type a path'), 15_000, 'the endpoint line');
await shell.settle();
const out = [];
const paths = ['/devices/queries/devices/v1', '/alerts/queries/alerts/v2', '/iocs/combined/indicator/v1', '/spotlight/queries/vulnerabilities/v1'];
let n = 0;
for (const path of paths) {
  for (let i = 1; i <= path.length && n < 120; i++, n++) {
    const prefix = path.slice(0, i);
    const ms = await shell.press(path[i - 1], (s) => s.includes(`› ${prefix}`), 5_000, prefix);
    out.push(`${prefix}:${ms.toFixed(1)}`);
    await pause(40 + Math.random() * 40);
  }
  await shell.press(KEY.ctrlU, (s) => !s.includes(`› /`), 5_000, 'empty');
  await shell.settle();
}
await shell.stop();
console.log(out.filter((x) => Number(x.split(':').pop()) > 12).join('  '));
