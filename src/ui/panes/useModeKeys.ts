// The response pane's keys and messages for its other views: the headers
// and full value (scroll, copy, back), the table and its column chooser
// (move, sort, choose, export, copy), and copying or exporting with a
// sentence saying where the text went.
import type { KeyEvent } from '../keys/parseKeys.js';
import { matches } from '../keys/keymap.js';
import type { ApiResponse } from '../../core/http/types.js';
import { headerLines } from '../../core/jsonView/headerLines.js';
import { copyableText } from '../../core/jsonView/valueAt.js';
import { describeCopy, type CopyResult } from '../../core/clipboard/copyText.js';
import { cursorRecord, tableCsv } from '../../core/table/tableModel.js';
import { formatCount } from '../../core/jsonView/responseSummary.js';
import type { Role } from '../theme.js';
import type { useResponseExtras } from './useResponseExtras.js';

export interface ModeKeysOptions {
  /** the response and views as the last render left them */
  latest: { current: { response?: ApiResponse; extras: ReturnType<typeof useResponseExtras> } };
  viewHeight: number;
  setMessage(message: { text: string; role: Role } | undefined): void;
  copy?(text: string, name: string): CopyResult;
  exportFile?(name: string, text: string): string;
}

export function useModeKeys({ latest, viewHeight, setMessage, copy, exportFile }: ModeKeysOptions) {
  const say = (text: string, role: Role = 'ok'): true => {
    setMessage({ text, role });
    return true;
  };
  const doCopy = (text: string, what: string, name: string): true => {
    if (!copy) return say('Copying is not available here.', 'error');
    try {
      return say(describeCopy(copy(text, name), what));
    } catch (e) {
      return say((e as Error).message, 'error');
    }
  };
  const exportText = (name: string, text: string, what: string): true => {
    if (!exportFile) return say('Exporting is not available here.', 'error');
    try {
      return say(`Wrote ${what} to ${exportFile(name, text)}.`);
    } catch (e) {
      return say((e as Error).message, 'error');
    }
  };

  /** Keys of the headers and full-value views: scroll, and Esc (or their own key) back. */
  const textKey = (key: KeyEvent, lines: number): boolean => {
    const ex = latest.current.extras;
    const rows = Math.max(1, viewHeight - 1);
    const to = (t: number): true => {
      ex.setTextTop(Math.max(0, Math.min(t, lines - rows)));
      return true;
    };
    const mode = ex.currentMode();
    if (matches('prompt.close', key) || (mode === 'headers' && matches('response.headers', key)) || (mode === 'value' && matches('response.fullValue', key))) {
      ex.setMode('json');
      return true;
    }
    const top = ex.currentTextTop();
    if (matches('response.up', key)) return to(top - 1);
    if (matches('response.down', key)) return to(top + 1);
    if (matches('response.pageUp', key)) return to(top - rows);
    if (matches('response.pageDown', key)) return to(top + rows);
    if (matches('response.top', key)) return to(0);
    if (matches('response.bottom', key)) return to(lines);
    return matches('response.copyAll', key) || matches('response.copyValue', key) ? copyShown() : false;
  };
  const copyShown = (): true => {
    const ex = latest.current.extras;
    const value = ex.currentValueLines();
    if (ex.currentMode() === 'value' && value) return doCopy(value.lines.join('\n'), 'the value', 'talon-value.txt');
    if (ex.currentMode() === 'headers' && latest.current.response) return doCopy(headerLines(latest.current.response).join('\n'), 'the headers', 'talon-headers.txt');
    return true;
  };

  /** Keys of the table (and its column chooser), each applied to the table the previous key left. */
  const tableKey = (key: KeyEvent): boolean => {
    const ex = latest.current.extras;
    const rows = Math.max(1, viewHeight - 1);
    if (ex.currentMode() === 'columns') {
      if (matches('list.up', key)) ex.dispatchTable({ type: 'chooserUp' });
      else if (matches('list.down', key)) ex.dispatchTable({ type: 'chooserDown' });
      else if (matches('table.toggleColumn', key)) ex.dispatchTable({ type: 'chooserToggle' });
      else if (matches('list.pick', key) || matches('dialog.close', key)) ex.setMode('table');
      else return true;
      setMessage(undefined);
      return true;
    }
    const t = ex.currentTable();
    const sized = (['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'] as const).find((a) => matches(`response.${a}`, key));
    if (sized) {
      ex.dispatchTable({ type: sized, height: rows });
      return true;
    }
    if (matches('table.left', key)) ex.dispatchTable({ type: 'left' });
    else if (matches('table.right', key)) ex.dispatchTable({ type: 'right' });
    else if (matches('table.sort', key)) ex.dispatchTable({ type: 'sort' });
    else if (matches('table.columns', key)) {
      ex.dispatchTable({ type: 'chooserOpen' });
      ex.setMode('columns');
    } else if (matches('table.export', key)) return exportText('talon-table.csv', tableCsv(t), `${formatCount(t.rows.length)} rows as CSV`);
    else if (matches('response.table', key) || matches('prompt.close', key)) ex.setMode('json');
    else if (matches('response.copyValue', key)) return doCopy(copyableText(cursorRecord(t)), 'the row', 'talon-row.json');
    else if (matches('response.copyAll', key)) return doCopy(tableCsv(t), 'the table as CSV', 'talon-table.csv');
    else return false;
    setMessage(undefined);
    return true;
  };

  return { say, doCopy, exportText, textKey, tableKey };
}
