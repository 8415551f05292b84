// The HTML report opened in headless Chromium (Debian's `chromium`), offline,
// and its screenshot checked for the charts' colours where the charts are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';
import { BAR_COLOUR, SERIES_COLOUR } from '../../src/core/report/render/svgChart.js';

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const CHROMIUM = findChromium();
if (!CHROMIUM) console.warn('reportBrowser: skipped, chromium is not installed (apt-get install -y chromium; .ci/run installs it)');

function screenshot(html: string, png: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'talon-chromium-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    `--user-data-dir=${profile}`, `--screenshot=${png}`, '--window-size=1200,2000', `file://${html}`];
  return new Promise((resolve, reject) => {
    const child = spawn(CHROMIUM!, args, { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`chromium exited ${code}`));
    });
  });
}

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Rows (y) and columns (x) of the pixels of one colour, within a small tolerance. */
function pixelsOf(png: PNG, hex: string): { count: number; bands: number; minX: number } {
  const [r, g, b] = rgb(hex);
  let count = 0;
  let bands = 0;
  let minX = Infinity;
  let inBand = false;
  for (let y = 0; y < png.height; y++) {
    let rowHit = false;
    for (let x = 0; x < png.width; x++) {
      const i = (png.width * y + x) * 4;
      if (Math.abs(png.data[i]! - r) <= 4 && Math.abs(png.data[i + 1]! - g) <= 4 && Math.abs(png.data[i + 2]! - b) <= 4) {
        count++;
        rowHit = true;
        minX = Math.min(minX, x);
      }
    }
    if (rowHit && !inBand) bands++;
    inBand = rowHit;
  }
  return { count, bands, minX };
}

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe.skipIf(!CHROMIUM)('the HTML report in headless Chromium', () => {
  it('each built-in report renders its bar charts (and the alerts time series) in the chart colours', async () => {
    const c = h.sim.clients.demo;
    const { home, env } = tempHome({ FALCON_BASE_URL: h.sim.url, FALCON_CLIENT_ID: c.id, FALCON_CLIENT_SECRET: c.secret, HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '' });
    const shots = await Promise.all(
      (['fleet', 'alerts', 'vulns'] as const).map(async (name) => {
        const html = join(home, `${name}.html`);
        const r = await runTalon(['report', name, '--format', 'html', '--out', html], { env });
        expect(r.code, r.stderr).toBe(0);
        const png = join(home, `${name}.png`);
        await screenshot(html, png);
        const bars = (readFileSync(html, 'utf8').match(new RegExp(`<rect class="bar" [^>]*fill="${BAR_COLOUR}"`, 'g')) ?? []).length;
        return { name, image: PNG.sync.read(readFileSync(png)), bars };
      }),
    );
    for (const { name, image, bars } of shots) {
      expect(image.width).toBe(1200);
      const blue = pixelsOf(image, BAR_COLOUR);
      // every bar in view is a separate band of bar-coloured rows, drawn right of the labels
      expect(blue.count, name).toBeGreaterThan(2000);
      expect(blue.bands, name).toBeGreaterThanOrEqual(Math.min(bars, 12));
      expect(blue.minX, name).toBeGreaterThan(200);
      const orange = pixelsOf(image, SERIES_COLOUR);
      if (name === 'alerts') expect(orange.count).toBeGreaterThan(2000);
      else expect(orange.count).toBe(0);
    }
  }, 120_000);
});
