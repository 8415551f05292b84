// A report as one self-contained HTML file: inline CSS and SVG charts, no
// scripts, no fonts or images from anywhere, and a Content-Security-Policy
// that forbids loading anything, so it opens offline and safely. Every
// string from the tenant is escaped.
import type { ReportData } from '../collect.js';
import { headerLines, periodText, sectionTotal, viaText } from './describe.js';
import { escapeXml, sectionSvg } from './svgChart.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1120px;color:#1b1f24;background:#fff}
h1{margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}
.meta{color:#555;font-size:.9em;margin:.2em 0}
table{border-collapse:collapse;margin:.6em 0;min-width:320px}
td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
svg.chart{display:block;margin:.6em 0;font-size:12px;fill:#1b1f24}
.note{color:#8a4b00}
.pair{display:flex;flex-wrap:wrap;gap:0 2em;align-items:flex-start}
`;

export function reportHtml(r: ReportData): string {
  const e = escapeXml;
  const sections = r.sections.map((s) => {
    const rows = s.buckets.map((b) => `<tr><td>${e(b.label)}</td><td class="n">${b.count}</td></tr>`);
    if (s.other) rows.push(`<tr><td><em>(other)</em></td><td class="n">${s.other}</td></tr>`);
    rows.push(`<tr><th>Total</th><th class="n">${sectionTotal(s)}</th></tr>`);
    return [
      `<section><h2>${e(s.title)}</h2>`,
      `<p class="meta">${e(periodText(s))} · ${e(viaText(s))}</p>`,
      `<p class="meta">Filter: <code>${e(s.filter || 'none')}</code></p>`,
      `<div class="pair">${sectionSvg(s)}`,
      `<table><thead><tr><th>Value</th><th class="n">Count</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
      ...s.notes.map((n) => `<p class="note">${e(n)}</p>`),
      '</section>',
    ].join('\n');
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(r.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(r.title)}</h1>`,
    r.description ? `<p>${e(r.description)}</p>` : '',
    ...headerLines(r).map((l) => `<p class="meta">${e(l)}</p>`),
    ...sections,
    '</body></html>',
    '',
  ].join('\n');
}
