// The alert table's prompts (an FQL filter, a rule file's path, with its
// mistakes), the step titles and key hints, and which alerts an action takes.
import React from 'react';
import { Text } from 'ink';
import type { TriageState } from '../../../core/wizards/alerts/types.js';
import type { ChangeForm } from '../../../core/wizards/alerts/changeForm.js';
import { currentAlert } from '../../../core/wizards/alerts/machine.js';
import type { LineField } from '../../components/LineInput.js';
import { color } from '../../theme.js';
import { FieldText } from '../../components/FieldText.js';

/** What the table step is doing besides showing the table. */
export type Panel = { kind: 'none' } | { kind: 'filter'; text: string } | { kind: 'rules'; text: string; problems?: string[]; loading?: boolean } | { kind: 'form'; form: ChangeForm };

export const STEP_TITLES: Record<TriageState['step'], string> = {
  loading: 'loading…',
  list: '',
  planning: 'making the plan…',
  review: 'review',
  confirm: 'confirm',
  applying: 'sending…',
  done: 'results',
  error: 'error',
};

export function targetsOf(s: TriageState): TriageState['alerts'] {
  if (s.selected.length) {
    const picked = new Set(s.selected);
    return s.alerts.filter((a) => picked.has(a.compositeId));
  }
  const a = currentAlert(s);
  return a ? [a] : [];
}

/** The keys of the step, in a line. */
export function hintFor(step: TriageState['step'], refusal: string | undefined): string {
  switch (step) {
    case 'list':
      return 'Space select · Enter detail · s/o/t/c change · p preset · / filter · r rules · C contain · H hash · F1 keys';
    case 'review':
      return `↑↓ move · Space drops/keeps the row · Enter ${refusal ? '(refused: read-only)' : 'goes on to confirm'} · Esc back`;
    case 'done':
      return 'Enter or Esc: back to the alerts, read again';
    case 'applying':
      return 'Esc stops after the batch in flight';
    default:
      return 'Esc back';
  }
}

export function PanelPrompt({ panel, field, active }: { panel: Extract<Panel, { kind: 'filter' | 'rules' }>; field: LineField; active: boolean }): React.JSX.Element {
  if (panel.kind === 'filter') {
    return (
      <>
        <Text color={color('muted')} wrap="truncate">
          FQL filter, with the preset (e.g. severity:&gt;=50) · Enter applies · Esc cancels
        </Text>
        <FieldText field={field} focus={active} placeholder="empty: no filter" />
      </>
    );
  }
  return (
    <>
      <Text color={color('muted')} wrap="truncate">
        {panel.loading ? 'Reading the rule file…' : 'Rule file (YAML or JSON) to preview · Enter reads it · Esc cancels'}
      </Text>
      <FieldText field={field} focus={active && !panel.loading} placeholder="examples/triage-rules.yaml" />
      {(panel.problems ?? []).slice(0, 6).map((l, i) => (
        <Text key={i} color={color('error')} wrap="truncate">
          {l}
        </Text>
      ))}
    </>
  );
}
