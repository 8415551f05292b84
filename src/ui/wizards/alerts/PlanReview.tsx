// The plan in the shell: per rule (or the one change) what it will do, the
// rows with keep/drop marks and why each matched, then the typed count, the
// progress while sending, and what changed, with the audit line.
import React from 'react';
import { Text } from 'ink';
import type { TriageState } from '../../../core/wizards/alerts/types.js';
import { confirmPrompt, planRows, visiblePlanRows } from '../../../core/wizards/alerts/machine.js';
import { planLines, planSummary } from '../../../core/wizards/alerts/screen.js';
import { resultsOk, resultsText } from '../../../core/wizards/alerts/format.js';
import { safe } from '../../../core/wizards/alerts/safeText.js';
import { color } from '../../theme.js';

const MARKS = 6;

export function PlanReview({ state, width, height }: { state: TriageState; width: number; height: number }): React.JSX.Element {
  const plan = state.plan ?? [];
  const summary = planSummary(plan);
  const shownSummary = summary.slice(0, 3);
  const total = planRows(plan).length;
  if (!total) {
    return (
      <>
        {shownSummary.map((l, i) => <Text key={i} wrap="truncate">{l}</Text>)}
        <Text color={color('ok')}>{state.request?.kind === 'rules' ? 'No rule matches an open alert; nothing to close.' : 'Nothing to change.'}</Text>
      </>
    );
  }
  // Two lines say why the row under the cursor matched.
  const rows = Math.max(1, height - shownSummary.length - (summary.length > 3 ? 1 : 0) - 3);
  const view = visiblePlanRows(state, rows);
  const { header, lines } = planLines(view.rows, plan, width - MARKS);
  const current = planRows(plan)[state.planCursor];
  const cursorShown = state.step === 'review';
  return (
    <>
      {shownSummary.map((l, i) => (
        <Text key={i} wrap="truncate" bold>
          {l}
        </Text>
      ))}
      {summary.length > 3 && <Text color={color('muted')}>… and {summary.length - 3} more rules</Text>}
      <Text bold wrap="truncate">
        {' '.repeat(MARKS)}
        {header}
      </Text>
      {view.rows.map((r, i) => {
        const at = cursorShown && view.start + i === state.planCursor;
        return (
          <Text key={`${r.group}:${r.row.alert.compositeId}`} wrap="truncate" color={at ? color('accent') : r.row.keep ? undefined : color('muted')}>
            {at ? '▸ ' : '  '}[{r.row.keep ? 'x' : ' '}] {lines[i]}
          </Text>
        );
      })}
      {whyLines(current ? `why: ${current.row.reasons.map(safe).join('; ')}` : '', width).map((l, i) => (
        <Text key={`why${i}`} wrap="truncate" color={color('muted')}>
          {l}
        </Text>
      ))}
    </>
  );
}

/** The reasons in two lines of `width`, the second cut with … when they run longer. */
function whyLines(text: string, width: number): [string, string] {
  const chars = [...text];
  const rest = chars.slice(width);
  return [chars.slice(0, width).join(''), rest.length > width ? `${rest.slice(0, width - 1).join('')}…` : rest.join('')];
}

export function ConfirmLine({ state }: { state: TriageState }): React.JSX.Element | null {
  const prompt = confirmPrompt(state);
  return prompt ? <Text color={color('warn')}>{prompt.hint} Enter sends · Esc goes back</Text> : null;
}

export function Results({ state, auditPath, height }: { state: TriageState; auditPath: string; height: number }): React.JSX.Element {
  const lines = state.results.length ? resultsText(state.results).replace(/\n$/, '').split('\n') : ['Nothing was sent.'];
  const ok = resultsOk(state.results) && !state.auditError;
  const sent = state.results.some((r) => r.changed.length || r.failed.length || r.unknown.length);
  return (
    <>
      {lines.slice(0, Math.max(1, height - 2)).map((l, i) => (
        <Text key={i} wrap="truncate" color={i === 0 ? color(ok ? 'ok' : 'warn') : undefined}>
          {l}
        </Text>
      ))}
      {lines.length > height - 2 && <Text color={color('muted')}>… {lines.length - (height - 2)} more lines: talon audit shows every id</Text>}
      <Text wrap="truncate" color={state.auditError ? color('warn') : color('muted')}>
        {state.auditError ? safe(state.auditError) : sent || state.results.length ? `Recorded in the audit log (${safe(auditPath)}; talon audit shows it).` : ''}
      </Text>
    </>
  );
}
