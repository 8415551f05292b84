// The shell's screen: status bar, endpoint line with completions, composer
// panes, response pane, and the overlays (help, confirmation, profiles).
// Global keys are handled here; each pane handles its own while focused.
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text, useInput, useStdin } from 'ink';
import type { ShellBackend } from '../../core/shell/shellBackend.js';
import type { EndpointSource } from '../../core/shell/endpointSource.js';
import type { TerminalSize } from '../hooks/useTerminalSize.js';
import { useShell } from './useShell.js';
import { calculateLayout, FOCUS_ORDER, type PaneId } from './layout.js';
import { matches, isF1 } from '../keys/keymap.js';
import { color } from '../theme.js';
import { StatusBar } from '../components/StatusBar.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { Overlays, type Overlay } from './Overlays.js';
import type { ApiRequest } from '../../core/http/types.js';
import type { Command } from '../keys/keymap.js';
import { buildRequest } from '../../core/composer/composerState.js';
import { savedFromRequest } from '../../core/saved/savedRequest.js';
import { variablesOf } from '../../core/saved/variables.js';
import { collectionDir, saveRequest } from '../../core/saved/collection.js';
import type { ContainmentState } from '../../core/wizards/containment/types.js';
import { EndpointPicker, type EndpointHit } from '../panes/EndpointPicker.js';
import { MethodPane } from '../panes/MethodPane.js';
import { ParamsPane } from '../panes/ParamsPane.js';
import { BodyPane } from '../panes/BodyPane.js';
import { ResponsePane } from '../panes/ResponsePane.js';
import { ErrorBoundary } from './ErrorBoundary.js';

export interface AppProps {
  backend: ShellBackend;
  /** where history, saved requests and config live (TALON_HOME) */
  env: NodeJS.ProcessEnv;
  /** undefined while the catalog loads */
  source?: EndpointSource;
  size: TerminalSize;
  onQuit(): void;
  /** where fetch-all and `w` write files (the current directory by default) */
  directory?: string;
}

/** Panes where printable keys are commands rather than text. */
const OUTSIDE_TEXT: readonly PaneId[] = ['method', 'response'];

/** Commands that open an overlay, and which. */
const OVERLAY_COMMANDS: Partial<Record<Command, Overlay>> = {
  'app.palette': 'palette',
  'app.history': 'history',
  'app.saved': 'saved',
  'app.saveRequest': 'save',
  'app.profiles': 'profiles',
  'app.help': 'help',
  'app.importCurl': 'curl',
  'app.contain': 'contain',
  'app.hashSearch': 'hashSearch',
};

