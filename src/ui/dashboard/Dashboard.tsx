// The dashboard overlay: the built-in reports as panels (drawn by core),
// arrows move between panels, r reads the tenant again, Enter opens the
// selected panel's query in the composer, Esc closes.
import React, { useRef, useState } from 'react';
import type { ApiCaller, ApiRequest } from '../../core/http/types.js';
import { DASHBOARD_SECTIONS, dashboardPanels } from '../../core/report/dashboard.js';
import { useKeypress } from '../keys/KeypressProvider.js';
import { keyLabel, matches } from '../keys/keymap.js';
import { DashboardView } from './DashboardView.js';
import { useDashboardData } from './useDashboardData.js';

export interface DashboardProps {
  caller: ApiCaller;
  width: number;
  height: number;
  onClose(): void;
  /** loads a request into the composer */
  onOpen(req: ApiRequest): void;
  now?: () => number;
}

export function Dashboard({ caller, width, height, onClose, onOpen, now }: DashboardProps): React.JSX.Element {
  const data = useDashboardData(caller, now);
  const [selected, setSelected] = useState(0);
  // The key handler reads the latest selection, however fast keys arrive.
  const at = useRef(0);
  const latest = useRef(data);
  latest.current = data;
  const last = DASHBOARD_SECTIONS.length - 1;

  useKeypress((key) => {
    const move = (to: number): void => {
      at.current = to;
      setSelected(to);
    };
    if (matches('dashboard.close', key)) onClose();
    else if (matches('dashboard.next', key)) move(Math.min(at.current + 1, last));
    else if (matches('dashboard.previous', key)) move(Math.max(at.current - 1, 0));
    else if (matches('dashboard.refresh', key)) latest.current.refresh();
    else if (matches('dashboard.open', key)) {
      const panel = dashboardPanels(latest.current.reports)[at.current];
      if (panel && !('pending' in panel)) onOpen(panel.request);
    } else return false;
    return true;
  });

  const hint = `${keyLabel('dashboard.next')} move · ${keyLabel('dashboard.open')} open the query · ${keyLabel('dashboard.refresh')} refresh · ${keyLabel('dashboard.close')} close`;
  return <DashboardView data={data} width={width} height={height} selected={selected} hint={hint} />;
}
