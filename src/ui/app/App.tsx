// The shell's screen: status bar, endpoint line with completions, composer
// panes, response pane, the overlays, the confirmation and help. App sets up
// the key dispatcher and the shell's services; Shell draws, with its keys in
// useShellKeys (the lowest priority: panes and overlays go first).
import React, { useMemo } from 'react';
import { Box, useStdout } from 'ink';
import { copyText, type ClipboardTerminal } from '../../core/clipboard/copyText.js';
import type { ShellBackend } from '../../core/shell/shellBackend.js';
import type { EndpointSource } from '../../core/shell/endpointSource.js';
import { openWorkspace } from '../../core/shell/workspace.js';
import type { PaneId } from '../../core/shell/shellState.js';
import type { TerminalSize } from '../hooks/useTerminalSize.js';
import { useShell } from './useShell.js';
import { calculateLayout } from './layout.js';
import { KeypressProvider } from '../keys/KeypressProvider.js';
import { StatusBar } from '../components/StatusBar.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { Overlays } from './Overlays.js';
import { ShellProvider, useShellServices, type ShellServices } from './ShellContext.js';
import type { ApiRequest } from '../../core/http/types.js';
import { buildRequest } from '../../core/composer/composerState.js';
import { EndpointPicker } from '../panes/EndpointPicker.js';
import { MethodPane } from '../panes/MethodPane.js';
import { ParamsPane } from '../panes/ParamsPane.js';
import { BodyPane } from '../panes/BodyPane.js';
import { ResponsePane } from '../panes/ResponsePane.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import type { EditResult } from '../../core/editor/externalEditor.js';
import { useEndpointLine } from './useEndpointLine.js';
import { useOverlayPreload } from './useOverlayPreload.js';
import { useShellKeys } from './useShellKeys.js';
import { useRequestAsCode } from './useRequestAsCode.js';
import { ShellFooter } from './ShellFooter.js';

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

const runAsIs = <T,>(run: () => T): T => run();

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
  const endpoint = useEndpointLine(shell, source, focus);
  const width = size.columns;
  useOverlayPreload(source);
  const layout = calculateLayout(size.rows, focus, endpoint.listOpen, size.columns);
  const paramsWidth = Math.floor(width * 0.45);
  const confirming = state.phase.kind === 'confirming' ? state.phase : undefined;
  const covered = overlay !== 'none' || confirming !== undefined || state.help;

  const send = (): void => {
    // Ctrl+S sends what the line shows, even when it was edited without Enter.
    const typed = endpoint.latest().trim();
    const edited = typed !== '' && typed !== shell.latestComposer().pathTemplate;
    const warning = edited ? endpoint.apply(typed) : undefined;
    shell.send();
    if (warning && shell.latest().phase.kind !== 'idle') shell.setMessage(warning);
  };

  const run = useShellKeys({ shell, send, covered });
  const { codeChoices, copyCode, writeCode } = useRequestAsCode({ shell, source, terminal, env });

  /** Puts a request (from history, a saved one or a curl command) into the composer. */
  const load = (req: ApiRequest): void => {
    const op = source?.findByPath(req.method, req.path);
    shell.compose({ type: 'loadRequest', request: req, operation: op });
    endpoint.set(op?.path ?? req.path);
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

  const active = (p: PaneId): boolean => !covered && focus === p;
  const concretePath = shell.composer.pathTemplate;
  const pathMethods = useMemo(() => (source && concretePath?.startsWith('/') ? source.methodsFor(concretePath) : undefined), [source, concretePath]);
  const { operation, method, pathTemplate } = shell.composer;
  const scopes = useMemo(() => operation?.scopes ?? source?.scopesFor(method, pathTemplate), [operation, source, method, pathTemplate]);
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
            value={endpoint.text}
            method={shell.composer.method}
            onChange={endpoint.change}
            onPick={endpoint.pick}
            onSubmitPath={endpoint.submit}
            hits={endpoint.hits}
            segments={endpoint.segments}
            open={endpoint.listOpen}
            onDismiss={endpoint.dismissList}
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
        {!endpoint.listOpen || layout.response > 0 ? (
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
      <ShellFooter shell={shell} historyWarning={backend.historyWarning} />
    </Box>
  );
}
