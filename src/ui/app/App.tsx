// The shell's screen: status bar, endpoint line with completions, composer
// panes, response pane, and the overlays (help, confirmation, profiles).
// Global keys are handled here; each pane handles its own while focused.
import React, { useEffect, useState } from 'react';
import { Box, Text, useInput, useStdin } from 'ink';
import type { ShellBackend } from '../../core/shell/shellBackend.js';
import type { EndpointSource } from '../../core/shell/endpointSource.js';
import type { TerminalSize } from '../hooks/useTerminalSize.js';
import { useShell } from './useShell.js';
import { calculateLayout, FOCUS_ORDER, type PaneId } from './layout.js';
import { matches, isF1 } from '../keys/keymap.js';
import { color } from '../theme.js';
import { StatusBar } from '../components/StatusBar.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { ProfileSwitcher } from '../components/ProfileSwitcher.js';
import { EndpointPicker, type EndpointHit } from '../panes/EndpointPicker.js';
import { MethodPane } from '../panes/MethodPane.js';
import { ParamsPane } from '../panes/ParamsPane.js';
import { BodyPane } from '../panes/BodyPane.js';
import { ResponsePane } from '../panes/ResponsePane.js';
import { ErrorBoundary } from './ErrorBoundary.js';

type Overlay = 'none' | 'help' | 'profiles';

export interface AppProps {
  backend: ShellBackend;
  /** undefined while the catalog loads */
  source?: EndpointSource;
  size: TerminalSize;
  onQuit(): void;
}

/** Panes where printable keys are commands rather than text. */
const OUTSIDE_TEXT: readonly PaneId[] = ['method', 'response'];

export function App({ backend, source, size, onQuit }: AppProps): React.JSX.Element {
  const shell = useShell(backend);
  const [focus, setFocus] = useState<PaneId>('endpoint');
  const [overlay, setOverlay] = useState<Overlay>('none');
  const [endpointText, setEndpointText] = useState('');
  const { stdin } = useStdin();
  const width = size.columns;
  const listOpen =
    focus === 'endpoint' &&
    endpointText.trim() !== '' &&
    source !== undefined &&
    endpointText !== shell.composer.pathTemplate &&
    source.search(endpointText, 1).length > 0;
  const layout = calculateLayout(size.rows, focus, listOpen);
  const modal = overlay !== 'none' || shell.confirm !== undefined;

  // F1 has no Key flag in Ink: watch the raw input for its sequences.
  useEffect(() => {
    const onData = (data: Buffer | string): void => {
      if (isF1(String(data))) setOverlay((o) => (o === 'help' ? 'none' : 'help'));
    };
    stdin.on('data', onData);
    return () => {
      stdin.off('data', onData);
    };
  }, [stdin]);

  // A new response takes the focus (and so the room) to be read.
  useEffect(() => {
    if (shell.response) setFocus('response');
  }, [shell.response]);

  useInput((input, key) => {
    if (shell.confirm) return; // the dialog owns the keys
    if (overlay !== 'none') {
      if (key.escape || (overlay === 'help' && input === '?')) setOverlay('none');
      return;
    }
    if (matches('app.send', input, key)) return shell.send();
    if (matches('app.profiles', input, key)) return setOverlay('profiles');
    if (matches('focus.endpoint', input, key)) return setFocus('endpoint');
    if (matches('focus.next', input, key) || matches('focus.previous', input, key)) {
      const visible = FOCUS_ORDER.filter((p) => p !== 'params' || shell.composer.operation || shell.composer.queryRows.length || true);
      const i = visible.indexOf(focus);
      const step = matches('focus.next', input, key) ? 1 : -1;
      return setFocus(visible[(i + step + visible.length) % visible.length] as PaneId);
    }
    if (key.escape) {
      if (shell.cancel()) return;
      shell.setMessage(undefined);
      return;
    }
    if (OUTSIDE_TEXT.includes(focus) && matches('app.help', input, key)) setOverlay('help');
  });

  const pick = (hit: EndpointHit): void => {
    if (!source) return;
    const op = source.operation(hit);
    shell.dispatch({ type: 'pickOperation', operation: op });
    setEndpointText(op.path);
    setFocus(op.params.length > 0 ? 'params' : op.bodySkeleton !== undefined ? 'body' : 'endpoint');
  };

  const submitPath = (path: string): void => {
    const op = source?.findByPath(shell.composer.method, path);
    if (op) shell.dispatch({ type: 'pickOperation', operation: op });
    else shell.dispatch({ type: 'setPath', path });
    setEndpointText(path);
  };

  const active = (p: PaneId): boolean => !modal && focus === p;
  const scopes = source?.scopesFor(shell.composer.method, shell.composer.pathTemplate);
  const footer = shell.sending
    ? { text: 'Sending… Esc cancels.', role: 'accent' as const }
    : shell.message
      ? { text: shell.message.text, role: shell.message.error ? ('error' as const) : ('ok' as const) }
      : { text: 'Ctrl+S send · Tab next pane · Ctrl+L endpoint · Ctrl+P profile · F1 help · Ctrl+C quit', role: 'muted' as const };
  const demoHint = shell.status.demo && !shell.response ? ' Demo tenant: connect a real one with talon profile add NAME --client-id ID --store-secret.' : '';

  return (
    <Box flexDirection="column" width={width} height={size.rows - 1}>
      <StatusBar status={shell.status} width={width} />
      {overlay === 'help' ? (
        <HelpOverlay width={width} height={size.rows - 2} />
      ) : overlay === 'profiles' ? (
        <ProfileSwitcher
          targets={backend.targets}
          currentId={backend.current.id}
          width={width}
          onClose={() => setOverlay('none')}
          onPick={(id) => {
            setOverlay('none');
            void backend.switchTo(id);
          }}
        />
      ) : shell.confirm ? (
        <ConfirmDialog title={shell.confirm.title} lines={shell.confirm.lines} width={width} onAnswer={shell.answerConfirm} />
      ) : (
        <>
          <ErrorBoundary name="endpoint">
            <EndpointPicker
              value={endpointText}
              method={shell.composer.method}
              onChange={setEndpointText}
              onPick={pick}
              onSubmitPath={submitPath}
              search={(q, n) => source?.search(q, n) ?? []}
              focused={active('endpoint')}
              width={width}
              listHeight={layout.list}
              ready={source !== undefined}
            />
          </ErrorBoundary>
          <MethodPane state={shell.composer} dispatch={shell.dispatch} focused={active('method')} width={width} />
          {layout.params > 0 && (
            <ErrorBoundary name="parameters">
              <ParamsPane state={shell.composer} dispatch={shell.dispatch} focused={active('params')} width={width} height={layout.params} />
            </ErrorBoundary>
          )}
          {layout.body > 0 && (
            <ErrorBoundary name="body">
              <BodyPane state={shell.composer} dispatch={shell.dispatch} focused={active('body')} width={width} height={layout.body} />
            </ErrorBoundary>
          )}
          {!listOpen || layout.response > 0 ? (
            <ErrorBoundary name="response">
              <ResponsePane
                response={shell.response}
                paging={shell.paging}
                height={layout.response}
                width={width}
                focused={active('response')}
                scopes={scopes}
                onPage={shell.page}
                fetchAll={shell.fetchAllProgress}
              />
            </ErrorBoundary>
          ) : null}
        </>
      )}
      <Text wrap="truncate" color={color(footer.role)}>
        {footer.text}
        {demoHint}
      </Text>
    </Box>
  );
}
