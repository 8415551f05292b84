// The shell's screen: status bar, endpoint line with completions, composer
// panes, response pane, the overlays, the confirmation and help. App sets up
// the key dispatcher and the shell's services; Shell draws and handles the
// global keys (the lowest priority: panes and overlays go first).
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp, useStdout } from 'ink';
import { copyText, describeCopy, type ClipboardTerminal } from '../../core/clipboard/copyText.js';
import type { ShellBackend } from '../../core/shell/shellBackend.js';
import type { EndpointSource } from '../../core/shell/endpointSource.js';
import { openWorkspace } from '../../core/shell/workspace.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';
import { applyEndpointLine } from '../../core/shell/endpointLine.js';
import type { Overlay, PaneId } from '../../core/shell/shellState.js';
import type { TerminalSize } from '../hooks/useTerminalSize.js';
import { useShell } from './useShell.js';
import { calculateLayout } from './layout.js';
import { BINDINGS, bindingLabel, keyEventOf, matches, keyLabel, type Command, type KeyContext } from '../keys/keymap.js';
import type { KeyEvent } from '../keys/parseKeys.js';
import { KeypressProvider, Priority, useKeypress, useKeypressBus } from '../keys/KeypressProvider.js';
import { color } from '../theme.js';
import { StatusBar } from '../components/StatusBar.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { Overlays, overlayPreloadSteps } from './Overlays.js';
import { runWhenIdle } from './idleWork.js';
import { ShellProvider, useShellServices, type ShellServices } from './ShellContext.js';
import type { ApiRequest } from '../../core/http/types.js';
import { buildRequest } from '../../core/composer/composerState.js';
import { EndpointPicker, type EndpointHit } from '../panes/EndpointPicker.js';
import { MethodPane } from '../panes/MethodPane.js';
import { ParamsPane } from '../panes/ParamsPane.js';
import { BodyPane } from '../panes/BodyPane.js';
import { ResponsePane } from '../panes/ResponsePane.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import type { CodeChoice } from '../components/RequestCodeDialog.js';
import type { EditResult } from '../../core/editor/externalEditor.js';
import { CODE_EXTENSIONS, CODE_FORMATS, type CodeFormat } from '../../core/requestCode/requestCode.js';

export interface AppProps {
  backend: ShellBackend;
  /** where history, saved requests and config live (TALON_HOME) */
  env: NodeJS.ProcessEnv;
  /** undefined while the catalog loads */
  source?: EndpointSource;
  size: TerminalSize;
  onQuit(): void;
  /** where fetch-all, `w` and exports write files (the current directory by default) */
  directory?: string;
  /** the collection folder of saved requests (`talon --collection DIR`) */
  collection?: string;
  /** gives the terminal to an editor and takes it back (the real terminal's; tests run the editor as it is) */
  suspend?: <T>(run: () => T) => T;
  /** where copies go as OSC 52 (the terminal Ink draws on by default) */
  clipboard?: ClipboardTerminal;
}

/**
 * The overlays' code is read a second after the catalog loads, one overlay at a time and only while keys have been
 * quiet for half a second: reading one blocks the shell for 5-20 ms, which a key typed meanwhile would wait for.
 */
const PRELOAD_AFTER_MS = 1_000;
const PRELOAD_QUIET_MS = 500;

const runAsIs = <T,>(run: () => T): T => run();

/** Commands that open an overlay, and which. */
const OVERLAY_COMMANDS: Partial<Record<Command, Overlay>> = {
  'app.palette': 'palette',
  'app.history': 'history',
  'app.saved': 'saved',
  'app.saveRequest': 'save',
  'app.profiles': 'profiles',
  'app.importCurl': 'curl',
  'app.contain': 'contain',
  'app.hashSearch': 'hashSearch',
  'app.vulns': 'vulns',
  'app.dashboard': 'dashboard',
  'app.alerts': 'alerts',
  'app.requestAsCode': 'code',
};

/** The pane a context's commands run in from the palette; undefined for lists, dialogs and wizards. */
const PANE_OF: Partial<Record<KeyContext, PaneId | 'current'>> = {
  Global: 'current',
  'Text fields': 'current',
  'Endpoint line': 'endpoint',
  Method: 'method',
  Parameters: 'params',
  Body: 'body',
  Response: 'response',
  Paging: 'response',
};

const CODE_TITLES: Record<CodeFormat, string> = { curl: 'curl (the token as $FALCON_TOKEN)', falconpy: 'FalconPy (Uber class command())', typescript: 'TypeScript SDK (crowdstrike-falcon)', talon: 'talon request' };

