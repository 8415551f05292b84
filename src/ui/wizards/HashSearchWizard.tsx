// The hash-search wizard in the shell: a sha256, md5, domain or IP →
// the hosts that observed it (table) → Enter drills into a host's
// processes; Space keeps or drops a host, c hands the kept hosts to the
// containment wizard, e/E export JSON/CSV. Nothing found is a normal answer.
import React, { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeypress } from '../keys/KeypressProvider.js';
import { reduceHashSearch, initialHashSearchState, nextHashEffect, hashEffectKey } from '../../core/wizards/hashSearch/machine.js';
import { runHashEffect } from '../../core/wizards/hashSearch/effects.js';
import { describeIndicator } from '../../core/wizards/hashSearch/indicator.js';
import { resultToCsv, resultToJson } from '../../core/wizards/hashSearch/export.js';
import { containmentFromHashSearch } from '../../core/wizards/hashSearch/handoff.js';
import type { ContainmentState } from '../../core/wizards/containment/types.js';
import type { HashSearchState } from '../../core/wizards/hashSearch/machine.js';
import { formatTable, hostColumns } from '../../core/wizards/textTable.js';
import { processLine } from '../../core/wizards/hashSearch/processLine.js';
import type { HostRecord } from '../../core/wizards/hostRecords.js';
import type { ApiCaller } from '../../core/http/types.js';
import { useSyncReducer } from '../hooks/useSyncReducer.js';
import { useWizardEffects } from '../hooks/useWizardEffects.js';
import { LineInput } from '../components/LineInput.js';
import { matches } from '../keys/keymap.js';
import { color } from '../theme.js';
import { StepFailureView } from './StepFailureView.js';

export interface HashSearchWizardProps {
  caller: ApiCaller;
  /** e.g. a hash handed over from alert triage, already searching */
  initial?: HashSearchState;
  width: number;
  height: number;
  /** writes a new export file and returns its path (throws a sentence) */
  exportFile(name: string, text: string): string;
  /** false while hidden under the containment wizard it handed hosts to */
  active?: boolean;
  onContain(initial: ContainmentState): void;
  onClose(): void;
}

export function HashSearchWizard({ caller, initial, exportFile, width, height, active = true, onContain, onClose }: HashSearchWizardProps): React.JSX.Element {
  const [state, dispatch, latest] = useSyncReducer(reduceHashSearch, () => initial ?? initialHashSearchState());
  const effect = nextHashEffect(state);
  useWizardEffects(effect, hashEffectKey(effect), (e, signal) => runHashEffect(e, caller, dispatch, signal));
  const [cursor, setCursor] = useState(0);
  const [note, setNote] = useState<string>();
  const hosts = state.result?.hosts ?? [];

  const exportAs = (kind: 'json' | 'csv'): void => {
    const result = latest().result;
    if (!result) return;
    const name = `talon-hash-search-${result.indicator.value.slice(0, 16).replace(/[^A-Za-z0-9.-]/g, '_')}-${Date.now()}.${kind}`;
    try {
      setNote(`exported to ${exportFile(name, kind === 'json' ? resultToJson(result) : resultToCsv(result))}`);
    } catch (e) {
      setNote((e as Error).message);
    }
  };

  const at = useRef(cursor);
  at.current = cursor;
  useKeypress((key) => {
    const s = latest();
    if (matches('hash.back', key)) {
      if (s.step === 'input' && !s.open) onClose();
      else dispatch({ type: 'back' });
      return true;
    }
    if (s.failure && matches('wizard.retry', key)) {
      dispatch({ type: 'retry' });
      return true;
    }
    if (s.step !== 'results' || !s.result) return false;
    const last = s.result.hosts.length - 1;
    const host = s.result.hosts[at.current];
    if (matches('list.down', key)) setCursor((c) => (at.current = Math.min(c + 1, last)));
    else if (matches('list.up', key)) setCursor((c) => (at.current = Math.max(c - 1, 0)));
    else if (matches('hash.toggle', key)) {
      if (host) dispatch({ type: 'toggleHost', deviceId: host.deviceId });
    } else if (matches('hash.open', key)) {
      if (host) dispatch({ type: 'openHost', deviceId: host.deviceId });
    }
    else if (matches('hash.all', key)) dispatch({ type: 'selectAll', on: s.selected.length < s.result.hosts.length });
    else if (matches('hash.contain', key)) {
      if (s.selected.length > 0) onContain(containmentFromHashSearch(s.result, s.selected));
    }
    // e/E rather than j: j scrolls elsewhere in the shell.
    else if (matches('hash.exportJson', key)) exportAs('json');
    else if (matches('hash.exportCsv', key)) exportAs('csv');
    else return false;
    return true;
  }, { isActive: active });

  const table = hosts.length
    ? formatTable(hostColumns<HostRecord>(['hostname', 'status', 'lastSeen', 'platform', 'deviceId'], (h) => h), hosts).trimEnd().split('\n')
    : [];
  const open = state.open ? state.processes[state.open] : undefined;
  const rows = Math.max(1, height - 8 - (open ? 6 : 0));
  const first = Math.max(0, Math.min(cursor - Math.floor(rows / 2), hosts.length - rows));
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color('accent')} width={width} height={height} paddingX={1}>
      <Text bold>Find every host that saw a file{state.indicator ? ` — ${describeIndicator(state.indicator)}` : ''}</Text>
      {state.step === 'input' && (
        <>
          <Text color={color('muted')}>A sha256 or md5 (also a domain, IPv4 or IPv6). Enter searches, Esc closes.</Text>
          <LineInput value={state.text} focus={active} placeholder="84f5db9715e6d5a1…" onChange={(text) => dispatch({ type: 'setText', text })} onSubmit={() => dispatch({ type: 'submit' })} />
          {state.inputError && <Text color={color('error')}>{state.inputError}</Text>}
        </>
      )}
      {state.step === 'searching' && <Text>Searching…</Text>}
      {state.step === 'results' && hosts.length === 0 && <Text color={color('ok')}>Seen on no host.</Text>}
      {state.step === 'results' && hosts.length > 0 && (
        <>
          <Text>
            Seen on {hosts.length} host{hosts.length === 1 ? '' : 's'}; {state.selected.length} kept for containment.
          </Text>
          <Text bold wrap="truncate">
            {'     '}
            {table[0]}
          </Text>
          {table.slice(1 + first, 1 + first + rows).map((line, i) => {
            const h = hosts[first + i] as HostRecord;
            const active = first + i === cursor;
            return (
              <Text key={h.deviceId} wrap="truncate" color={active ? color('accent') : undefined}>
                {active ? '▸ ' : '  '}[{state.selected.includes(h.deviceId) ? 'x' : ' '}]{line}
              </Text>
            );
          })}
          {open?.state === 'loading' && <Text>Loading processes…</Text>}
          {open?.state === 'failed' && <Text color={color('error')}>{open.message}</Text>}
          {open?.state === 'loaded' &&
            (open.rows.length ? open.rows : []).slice(0, 5).map((p) => (
              <Text key={p.processId} wrap="truncate" color={color('muted')}>
                {'    '}
                {processLine(p)}
              </Text>
            ))}
          {open?.state === 'loaded' && open.rows.length === 0 && <Text color={color('muted')}>    no process recorded on this host</Text>}
          <Text color={color('muted')} wrap="truncate">
            ↑/↓ move · Enter processes · Space keep/drop · a all · c contain kept hosts · e JSON · E CSV · Esc back
          </Text>
        </>
      )}
      {note && <Text color={color('ok')}>{note}</Text>}
      {state.failure && <StepFailureView failure={state.failure} />}
    </Box>
  );
}