export function App({ backend, env, source, size, onQuit, directory }: AppProps): React.JSX.Element {
  const shell = useShell(backend, directory);
  const [focus, setFocus] = useState<PaneId>('endpoint');
  const [overlay, setOverlay] = useState<Overlay>('none');
  const [endpointText, setEndpointText] = useState('');
  const [containFrom, setContainFrom] = useState<ContainmentState>();
  const { stdin } = useStdin();
  const width = size.columns;
  const [listDismissed, setListDismissed] = useState(false);
  // Searched once per change of the text; the picker and the layout share the result.
  const hits = useMemo(
    () => (source && endpointText.trim() && endpointText !== shell.composer.pathTemplate ? source.search(endpointText, 12) : []),
    [source, endpointText, shell.composer.pathTemplate],
  );
  const segments = useMemo(() => source?.nextSegments(endpointText) ?? [], [source, endpointText]);
  const listOpen = focus === 'endpoint' && !listDismissed && hits.length > 0;
  const [promptOpen, setPromptOpen] = useState(false);
  const layout = calculateLayout(size.rows, focus, listOpen);
  const modal = overlay !== 'none' || shell.confirm !== undefined;

  // F1 has no Key flag in Ink: watch the raw input for its sequences.
  useEffect(() => {
    const onData = (data: Buffer | string): void => {
      // A pending confirmation keeps the keys: help would hide the question.
      if (isF1(String(data)) && !shell.confirm) setOverlay((o) => (o === 'help' ? 'none' : 'help'));
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

  const run = (command: Command): void => {
    const opens = OVERLAY_COMMANDS[command];
    if (opens === 'contain') setContainFrom(undefined);
    if (opens) return setOverlay(opens);
    setOverlay('none');
    if (command === 'app.send') shell.send();
  };

  useInput((input, key) => {
    if (shell.confirm) return; // the dialog owns the keys
    if (overlay !== 'none') {
      // The overlay handles its keys; help closes on ? as well.
      if (overlay === 'help' && (key.escape || input === '?')) setOverlay('none');
      return;
    }
    if (matches('app.send', input, key)) return shell.send();
    for (const command of Object.keys(OVERLAY_COMMANDS) as Command[]) {
      if (command !== 'app.help' && matches(command, input, key)) return run(command);
    }
    if (matches('focus.endpoint', input, key)) return setFocus('endpoint');
    if (matches('focus.next', input, key) || matches('focus.previous', input, key)) {
      const i = FOCUS_ORDER.indexOf(focus);
      const step = matches('focus.next', input, key) ? 1 : -1;
      return setFocus(FOCUS_ORDER[(i + step + FOCUS_ORDER.length) % FOCUS_ORDER.length] as PaneId);
    }
    if (key.escape) {
      if (shell.cancel()) return;
      shell.setMessage(undefined);
      return;
    }
    if (OUTSIDE_TEXT.includes(focus) && !promptOpen && matches('app.help', input, key)) setOverlay('help');
  });

  /** Puts a request (from history or a saved one) into the composer. */
  const load = (req: ApiRequest): void => {
    const op = source?.findByPath(req.method, req.path);
    shell.dispatch({ type: 'loadRequest', request: req, operation: op });
    setEndpointText(op?.path ?? req.path);
    setOverlay('none');
    setFocus('params');
  };

  const save = (name: string, description: string): string | undefined => {
    const built = buildRequest(shell.composer);
    if (!built.ok) return `Cannot save: ${built.problems.join('; ')}`;
    try {
      const saved = savedFromRequest(name, built.request, description);
      const file = saveRequest(collectionDir(undefined, env), { ...saved, variables: Object.fromEntries(variablesOf(saved).map((v) => [v, {}])) });
      setOverlay('none');
      shell.setMessage(`Saved as ${name} (${file}).`);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  };

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
  const { operation, method, pathTemplate } = shell.composer;
  const scopes = useMemo(() => operation?.scopes ?? source?.scopesFor(method, pathTemplate), [operation, source, method, pathTemplate]);
  const footer = shell.sending
    ? { text: 'Sending… Esc cancels.', role: 'accent' as const }
    : shell.message
      ? { text: shell.message.text, role: shell.message.error ? ('error' as const) : ('ok' as const) }
      : shell.status.error
        ? { text: `Not connected: ${shell.status.error}`, role: 'error' as const }
        : backend.historyWarning
        ? { text: `History not written: ${backend.historyWarning}`, role: 'warn' as const }
        : { text: 'Ctrl+S send · Tab next pane · Ctrl+K commands · Ctrl+R history · F1 help · Ctrl+C quit', role: 'muted' as const };
  const demoHint = shell.status.demo && !shell.response ? ' Demo tenant: connect a real one with talon profile add NAME --client-id ID --store-secret.' : '';

  return (
    <Box flexDirection="column" width={width} height={size.rows - 1}>
      <StatusBar status={shell.status} width={width} />
      {overlay !== 'none' && (
        <Overlays
          overlay={overlay}
          width={width}
          height={size.rows - 2}
          backend={backend}
          env={env}
          close={() => setOverlay('none')}
          run={run}
          load={load}
          resend={(req) => {
            load(req);
            shell.send();
          }}
          save={save}
          containFrom={containFrom}
          handOff={(state) => {
            setContainFrom(state);
            setOverlay('contain');
          }}
        />
      )}
      {overlay === 'none' && shell.confirm && (
        <ConfirmDialog title={shell.confirm.title} lines={shell.confirm.lines} width={width} onAnswer={shell.answerConfirm} />
      )}
      {/* Hidden, not unmounted, under an overlay: scroll, folds, search and cursors survive it. */}
      <Box flexDirection="column" display={modal ? 'none' : 'flex'}>
        <ErrorBoundary name="endpoint">
          <EndpointPicker
            value={endpointText}
            method={shell.composer.method}
            onChange={(text) => {
              setListDismissed(false);
              setEndpointText(text);
            }}
            onPick={pick}
            onSubmitPath={submitPath}
            hits={hits}
            segments={segments}
            open={listOpen}
            onDismiss={() => setListDismissed(true)}
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
              directory={directory}
              onPromptChange={setPromptOpen}
            />
          </ErrorBoundary>
        ) : null}
      </Box>
      <Text wrap="truncate" color={color(footer.role)}>
        {footer.text}
        {demoHint}
      </Text>
    </Box>
  );
}