export function App({ backend, env, directory, collection, suspend = runAsIs, clipboard, ...rest }: AppProps): React.JSX.Element {
  const services = useMemo<ShellServices>(
    () => ({ backend, workspace: openWorkspace({ env, directory, collection }), suspend }),
    [backend, env, directory, collection, suspend],
  );
  const { stdout } = useStdout();
  const terminal = useMemo<ClipboardTerminal>(
    () => clipboard ?? { write: (data) => void stdout.write(data), isTTY: Boolean(stdout.isTTY), term: env.TERM },
    [clipboard, stdout, env],
  );
  return (
    <KeypressProvider>
      <ShellProvider value={services}>
        <Shell directory={directory} env={env} terminal={terminal} {...rest} />
      </ShellProvider>
    </KeypressProvider>
  );
}

function Shell({ source, size, directory, env, terminal }: Pick<AppProps, 'source' | 'size' | 'directory' | 'env'> & { terminal: ClipboardTerminal }): React.JSX.Element {
  const { backend, workspace, suspend } = useShellServices();
  const shell = useShell(backend, directory);
  const editExternally = (text: string, suffix: string): EditResult => suspend(() => workspace.editText(text, suffix));
  const { state, dispatch } = shell;
  const { focus, overlay } = state;
  // The endpoint line as typed; `line` (a ref) is what the last key left, for a Ctrl+S in the same burst.
  const [endpointText, setEndpointTextState] = useState('');
  const line = useRef('');
  const setEndpointText = (text: string): void => {
    line.current = text;
    setEndpointTextState(text);
  };
  const width = size.columns;
  // The overlays' code loads once the endpoint line is up and the shell idle, so Ctrl+G and the rest open at once.
  const bus = useKeypressBus();
  useEffect(() => {
    if (!source) return;
    return runWhenIdle(overlayPreloadSteps(), { lastKeyAt: bus.lastKeyAt, quietMs: PRELOAD_QUIET_MS, startAfterMs: PRELOAD_AFTER_MS });
  }, [source, bus]);
  const [listDismissed, setListDismissed] = useState(false);
  // Searched once per change of the text; the picker and the layout share the result.
  const hits = useMemo(
    () => (source && endpointText.trim() && endpointText !== shell.composer.pathTemplate ? source.search(endpointText, 12) : []),
    [source, endpointText, shell.composer.pathTemplate],
  );
  const segments = useMemo(() => source?.nextSegments(endpointText) ?? [], [source, endpointText]);
  const listOpen = focus === 'endpoint' && !listDismissed && hits.length > 0;
  const layout = calculateLayout(size.rows, focus, listOpen, size.columns);
  const paramsWidth = Math.floor(width * 0.45);
  const confirming = state.phase.kind === 'confirming' ? state.phase : undefined;
  const covered = overlay !== 'none' || confirming !== undefined || state.help;

  /** Makes the composer's request what the endpoint line says; a warning when the path is not in the catalog. */
  const applyLine = (text: string): string | undefined => {
    const applied = applyEndpointLine(shell.latestComposer(), text, (m, p) => source?.findByPath(m, p));
    for (const a of applied.actions) shell.compose(a);
    setEndpointText(applied.line);
    return source ? applied.warning : undefined;
  };

  const send = (): void => {
    // Ctrl+S sends what the line shows, even when it was edited without Enter.
    const typed = line.current.trim();
    const edited = typed !== '' && typed !== shell.latestComposer().pathTemplate;
    const warning = edited ? applyLine(typed) : undefined;
    shell.send();
    if (warning && shell.latest().phase.kind !== 'idle') shell.setMessage(warning);
  };

  // The palette runs a command as its key would: in the pane the command belongs to, after the palette closes.
  const inkApp = useApp();
  const [pendingKey, setPendingKey] = useState<{ key: KeyEvent }>();
  useEffect(() => {
    if (pendingKey) bus.dispatch(pendingKey.key);
  }, [bus, pendingKey]);
  const run = (command: Command): void => {
    const opens = OVERLAY_COMMANDS[command];
    if (opens) return dispatch({ type: 'open', overlay: opens });
    dispatch({ type: 'close' });
    if (command === 'app.help' || command === 'app.helpAnywhere') return dispatch({ type: 'toggleHelp' });
    if (command === 'app.send') return send();
    // Ctrl+C is Ink's own (exitOnCtrlC), not a key the dispatcher sees: quit as it does.
    if (command === 'app.quit') return inkApp.exit();
    const binding = BINDINGS.find((b) => b.command === command);
    const key = keyEventOf(command);
    if (!binding || !key) return;
    const pane = PANE_OF[binding.context];
    if (pane === undefined) {
      shell.setMessage(`"${binding.description}" works in ${binding.context.toLowerCase()}: ${bindingLabel(binding)} there.`);
      return;
    }
    if (pane !== 'current') dispatch({ type: 'focus', pane });
    setPendingKey({ key });
  };

  // F1 from anywhere; a pending question stays under the help and is there when it closes.
  useKeypress(
    (key) => {
      if (!matches('app.helpAnywhere', key)) return false;
      dispatch({ type: 'toggleHelp' });
      return true;
    },
    { priority: Priority.Help, isActive: !state.help },
  );

  // Global keys: whatever the focused pane or field did not take.
  useKeypress(
    (key) => {
      const opens = (Object.entries(OVERLAY_COMMANDS) as [Command, Overlay][]).find(([command]) => matches(command, key))?.[1];
      if (opens) dispatch({ type: 'open', overlay: opens });
      else if (matches('app.send', key)) send();
      else if (matches('focus.endpoint', key)) dispatch({ type: 'focus', pane: 'endpoint' });
      else if (matches('focus.next', key)) dispatch({ type: 'focusStep', delta: 1 });
      else if (matches('focus.previous', key)) dispatch({ type: 'focusStep', delta: -1 });
      else if (matches('app.help', key)) dispatch({ type: 'toggleHelp' });
      else if (matches('app.cancel', key)) {
        if (!shell.cancel()) shell.setMessage(undefined);
      } else return false;
      return true;
    },
    { priority: Priority.Global, isActive: !covered },
  );

  /** Puts a request (from history, a saved one or a curl command) into the composer. */
  const load = (req: ApiRequest): void => {
    const op = source?.findByPath(req.method, req.path);
    shell.compose({ type: 'loadRequest', request: req, operation: op });
    setEndpointText(op?.path ?? req.path);
    dispatch({ type: 'close' });
    dispatch({ type: 'focus', pane: 'params' });
  };

  const save = (name: string, description: string): string | undefined => {
    const built = buildRequest(shell.latestComposer());
    if (!built.ok) return `Cannot save: ${built.problems.join('; ')}`;
    try {
      const file = workspace.save(name, built.request, description);
      dispatch({ type: 'close' });
      shell.setMessage(`Saved as ${name} (${file}).`);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  };

  const codeChoices = (): CodeChoice[] => {
    const built = buildRequest(shell.latestComposer());
    return CODE_FORMATS.map((format) => {
      if (!built.ok) return { format, title: CODE_TITLES[format], code: { ok: false, message: `Not ready: ${built.problems.join('; ')}` } };
      try {
        const text = source ? source.requestCode(format, built.request, backend.status().baseUrl) : '';
        return { format, title: CODE_TITLES[format], code: source ? { ok: true, text } : { ok: false, message: 'The catalog is still loading.' } };
      } catch (e) {
        return { format, title: CODE_TITLES[format], code: { ok: false, message: (e as Error).message } };
      }
    });
  };

  const copyCode = (choice: CodeChoice): void => {
    if (!choice.code.ok) return;
    try {
      const copied = copyText(choice.code.text, { terminal, env, writeFile: workspace.writeExport }, `request.${CODE_EXTENSIONS[choice.format as CodeFormat]}`);
      dispatch({ type: 'close' });
      shell.setMessage(describeCopy(copied, `the request as ${choice.format}`));
    } catch (e) {
      shell.setMessage(`Could not copy the request: ${(e as Error).message}`, true);
    }
  };

  const writeCode = (choice: CodeChoice): void => {
    if (!choice.code.ok) return;
    try {
      const file = workspace.writeExport(`request.${CODE_EXTENSIONS[choice.format as CodeFormat]}`, `${choice.code.text}\n`);
      dispatch({ type: 'close' });
      shell.setMessage(`Wrote the request as ${choice.format} to ${file}.`);
    } catch (e) {
      shell.setMessage(`Could not write the file: ${(e as Error).message}`, true);
    }
  };

  const pick = (hit: EndpointHit): void => {
    if (!source) return;
    const op = source.operation(hit);
    shell.compose({ type: 'pickOperation', operation: op });
    setEndpointText(op.path);
    dispatch({ type: 'focus', pane: op.params.length > 0 ? 'params' : op.bodySkeleton !== undefined ? 'body' : 'endpoint' });
    if (op.deprecated) shell.setMessage(`${op.method} ${op.path} is deprecated${op.successor ? `: use ${op.successor} instead` : ''}.`);
  };

  const submitPath = (text: string): void => {
    const warning = applyLine(text);
    if (warning) shell.setMessage(warning);
    // A query typed on the line is now in the rows: show them.
    if (text.includes('?')) dispatch({ type: 'focus', pane: 'params' });
  };

  const active = (p: PaneId): boolean => !covered && focus === p;
  const concretePath = shell.composer.pathTemplate;
  const pathMethods = useMemo(() => (source && concretePath?.startsWith('/') ? source.methodsFor(concretePath) : undefined), [source, concretePath]);
  const { operation, method, pathTemplate } = shell.composer;
  const scopes = useMemo(() => operation?.scopes ?? source?.scopesFor(method, pathTemplate), [operation, source, method, pathTemplate]);
  const footer =
    state.phase.kind === 'sending' || state.phase.kind === 'fetchingAll'
      ? { text: `${state.phase.kind === 'sending' ? 'Sending' : 'Fetching every page of'} ${state.phase.label.method} ${terminalSafe(state.phase.label.path)}… ${keyLabel('app.cancel')} cancels.`, role: 'accent' as const }
      : state.message
        ? { text: state.message.text, role: state.message.error ? ('error' as const) : ('ok' as const) }
        : shell.status.error
          ? { text: `Not connected: ${shell.status.error}`, role: 'error' as const }
          : backend.historyWarning
            ? { text: `History not written: ${backend.historyWarning}`, role: 'warn' as const }
            : { text: `${keyLabel('app.send')} send · Tab next pane · ${keyLabel('app.palette')} commands · ${keyLabel('app.history')} history · F1 help · ${keyLabel('app.quit')} quit`, role: 'muted' as const };
  const demoHint = shell.status.demo && !shell.response ? ' Demo tenant: connect a real one with talon profile add NAME --client-id ID --store-secret.' : '';
  // status bar, footer and the spare row
  const body = size.rows - 3;

  return (
    <Box flexDirection="column" width={width} height={size.rows - 1}>
      <StatusBar status={shell.status} width={width} />
      {state.help && <HelpOverlay width={width} height={body} onClose={() => dispatch({ type: 'toggleHelp' })} />}
      {/* Hidden, not unmounted, under help: a wizard's steps and a pending question survive it. */}
      <Box flexDirection="column" display={state.help ? 'none' : 'flex'}>
        {overlay !== 'none' && (
          <Overlays
            overlay={overlay}
            width={width}
            height={body}
            close={() => dispatch({ type: 'close' })}
            run={run}
            load={load}
            resend={(req) => {
              load(req);
              send();
            }}
            save={save}
            handOff={state.handOff}
            returnTo={state.returnTo}
            under={state.under}
            hashHandOff={state.hashHandOff}
            onHandOff={(s) => dispatch({ type: 'handOff', state: s })}
            codeChoices={codeChoices}
            copyCode={copyCode}
            writeCode={writeCode}
            onHashHandOff={(s) => dispatch({ type: 'handOffHash', state: s })}
          />
        )}
        {overlay === 'none' && confirming && (
          <ConfirmDialog title={confirming.title} lines={confirming.lines} width={width} onAnswer={shell.answerConfirm} />
        )}
      </Box>
      {/* Hidden, not unmounted, under an overlay: scroll, folds, search and cursors survive it. */}
      <Box flexDirection="column" display={covered ? 'none' : 'flex'}>
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
        <MethodPane state={shell.composer} dispatch={shell.compose} focused={active('method')} width={width} pathMethods={pathMethods} />
        <Box flexDirection={layout.sideBySide ? 'row' : 'column'}>
          {layout.params > 0 && (
            <ErrorBoundary name="parameters">
              <ParamsPane state={shell.composer} dispatch={shell.compose} focused={active('params')} width={layout.sideBySide ? paramsWidth : width} height={layout.params} editExternally={editExternally} />
            </ErrorBoundary>
          )}
          {layout.body > 0 && (
            <ErrorBoundary name="body">
              <BodyPane state={shell.composer} dispatch={shell.compose} focused={active('body')} width={layout.sideBySide ? width - paramsWidth : width} height={layout.body} editExternally={editExternally} />
            </ErrorBoundary>
          )}
        </Box>
        {!listOpen || layout.response > 0 ? (
          <ErrorBoundary name="response">
            <ResponsePane
              response={shell.response}
              label={state.label}
              paging={shell.paging}
              height={layout.response}
              width={width}
              focused={active('response')}
              scopes={scopes}
              onPage={shell.page}
              fetchAll={state.progress}
              directory={directory}
              copy={(text, name) => copyText(text, { terminal, env, writeFile: workspace.writeExport }, name)}
              exportFile={workspace.writeExport}
              onEntities={() => shell.entities(source)}
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
