// The containment wizard in the shell, drawn from the core state machine:
// targets → (pick among duplicate hostnames) → review table → type to
// confirm → submit → live status watch → per-host results. Esc steps back;
// a failed step is retried with r, without starting over.
import React from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import { reduceContainment, initialContainmentState, nextEffect, effectKey, currentChoice, confirmPrompt, canGoBack } from '../../core/wizards/containment/machine.js';
import { runEffect, type ContainmentDeps } from '../../core/wizards/containment/effects.js';
import type { ContainmentState } from '../../core/wizards/containment/types.js';
import { choiceLines, pollErrorLine, resultsTable, summaryLine, watchLines } from '../../core/wizards/containment/format.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';
import { useSyncReducer } from '../hooks/useSyncReducer.js';
import { useWizardEffects } from '../hooks/useWizardEffects.js';
import { LineInput } from '../components/LineInput.js';
import { matches } from '../keys/keymap.js';
import { color } from '../theme.js';
import { StepFailureView } from './StepFailureView.js';
import { ReviewTable } from './ReviewTable.js';

export interface ContainmentWizardProps {
  deps: ContainmentDeps;
  /** e.g. hosts handed over from a hash search */
  initial?: ContainmentState;
  width: number;
  height: number;
  onClose(): void;
}

const STEP_TITLES: Record<ContainmentState['step'], string> = {
  input: 'targets',
  resolving: 'resolving hostnames…',
  choose: 'pick the host',
  review: 'review',
  confirm: 'confirm',
  submitting: 'submitting…',
  watching: 'watching status…',
  done: 'results',
  error: 'error',
};

