// Alert triage in the shell, drawn from the core machine: filter presets and
// FQL → the alert table (windowed) with multi-select and a detail pane →
// a change (status, assign, tag, comment) or a rule file's preview → the
// plan, whose rows can be dropped → the typed count → sending, audited ahead
// → what changed. A selection's hosts go to the containment wizard, an
// alert's hash to the hash search wizard.
import React, { useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import { matches } from '../keys/keymap.js';
import type { KeyEvent } from '../keys/parseKeys.js';
import { useLineField } from '../components/LineInput.js';
import { color } from '../theme.js';
import { StepFailureView } from './StepFailureView.js';
import { useTriage } from './alerts/useTriage.js';
import { AlertList } from './alerts/AlertList.js';
import { ConfirmLine, PlanReview, Results } from './alerts/PlanReview.js';
import { ChangeFormView } from './alerts/ChangeFormView.js';
import { hintFor, PanelPrompt, STEP_TITLES, targetsOf, type Panel } from './alerts/Prompts.js';
import { FieldText } from '../components/FieldText.js';
import { currentAlert, planRows } from '../../core/wizards/alerts/machine.js';
import { queryLine } from '../../core/wizards/alerts/screen.js';
import { PRESET_NAMES } from '../../core/wizards/alerts/presets.js';
import { formChange, newChangeForm, reduceChangeForm, type FormField } from '../../core/wizards/alerts/changeForm.js';
import { containmentFromAlerts, hashSearchFromAlert } from '../../core/wizards/alerts/handoff.js';
import type { TriageState } from '../../core/wizards/alerts/types.js';
import type { ContainmentState } from '../../core/wizards/containment/types.js';
import type { HashSearchState } from '../../core/wizards/hashSearch/machine.js';
import type { PolicyCaller } from '../../core/request/guardedClient.js';
import type { AuditContext } from '../../core/audit/auditLog.js';
import { terminalSafe as safe } from '../../core/text/terminalSafe.js';

export interface AlertsWizardProps {
  caller: PolicyCaller;
  audit: { path: string; context: AuditContext };
  width: number;
  height: number;
  /** false while hidden under a wizard it handed over to */
  active?: boolean;
  onContain(state: ContainmentState): void;
  onHashSearch(state: HashSearchState): void;
  onClose(): void;
}

/** Alerts the table holds at most (newest first): a window draws them, so thousands cost one screen's work. */
const SHELL_LIMIT = 5000;

const FORM_KEYS: [Parameters<typeof matches>[0], FormField][] = [
  ['alerts.status', 'status'],
  ['alerts.assign', 'assign'],
  ['alerts.tag', 'tag'],
  ['alerts.comment', 'comment'],
];

export function AlertsWizard({ caller, audit, width, height, active = true, onContain, onHashSearch, onClose }: AlertsWizardProps): React.JSX.Element {
  const triage = useTriage(caller, audit, SHELL_LIMIT);
  const { state, dispatch, latest, refusal } = triage;
  const [note, setNote] = useState<string>();
  const [detailOffset, setDetailOffset] = useState(0);
  // The panel as the last key left it, for the next key of the same burst.
  const panelRef = useRef<Panel>({ kind: 'none' });
  const [panel, setPanelState] = useState<Panel>(panelRef.current);
  const setPanel = (p: Panel): void => {
    panelRef.current = p;
    setPanelState(p);
  };
  // The one text field in use: the filter, the rule file's path, a form field, or the typed count.
  const fieldText =
    state.step === 'confirm'
      ? state.confirmText
      : panel.kind === 'filter' || panel.kind === 'rules'
        ? panel.text
        : panel.kind === 'form' && panel.form.field !== 'status'
          ? panel.form[panel.form.field]
          : '';
  const field = useLineField(fieldText, (text) => {
    const p = panelRef.current;
    if (latest().step === 'confirm') dispatch({ type: 'setConfirmText', text });
    else if (p.kind === 'filter' || p.kind === 'rules') setPanel({ ...p, text, problems: undefined } as Panel);
    else if (p.kind === 'form' && p.form.field !== 'status') setPanel({ kind: 'form', form: reduceChangeForm(p.form, { type: 'text', field: p.form.field, text }) });
  });

  const inner = height - 2;
  const panelLines = panel.kind === 'form' ? 6 : panel.kind === 'rules' ? 2 + Math.min(6, panel.problems?.length ?? 0) : panel.kind === 'filter' ? 2 : 0;
  const free = Math.max(3, inner - 5 - panelLines);
  const tableRows = state.open ? Math.max(3, Math.floor(free / 3)) : free;
  const detailHeight = Math.max(2, free - tableRows);
  const page = Math.max(1, tableRows - 1);

  const openForm = (f: FormField): void => {
    const form = newChangeForm(f);
    setPanel({ kind: 'form', form });
    field.set('');
  };

  const loadRules = (typed: string): void => {
    setPanel({ kind: 'rules', text: typed, loading: true });
    // The YAML parser and the schema load only for a rule file.
    void import('../../core/wizards/alerts/ruleFile.js').then(({ loadRuleFile }) => {
      const p = panelRef.current;
      if (p.kind !== 'rules' || !p.loading) return;
      const loaded = loadRuleFile(typed);
      if (!loaded.ok) return setPanel({ kind: 'rules', text: typed, problems: loaded.problems.map((l) => safe(l)) });
      setPanel({ kind: 'none' });
      dispatch({ type: 'plan', request: { kind: 'rules', rules: loaded.rules } });
    });
  };

  const panelKey = (p: Exclude<Panel, { kind: 'none' }>, key: KeyEvent): void => {
    if (matches('alerts.back', key)) return setPanel({ kind: 'none' });
    if (p.kind === 'filter') {
      if (matches('edit.submit', key)) {
        setPanel({ kind: 'none' });
        dispatch({ type: 'setQuery', query: { filter: field.current().text.trim() || undefined } });
      } else field.apply(key);
      return;
    }
    if (p.kind === 'rules') {
      if (p.loading) return;
      if (matches('edit.submit', key)) loadRules(field.current().text);
      else field.apply(key);
      return;
    }
    const form = p.form;
    if (matches('edit.submit', key)) {
      const made = formChange(form);
      if (!made.ok) return setPanel({ kind: 'form', form: { ...form, error: made.message } });
      setPanel({ kind: 'none' });
      dispatch({ type: 'plan', request: { kind: 'update', change: made.change } });
      return;
    }
    const step = matches('alerts.field', key) ? 1 : matches('alerts.fieldBack', key) ? -1 : 0;
    if (step) {
      const next = reduceChangeForm(form, { type: 'field', delta: step });
      setPanel({ kind: 'form', form: next });
      if (next.field !== 'status') field.set(next[next.field]);
      return;
    }
    if (form.field === 'status') {
      const delta = matches('alerts.nextStatus', key) || matches('alerts.select', key) ? 1 : matches('alerts.previousStatus', key) ? -1 : 0;
      if (delta) setPanel({ kind: 'form', form: reduceChangeForm(form, { type: 'status', delta }) });
      return;
    }
    field.apply(key);
  };

  const listKey = (s: TriageState, key: KeyEvent): boolean => {
    const move = (delta: number): void => {
      dispatch({ type: 'move', delta });
      if (latest().open) dispatch({ type: 'openDetail' });
      setDetailOffset(0);
    };
    if (matches('list.down', key)) move(1);
    else if (matches('list.up', key)) move(-1);
    else if (matches('list.pageDown', key)) move(page);
    else if (matches('list.pageUp', key)) move(-page);
    else if (matches('alerts.first', key)) move(-s.cursor);
    else if (matches('alerts.last', key)) move(s.alerts.length);
    else if (matches('alerts.detail', key)) {
      dispatch(s.open ? { type: 'closeDetail' } : { type: 'openDetail' });
      setDetailOffset(0);
    } else if (matches('alerts.detailDown', key)) setDetailOffset((o) => o + Math.max(1, detailHeight - 2));
    else if (matches('alerts.detailUp', key)) setDetailOffset((o) => Math.max(0, o - Math.max(1, detailHeight - 2)));
    else if (matches('alerts.select', key)) dispatch({ type: 'toggleSelect' });
    else if (matches('alerts.selectAll', key)) dispatch({ type: 'selectAll', on: s.selected.length < s.alerts.length });
    else if (matches('alerts.preset', key)) {
      const i = s.query.preset ? PRESET_NAMES.indexOf(s.query.preset) : -1;
      dispatch({ type: 'setQuery', query: { preset: PRESET_NAMES[i + 1] } });
    } else if (matches('alerts.filter', key)) {
      setPanel({ kind: 'filter', text: s.query.filter ?? '' });
      field.set(s.query.filter ?? '');
    } else if (matches('alerts.rules', key)) {
      setPanel({ kind: 'rules', text: '' });
      field.set('');
    } else if (matches('alerts.contain', key)) {
      const handed = containmentFromAlerts(targetsOf(s));
      if (handed) onContain(handed);
      else setNote('None of these alerts names a host to contain.');
    } else if (matches('alerts.hashSearch', key)) {
      const a = currentAlert(s);
      const handed = a && hashSearchFromAlert(a);
      if (handed) onHashSearch(handed);
      else setNote('This alert names no file hash.');
    } else {
      const f = FORM_KEYS.find(([command]) => matches(command, key))?.[1];
      if (!f) return false;
      if (refusal) setNote(refusal);
      else if (targetsOf(s).length) openForm(f);
    }
    return true;
  };

  useKeypress(
    (key) => {
      const s = latest();
      const p = panelRef.current;
      if (s.step === 'list' && p.kind !== 'none') {
        panelKey(p, key);
        return true;
      }
      setNote(undefined);
      if (s.step === 'confirm') {
        if (matches('alerts.back', key)) dispatch({ type: 'back' });
        else if (matches('edit.submit', key)) dispatch({ type: 'confirm', text: field.current().text });
        else field.apply(key);
        return true;
      }
      if (matches('alerts.back', key)) {
        if (s.step === 'applying') setNote(triage.stop() ? 'Stopping after the batch in flight; what it did is recorded…' : undefined);
        else if (s.step === 'done') dispatch({ type: 'setQuery', query: {} });
        else if ((s.step === 'list' && !s.open) || s.step === 'loading') onClose();
        else dispatch({ type: 'back' });
        return true;
      }
      if (s.failure && matches('wizard.retry', key)) {
        dispatch({ type: 'retry' });
        return true;
      }
      if (s.step === 'list') return listKey(s, key);
      if (s.step === 'review') {
        const n = planRows(s.plan).length;
        if (matches('list.down', key)) dispatch({ type: 'movePlan', delta: 1 });
        else if (matches('list.up', key)) dispatch({ type: 'movePlan', delta: -1 });
        else if (matches('list.pageDown', key)) dispatch({ type: 'movePlan', delta: page });
        else if (matches('list.pageUp', key)) dispatch({ type: 'movePlan', delta: -page });
        else if (matches('alerts.select', key)) dispatch({ type: 'toggleRow' });
        else if (matches('alerts.detail', key)) {
          if (refusal && n) setNote(refusal);
          else {
            dispatch({ type: 'proceed' });
            field.set('');
          }
        } else return false;
        return true;
      }
      if (s.step === 'done' && matches('alerts.detail', key)) {
        // Back to the table, read again: the changes show.
        dispatch({ type: 'setQuery', query: {} });
        return true;
      }
      return false;
    },
    { isActive: active },
  );

  const title = `Alert triage${STEP_TITLES[state.step] ? ` — ${STEP_TITLES[state.step]}` : ''}`;
  const selected = state.selected.length ? ` · ${state.selected.length} selected` : '';
  const count = useMemo(() => targetsOf(state).length, [state.selected, state.cursor, state.alerts]);
  const hint = hintFor(state.step, refusal);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color(state.step === 'confirm' || state.step === 'applying' ? 'warn' : 'accent')} width={width} height={height} paddingX={1}>
      <Text bold wrap="truncate">
        {title}
        {refusal ? <Text color={color('warn')}> · read-only: changes are refused</Text> : null}
      </Text>
      <Text wrap="truncate" color={color('muted')}>
        {state.step === 'loading' ? queryLine(state.query) : queryLine(state.query, state.alerts.length, state.total)}
        {selected}
      </Text>
      {state.step === 'loading' && <Text>Loading alerts…</Text>}
      {state.step === 'list' && state.alerts.length === 0 && <Text color={color('ok')}>No alerts match.</Text>}
      {state.step === 'list' && state.alerts.length > 0 && <AlertList state={state} width={width - 4} rows={tableRows} detailHeight={detailHeight} detailOffset={detailOffset} />}
      {state.step === 'list' && (panel.kind === 'filter' || panel.kind === 'rules') && <PanelPrompt panel={panel} field={field} active={active} />}
      {state.step === 'list' && panel.kind === 'form' && <ChangeFormView form={panel.form} field={field} count={count} />}
      {state.step === 'planning' && <Text>{state.request?.kind === 'rules' ? 'Matching the rules against the open alerts…' : 'Reading the alerts to change…'}</Text>}
      {(state.step === 'review' || state.step === 'confirm') && <PlanReview state={state} width={width - 4} height={inner - 4 - (state.step === 'confirm' ? 2 : 0)} />}
      {state.step === 'confirm' && (
        <>
          <ConfirmLine state={state} />
          <FieldText field={field} focus={active} />
          {state.confirmError && <Text color={color('error')}>{state.confirmError}</Text>}
        </>
      )}
      {state.step === 'applying' && state.progress && (
        <Text>
          sent {state.progress.sent} of {state.progress.total} alerts{triage.stopping ? ' · stopping after the batch in flight…' : ''}
        </Text>
      )}
      {state.step === 'done' && <Results state={state} auditPath={audit.path} height={inner - 4} />}
      {state.failure && <StepFailureView failure={state.failure} />}
      <Box flexGrow={1} />
      {note && (
        <Text color={color('warn')} wrap="truncate">
          {safe(note)}
        </Text>
      )}
      <Text color={color('muted')} wrap="truncate">
        {hint}
      </Text>
    </Box>
  );
}
