// The vulnerabilities view in the shell: a preset → every open Spotlight
// vulnerability it matches, grouped by CVE or by host (b toggles), a window
// of rows around the cursor with the detail of the row under it (its
// remediation fetched on demand), and the ticket the group would become.
// The logic is in core/vulns/shellView; this only draws and maps keys.
import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import type { ApiCaller } from '../../core/http/types.js';
import { useKeypress } from '../keys/KeypressProvider.js';
import { matches } from '../keys/keymap.js';
import { useSyncReducer } from '../hooks/useSyncReducer.js';
import { useWizardEffects } from '../hooks/useWizardEffects.js';
import { color } from '../theme.js';
import { LineInput } from '../components/LineInput.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';
import {
  SHELL_PRESETS,
  backCloses,
  currentGroup,
  groupsOf,
  initialVulnViewState,
  nextVulnEffect,
  reduceVulnView,
  vulnEffectKey,
  type VulnViewState,
} from '../../core/vulns/shellView/state.js';
import { runVulnEffect } from '../../core/vulns/shellView/effects.js';
import { detailLines, headerLine, rowLine, ticketLines, windowStart } from '../../core/vulns/shellView/lines.js';
import { summaryLine } from '../../core/vulns/shellView/summary.js';
import { buildTicket } from '../../core/vulns/tickets/build.js';
import { consoleBase, consoleLinks } from '../../core/vulns/tickets/consoleLinks.js';

export interface VulnsViewProps {
  caller: ApiCaller;
  /** the API's base URL, for the ticket's console links */
  apiBaseUrl: string;
  width: number;
  height: number;
  onClose(): void;
}

/** Rows the table, detail and ticket get at this height (border, title, summary, header, footer). */
function room(height: number): { detail: number; rows: number; ticket: number } {
  const inner = Math.max(6, height - 2);
  const detail = inner >= 30 ? 10 : 6;
  return { detail, rows: Math.max(1, inner - 5 - detail), ticket: Math.max(1, inner - 3) };
}

export function VulnsView({ caller, apiBaseUrl, width, height, onClose }: VulnsViewProps): React.JSX.Element {
  const [state, dispatch, latest] = useSyncReducer(reduceVulnView, initialVulnViewState);
  const effect = nextVulnEffect(state);
  useWizardEffects(effect, vulnEffectKey(effect), (e, signal) => runVulnEffect(e, caller, dispatch, signal));
  const inner = Math.max(10, width - 4);
  const space = room(height);
  const group = currentGroup(state);
  const ticket = useMemo(() => {
    if (state.step !== 'ticket' || !group) return undefined;
    const remediations = new Map(Object.entries(state.remediations));
    return ticketLines(buildTicket(group, { remediations, links: consoleLinks(consoleBase(apiBaseUrl)) }), inner);
  }, [state.step, group, state.remediations, apiBaseUrl, inner]);
  const ticketMax = Math.max(0, (ticket?.length ?? 0) - space.ticket);

  useKeypress((key) => {
    const s = latest();
    if (matches('vulns.back', key)) {
      if (backCloses(s)) onClose();
      else dispatch({ type: 'back' });
      return true;
    }
    if (matches('wizard.retry', key) && (s.failure || s.remediationFailure)) {
      dispatch({ type: 'retry' });
      return true;
    }
    return handleStepKey(s, key, dispatch, space, ticketMax);
  });

  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color('accent')} width={width} height={height} paddingX={1}>
      <Text bold wrap="truncate">
        Vulnerabilities{state.chosen && state.step !== 'presets' ? ` — ${terminalSafe(state.chosen.label)}` : ''}
      </Text>
      {state.step === 'presets' && <Presets state={state} onType={(text) => dispatch({ type: 'type', text })} />}
      {state.step === 'loading' && <Loading state={state} />}
      {state.step === 'table' && <Table state={state} inner={inner} space={space} />}
      {state.step === 'ticket' && ticket && (
        <>
          {ticket.slice(state.ticketScroll, state.ticketScroll + space.ticket).map((l, i) => (
            <Text key={state.ticketScroll + i} wrap="truncate" bold={state.ticketScroll + i === 0}>
              {l || ' '}
            </Text>
          ))}
          <Box flexGrow={1} />
          <Text color={color('muted')} wrap="truncate">
            Ticket preview, as `talon vulns tickets` makes it · ↑/↓ PgUp/PgDn · Esc back
          </Text>
        </>
      )}
    </Box>
  );
}

type Dispatch = (a: Parameters<typeof reduceVulnView>[1]) => void;

