import { describe, expect, it } from 'vitest';
import { barRows, barText, sparkline } from '../../../src/core/report/blockChart.js';
import { columnChart, dashboardLayout, dashboardPanels, renderDashboard, DASHBOARD_SECTIONS } from '../../../src/core/report/dashboard.js';
import type { ReportData, SectionData } from '../../../src/core/report/collect.js';

function section(title: string, buckets: [string, number][], chart: SectionData['chart'] = 'bar'): SectionData {
  return {
    title,
    source: 'alerts',
    chart,
    aggregate: { type: chart === 'timeseries' ? 'date_histogram' : 'terms', field: 'x' },
    filter: '',
    via: { kind: 'aggregate', method: 'POST', path: '/alerts/aggregates/alerts/v2' },
    request: { method: 'POST', path: '/alerts/aggregates/alerts/v2', body: { json: [{ type: 'terms', field: 'x' }] } },
    buckets: buckets.map(([label, count]) => ({ label, count })),
    other: 0,
    notes: [],
  };
}

function reports(): Record<string, ReportData> {
  const days = Array.from({ length: 30 }, (_, i) => [`2026-11-${String(i + 1).padStart(2, '0')}`, (i * 7) % 11] as [string, number]);
  const make = (name: string): ReportData => ({
    title: name,
    readAt: '2026-11-28T17:00:00Z',
    since: '30d',
    sections: DASHBOARD_SECTIONS.filter((d) => d.report === name).map((d) =>
      d.title === 'Alerts per day' ? section(d.title, days, 'timeseries') : section(d.title, [['High', 63], ['Critical', 36], ['Low\x1b[2J', 8], ['Informational', 1]]),
    ),
  });
  return { alerts: make('alerts'), fleet: make('fleet'), vulns: make('vulns') };
}

describe('block charts', () => {
  it('bars scale to eighths of a cell, a non-zero value shows a sliver', () => {
    expect(barText(8, 8, 4)).toBe('████');
    expect(barText(1, 8, 4)).toBe('▌');
    expect(barText(1, 1000, 4)).toBe('▏');
    expect(barText(0, 8, 4)).toBe('');
    expect(sparkline([0, 1, 2, 4, 8])).toBe(' ▁▂▄█');
    expect(sparkline([1, 2, 3], 2)).toBe('▆█');
  });

  it('labelled bar rows fit the width exactly, largest bar the longest', () => {
    const rows = barRows([{ label: 'Windows', count: 325 }, { label: 'Mac', count: 100 }, { label: 'a-very-long-platform-name', count: 5 }], 36, 5);
    expect(rows).toHaveLength(3);
    for (const r of rows) expect([...r]).toHaveLength(36);
    const blocks = rows.map((r) => (r.match(/[█▏▎▍▌▋▊▉]/g) ?? []).length);
    expect(blocks[0]).toBeGreaterThan(blocks[1]!);
    expect(rows[2]).toContain('…');
  });

  it('column charts stack eighth blocks bottom up', () => {
    expect(columnChart([0, 4, 8], 3, 2)).toEqual(['  █', ' ██']);
  });
});

describe('dashboard', () => {
  it.each([
    [80, 24],
    [160, 50],
  ])('fits %ix%i: every line exactly the width, no more lines than rows, every panel shown', (width, rows) => {
    const panels = dashboardPanels(reports());
    const height = rows - 3; // the view's title, status and key hints
    const lines = renderDashboard(panels, { width, height, selected: 0 });
    expect(lines.length).toBeLessThanOrEqual(height);
    for (const l of lines) expect([...l]).toHaveLength(width);
    const text = lines.join('\n');
    for (const d of DASHBOARD_SECTIONS) expect(text).toContain(d.title.slice(0, 20));
    expect(text).toContain('▶ Alerts by severity');
    // outside text is data: the escape in a label is shown, not sent
    expect(text).not.toContain('\x1b');
    expect(text).toContain('Low\\x1b');
  });

  it('lays out 2 columns at 80x24 and 4 at 160x50, with taller panels on the big screen', () => {
    expect(dashboardLayout(9, 80, 21)).toMatchObject({ columns: 2, visible: 9 });
    const big = dashboardLayout(9, 160, 47);
    expect(big).toMatchObject({ columns: 4, visible: 9 });
    expect(big.panelHeight).toBeGreaterThan(10);
  });

  it('the time series panel draws columns on a big screen and a sparkline on a small one', () => {
    const panels = dashboardPanels(reports());
    const small = renderDashboard(panels, { width: 80, height: 21, selected: 1 }).join('\n');
    expect(small).toContain('▶ Alerts per day');
    expect(small).toMatch(/[▁▂▃▄▅▆▇█]{5,}/);
    const big = renderDashboard(panels, { width: 160, height: 47, selected: 1 });
    expect(big.filter((l) => /█/.test(l.slice(39, 75))).length).toBeGreaterThan(5);
  });

  it('a panel not read yet says so, one whose report failed says why; a selection past the first screen pages to it', () => {
    const panels = dashboardPanels({ alerts: reports().alerts });
    expect(renderDashboard(panels, { width: 80, height: 21, selected: 0 }).join('\n')).toContain('reading…');
    const tiny = renderDashboard(panels, { width: 80, height: 8, selected: 8 }).join('\n');
    expect(tiny).toContain('▶ Top CVEs');
    expect(tiny).not.toContain('Alerts by severity');
    const failed = renderDashboard(dashboardPanels({}, { fleet: 'The API answered 403\x07' }), { width: 80, height: 21, selected: 0 }).join('\n');
    expect(failed).toContain('failed: The API answered 403\\x07');
  });
});
