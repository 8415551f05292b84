// The dashboard's frame: a title line, the panels drawn by core (block
// characters), and a status line. The selected panel's title is accented.
import React from 'react';
import { Box, Text } from 'ink';
import { dashboardPanels, renderDashboard } from '../../core/report/dashboard.js';
import { fit } from '../../core/report/blockChart.js';
import type { DashboardData } from './useDashboardData.js';
import { color } from '../theme.js';

/** Lines the view uses besides the panels: title and status. */
export const DASHBOARD_CHROME_ROWS = 2;

export interface DashboardViewProps {
  data: Pick<DashboardData, 'reports' | 'errors' | 'loading' | 'readAt'>;
  width: number;
  height: number;
  selected: number;
  /** the keys' hint, from the keymap */
  hint: string;
}

export function DashboardView({ data, width, height, selected, hint }: DashboardViewProps): React.JSX.Element {
  const panels = dashboardPanels(data.reports, data.errors);
  const lines = renderDashboard(panels, { width, height: Math.max(4, height - DASHBOARD_CHROME_ROWS), selected });
  const status = data.loading ? 'reading the tenant…' : data.readAt ? `data read at ${data.readAt}` : '';
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={color('accent')}>{fit(`Dashboard  ${status}`, width)}</Text>
      {lines.map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
      <Text color={color('muted')}>{fit(hint, width)}</Text>
    </Box>
  );
}
