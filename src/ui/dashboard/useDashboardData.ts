// The dashboard's reports: read on open and again on refresh (only then: a
// re-render never restarts a read); a refresh cancels a read still running,
// so the panels always show the latest read.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiCaller } from '../../core/http/types.js';
import { loadDashboard, type DashboardReports } from '../../core/report/dashboardData.js';

export interface DashboardData {
  reports: DashboardReports;
  errors: Record<string, string | undefined>;
  loading: boolean;
  /** when the last read finished (the latest report's read time) */
  readAt?: string;
  refresh(): void;
}

export function useDashboardData(caller: ApiCaller, now?: () => number): DashboardData {
  const [reports, setReports] = useState<DashboardReports>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const abort = useRef<AbortController | undefined>(undefined);
  // The caller and clock of the latest render: a parent that makes a new caller each render must not restart the read.
  const deps = useRef({ caller, now });
  deps.current = { caller, now };

  useEffect(() => {
    const controller = new AbortController();
    abort.current = controller;
    setLoading(true);
    setErrors({});
    void loadDashboard(deps.current.caller, {
      now: deps.current.now,
      signal: controller.signal,
      onReport: (name, data) => {
        if (controller.signal.aborted) return;
        setReports((r) => ({ ...r, [name]: data }));
        setErrors((e) => ({ ...e, [name]: undefined }));
      },
      onError: (name, message) => {
        if (!controller.signal.aborted) setErrors((e) => ({ ...e, [name]: message }));
      },
    }).finally(() => {
      if (!controller.signal.aborted) setLoading(false);
    });
    return () => controller.abort();
  }, [generation]);

  const refresh = useCallback(() => {
    abort.current?.abort();
    setGeneration((g) => g + 1);
  }, []);

  const readAt = Object.values(reports).map((r) => r?.readAt ?? '').sort().at(-1) || undefined;
  return { reports, errors, loading, readAt, refresh };
}
