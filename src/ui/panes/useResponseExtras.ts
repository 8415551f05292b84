// The response pane's views beyond the JSON window: the headers, the whole
// value under the cursor, the jq result and the table, with the state each
// keeps (filters run, sideways scroll, the table's rows and sort).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiResponse } from '../../core/http/types.js';
import type { JsonDocument } from '../../core/jsonView/jsonDocument.js';
import { buildJsonDocument } from '../../core/jsonView/jsonDocument.js';
import { jqResultValue } from '../../core/jq/jqFilter.js';
import { runJqInWorker, type JqJob } from '../../core/jq/jqWorkerClient.js';
import { rememberFilter } from '../../core/jq/jqHistory.js';
import { initTable, tableReducer, tableRows, type TableAction, type TableState } from '../../core/table/tableModel.js';
import { useSyncReducer } from '../hooks/useSyncReducer.js';

/** Ink's frame interval (30 fps). */
const FRAME_MS = 34;

export type ViewMode = 'json' | 'headers' | 'value' | 'table' | 'columns';

/** How a filter ended: shown, refused with jq's sentence, cancelled (Esc or a newer filter), or stale (a newer response). */
export type FilterEnd = { kind: 'shown' } | { kind: 'error'; text: string } | { kind: 'cancelled' } | { kind: 'stale' };

export interface JqView {
  filter: string;
  value: unknown;
  doc: JsonDocument;
}

function tableInit(): TableState {
  return initTable([]);
}

/** A value whose latest setting is readable before React re-renders (keys of one burst). */
function replace<T>(_: T, next: T): T {
  return next;
}

function tableOrReset(state: TableState, action: TableAction | { type: 'load'; table: TableState }): TableState {
  return action.type === 'load' ? action.table : tableReducer(state, action);
}

export function useResponseExtras(response: ApiResponse | undefined) {
  // Mode, scroll and table are read by the key handler: each key sees what the previous one left.
  const [mode, setMode, currentMode] = useSyncReducer(replace<ViewMode>, (): ViewMode => 'json');
  const [jq, setJq] = useState<JqView>();
  const [textTop, setTextTop, currentTextTop] = useSyncReducer(replace<number>, () => 0);
  const [left, setLeft, currentLeft] = useSyncReducer(replace<number>, () => 0);
  const [table, dispatchTable, currentTable] = useSyncReducer(tableOrReset, tableInit);
  const [valueLines, setValueLines, currentValueLines] = useSyncReducer(replace<{ title: string; lines: string[] } | undefined>, () => undefined);
  const filters = useRef<string[]>([]);
  // The filter being run (its job once it reached the worker), shown until its result replaces it.
  const running = useRef<{ filter: string; job?: JqJob } | undefined>(undefined);
  const [pending, setPending] = useState<string>();
  /** Stops the running filter; false when none runs. */
  const cancelFilter = (): boolean => {
    const run = running.current;
    if (!run) return false;
    running.current = undefined;
    run.job?.cancel();
    setPending(undefined);
    return true;
  };
  // A pane that goes away stops its filter (the worker is shared).
  useEffect(() => () => void running.current?.job?.cancel(), []);
  // A new response starts in the JSON view, unfiltered, at the left edge.
  const seen = useRef(response);
  if (seen.current !== response) {
    seen.current = response;
    if (running.current) cancelFilter();
    if (currentMode() !== 'json') setMode('json');
    if (jq) setJq(undefined);
    if (currentLeft()) setLeft(0);
  }

  /**
   * Runs a filter over the response in the jq worker: the pane keeps drawing and taking keys meanwhile,
   * and Esc (cancelFilter) stops it. A newer filter or response cancels an older one.
   */
  const filter = async (text: string): Promise<FilterEnd> => {
    const f = text.trim();
    cancelFilter();
    if (!f || f === '.') {
      setJq(undefined);
      return { kind: 'shown' };
    }
    if (!response || response.body.kind !== 'json') return { kind: 'error', text: 'jq needs a JSON response.' };
    filters.current = rememberFilter(filters.current, f);
    const run: { filter: string; job?: JqJob } = { filter: f };
    running.current = run;
    setPending(f);
    const ended = (): FilterEnd | undefined => (seen.current !== response ? { kind: 'stale' } : running.current !== run ? { kind: 'cancelled' } : undefined);
    // Let the "filtering…" frame reach the terminal before the response is turned into text for the
    // worker (the first filter of a 10 MB answer): Ink draws at most every 33 ms, so one interval.
    await new Promise((done) => setTimeout(done, FRAME_MS));
    const early = ended();
    if (early) return early;
    run.job = runJqInWorker(response.body.value, f);
    const out = await run.job.result.catch((e: unknown) => {
      // The worker failed (it could not start, or jq-wasm did not load): said as an error, not left "filtering".
      if (running.current === run) cancelFilter();
      throw e;
    });
    const late = ended();
    if (late) return late;
    running.current = undefined;
    setPending(undefined);
    if ('cancelled' in out) return { kind: 'cancelled' };
    if (!out.ok) return { kind: 'error', text: `jq: ${out.error}` };
    const value = jqResultValue(out.values);
    setJq({ filter: f, value, doc: buildJsonDocument(value) });
    setMode('json');
    return { kind: 'shown' };
  };

  /** Opens the table on `value` (the array at the cursor, the jq result or the response); a sentence when it has no rows. */
  const openTable = (value: unknown): string | undefined => {
    const rows = tableRows(value);
    if (!rows) return 'No table here: the value is not an array of objects (nor an envelope with one in resources).';
    dispatchTable({ type: 'load', table: initTable(rows) });
    setMode('table');
    return undefined;
  };

  const docValue = useMemo(() => (jq ? jq.value : response?.body.kind === 'json' ? response.body.value : undefined), [jq, response]);

  return { mode, setMode, currentMode, jq, setJq, filter, cancelFilter, pending, filters, textTop, setTextTop, currentTextTop, left, setLeft, currentLeft, table, dispatchTable, currentTable, openTable, valueLines, setValueLines, currentValueLines, docValue };
}