export function ContainmentWizard({ deps, initial, width, height, onClose }: ContainmentWizardProps): React.JSX.Element {
  const [state, dispatch, latest] = useSyncReducer(reduceContainment, () => initial ?? initialContainmentState());
  const effect = nextEffect(state);
  useWizardEffects(effect, effectKey(effect), (e, signal) => runEffect(e, deps, dispatch, signal));
  const [cursor, setCursorState] = React.useState(0);
  // The cursor as the last key left it, for the next key in the same burst.
  const at = React.useRef(cursor);
  const setCursor = (f: (c: number) => number): void => {
    at.current = f(at.current);
    setCursorState(at.current);
  };

  useKeypress((key) => {
    const s = latest();
    if (matches('wizard.back', key)) {
      if (canGoBack(s)) dispatch({ type: 'back' });
      else onClose();
      return true;
    }
    if (s.failure && matches('wizard.retry', key)) {
      dispatch({ type: 'retry' });
      return true;
    }
    if (s.step === 'input' && matches('wizard.switchAction', key)) {
      dispatch({ type: 'setAction', action: s.action === 'contain' ? 'lift' : 'contain' });
      return true;
    }
    const c = at.current;
    if (s.step === 'choose') {
      const choice = currentChoice(s);
      const n = choice?.hosts.length ?? 0;
      if (matches('list.down', key)) setCursor((i) => Math.min(i + 1, n - 1));
      else if (matches('list.up', key)) setCursor((i) => Math.max(i - 1, 0));
      else if (matches('wizard.toggle', key)) {
        const host = choice?.hosts[c];
        if (host) dispatch({ type: 'togglePick', deviceId: host.deviceId });
      } else if (matches('wizard.proceed', key)) {
        dispatch({ type: 'confirmPicks' });
        setCursor(() => 0);
      } else return false;
      return true;
    }
    if (s.step === 'review') {
      const rows = s.review?.rows ?? [];
      if (matches('list.down', key)) setCursor((i) => Math.min(i + 1, rows.length - 1));
      else if (matches('list.up', key)) setCursor((i) => Math.max(i - 1, 0));
      else if (matches('wizard.toggle', key)) {
        const row = rows[c];
        if (row) dispatch({ type: 'toggleRow', deviceId: row.host.deviceId });
      } else if (matches('wizard.proceed', key)) dispatch({ type: 'proceed' });
      else return false;
      return true;
    }
    if (s.step === 'done' && matches('wizard.proceed', key)) {
      onClose();
      return true;
    }
    return false;
  });

  const title = `${state.action === 'contain' ? 'Contain' : 'Lift containment of'} hosts — ${STEP_TITLES[state.step]}`;
  const prompt = confirmPrompt(state);
  const choice = currentChoice(state);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color(state.action === 'contain' ? 'warn' : 'accent')} width={width} height={height} paddingX={1}>
      <Text bold>{title}</Text>
      {state.step === 'input' && (
        <>
          <Text color={color('muted')}>Hostnames or device ids, separated by spaces or commas. Tab switches contain/lift.</Text>
          <LineInput value={state.text} focus placeholder="NYC-LT-3605 redis-prod-27 …" onChange={(text) => dispatch({ type: 'setText', text })} onSubmit={() => dispatch({ type: 'submitInput' })} />
          {state.inputError && <Text color={color('error')}>{state.inputError}</Text>}
        </>
      )}
      {state.step === 'choose' && choice && (
        <>
          {choiceLines(choice, Date.now()).map((line, i) => {
            const host = i >= 2 ? choice.hosts[i - 2] : undefined;
            const picked = host && (state.picks[choice.input] ?? []).includes(host.deviceId);
            return (
              <Text key={i} wrap="truncate" color={host && i - 2 === cursor ? color('accent') : undefined} bold={i === 1}>
                {i < 2 ? '      ' : `${i - 2 === cursor ? '▸ ' : '  '}[${picked ? 'x' : ' '}]`}
                {line}
              </Text>
            );
          })}
          <Text color={color('muted')}>↑/↓ move · Space picks · Enter goes on · Esc back</Text>
          {state.chooseError && <Text color={color('error')}>{state.chooseError}</Text>}
        </>
      )}
      {(state.step === 'review' || state.step === 'confirm') && state.review && (
        <ReviewTable review={state.review} cursor={state.step === 'review' ? cursor : -1} height={Math.max(3, height - 8)} />
      )}
      {state.step === 'review' && <Text color={color('muted')}>↑/↓ move · Space (de)selects · Enter goes on · Esc back</Text>}
      {state.step === 'confirm' && prompt && (
        <>
          <Text color={color('warn')}>{prompt.hint}</Text>
          <LineInput value={state.confirmText} focus onChange={(text) => dispatch({ type: 'setConfirmText', text })} onSubmit={() => dispatch({ type: 'confirm' })} />
          {state.confirmError && <Text color={color('error')}>{state.confirmError}</Text>}
        </>
      )}
      {state.step === 'submitting' && state.submitProgress && (
        <Text>
          sent {state.submitProgress.sent} of {state.submitProgress.total}
        </Text>
      )}
      {state.step === 'watching' && state.watch && (
        <>
          {watchLines(state, Math.max(1, height - 6)).map((line, i) => (
            <Text key={i} wrap="truncate">
              {line}
            </Text>
          ))}
          {state.watch.stopping && <Text color={color('muted')}>Stopped: looking at each host once more, so the results say where it stands…</Text>}
          {pollErrorLine(state) && <Text color={color('warn')}>{pollErrorLine(state)}</Text>}
        </>
      )}
      {state.step === 'done' && (
        <>
          {resultsTable(state.results)
            .split('\n')
            .slice(0, Math.max(1, height - 5))
            .map((l, i) => (
              <Text key={i} wrap="truncate">
                {l}
              </Text>
            ))}
          <Text bold>{summaryLine(state.action, state.results)}</Text>
          <Text color={state.audit.state === 'failed' ? color('warn') : color('muted')} wrap="truncate">
            {state.audit.state === 'written'
              ? `Recorded in the audit log (${state.audit.path}; talon audit shows it).`
              : state.audit.state === 'failed'
                ? `Not recorded in the audit log: ${terminalSafe(state.audit.message)}`
                : state.audit.state === 'pending'
                  ? 'Recording in the audit log…'
                  : 'Nothing was sent, so nothing was recorded.'}
          </Text>
          <Text color={color('muted')}>Enter or Esc closes</Text>
        </>
      )}
      {state.failure && <StepFailureView failure={state.failure} />}
    </Box>
  );
}