function handleStepKey(s: VulnViewState, key: Parameters<Parameters<typeof useKeypress>[0]>[0], dispatch: Dispatch, space: ReturnType<typeof room>, ticketMax: number): boolean {
  if (s.step === 'presets') {
    if (matches('list.up', key)) dispatch({ type: 'presetMove', delta: -1 });
    else if (matches('list.down', key)) dispatch({ type: 'presetMove', delta: 1 });
    else if (matches('vulns.choose', key)) dispatch({ type: 'choose' });
    // Digits pick a row, except in the typed presets field.
    else if (s.presetCursor < SHELL_PRESETS.length && /^[1-9]$/.test(key.name) && !key.ctrl && !key.meta && Number(key.name) <= SHELL_PRESETS.length) dispatch({ type: 'choose', index: Number(key.name) - 1 });
    else return false;
    return true;
  }
  if (s.step === 'table') {
    if (matches('list.up', key)) dispatch({ type: 'move', delta: -1 });
    else if (matches('list.down', key)) dispatch({ type: 'move', delta: 1 });
    else if (matches('list.pageUp', key)) dispatch({ type: 'move', delta: -space.rows });
    else if (matches('list.pageDown', key)) dispatch({ type: 'move', delta: space.rows });
    else if (matches('vulns.top', key)) dispatch({ type: 'moveTo', index: 0 });
    else if (matches('vulns.bottom', key)) dispatch({ type: 'moveTo', index: Number.MAX_SAFE_INTEGER });
    else if (matches('vulns.toggleBy', key)) dispatch({ type: 'toggleBy' });
    else if (matches('vulns.ticket', key) || matches('vulns.choose', key)) dispatch({ type: 'openTicket' });
    else if (matches('vulns.presets', key)) dispatch({ type: 'presets' });
    else return false;
    return true;
  }
  if (s.step === 'ticket') {
    if (matches('list.up', key)) dispatch({ type: 'scrollTicket', delta: -1, max: ticketMax });
    else if (matches('list.down', key)) dispatch({ type: 'scrollTicket', delta: 1, max: ticketMax });
    else if (matches('list.pageUp', key)) dispatch({ type: 'scrollTicket', delta: -space.ticket, max: ticketMax });
    else if (matches('list.pageDown', key)) dispatch({ type: 'scrollTicket', delta: space.ticket, max: ticketMax });
    else return false;
    return true;
  }
  return false;
}

function Presets({ state, onType }: { state: VulnViewState; onType(text: string): void }): React.JSX.Element {
  const typing = state.presetCursor === SHELL_PRESETS.length;
  return (
    <>
      <Text color={color('muted')} wrap="truncate">
        Open and reopened vulnerabilities. Pick a preset: ↑/↓ and Enter (or its number) · Esc closes
      </Text>
      {SHELL_PRESETS.map((p, i) => (
        <Text key={p.label} wrap="truncate" color={i === state.presetCursor ? color('accent') : undefined}>
          {i === state.presetCursor ? '▸ ' : '  '}
          {i + 1}. {p.label}
        </Text>
      ))}
      <Box>
        <Text color={typing ? color('accent') : undefined}>{typing ? '▸ ' : '  '}Type: </Text>
        <LineInput value={state.typed} focus={typing} placeholder="cve:CVE-2024-3094 · group:NAME · open-days:N · kev, combined" onChange={onType} />
      </Box>
      {state.typedError && (
        <Text color={color('error')} wrap="wrap">
          {terminalSafe(state.typedError)}
        </Text>
      )}
    </>
  );
}

function Loading({ state }: { state: VulnViewState }): React.JSX.Element {
  const p = state.progress;
  return (
    <>
      {!state.failure && (
        <Text wrap="truncate">
          Searching Spotlight…{p ? ` page ${p.page}, ${p.received.toLocaleString('en-US')}${p.total !== undefined ? ` of ${p.total.toLocaleString('en-US')}` : ''} records` : ''}
        </Text>
      )}
      {state.failure && (
        <>
          <Text color={color('error')}>{state.failure}</Text>
          <Text color={color('muted')}>r retries · Esc goes back to the presets</Text>
        </>
      )}
    </>
  );
}

function Table({ state, inner, space }: { state: VulnViewState; inner: number; space: ReturnType<typeof room> }): React.JSX.Element {
  const groups = groupsOf(state);
  const cursor = state.cursor[state.by];
  const first = windowStart(cursor, groups.length, space.rows);
  const group = groups[cursor];
  const detail = group ? detailLines(group, state.remediations, state.unknown, inner, space.detail) : [];
  return (
    <>
      <Text wrap="truncate">{state.loaded ? summaryLine(state.loaded, state.by, cursor) : ''}</Text>
      {groups.length === 0 ? (
        <Text color={color('ok')}>No vulnerability matches this preset.</Text>
      ) : (
        <>
          <Text bold wrap="truncate">
            {'  '}
            {headerLine(state.by, inner - 2)}
          </Text>
          <Box flexDirection="column" height={space.rows}>
            {groups.slice(first, first + space.rows).map((g, i) => {
              const on = first + i === cursor;
              return (
                <Text key={g.key} wrap="truncate" color={on ? color('accent') : undefined} inverse={on}>
                  {on ? '▸ ' : '  '}
                  {rowLine(g, state.by, inner - 2)}
                </Text>
              );
            })}
          </Box>
          <Box flexDirection="column" height={space.detail} borderStyle="single" borderTop borderBottom={false} borderLeft={false} borderRight={false} borderColor={color('muted')}>
            {detail.slice(0, space.detail - 1).map((l, i) => (
              <Text key={i} wrap="truncate" color={i === 0 ? undefined : color('muted')} bold={i === 0}>
                {l}
              </Text>
            ))}
          </Box>
        </>
      )}
      {state.remediationFailure && (
        <Text color={color('error')} wrap="truncate">
          Remediation not fetched: {state.remediationFailure} (r retries)
        </Text>
      )}
      <Box flexGrow={1} />
      <Text color={color('muted')} wrap="truncate">
        ↑/↓ PgUp/PgDn move · b by {state.by === 'cve' ? 'host' : 'CVE'} · t or Enter ticket · p presets · Esc back
      </Text>
    </>
  );
}
