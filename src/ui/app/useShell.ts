// The shell's controller: one reducer for what the shell is doing and shows
// (core/shell/shellState), the composer's reducer for the request, and the
// effects that send, answer the door's confirmation of writes (the dialog),
// page and fetch all. Both reducers' latest states are readable at once, so
// every key of a burst acts on what the previous key left.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSyncReducer } from '../hooks/useSyncReducer.js';
import type { ShellBackend, StatusInfo } from '../../core/shell/shellBackend.js';
import { composerReducer, initialComposerState, buildRequest, unfilledVariables, type ComposerState, type ComposerAction } from '../../core/composer/composerState.js';
import type { ApiRequest, ApiResponse } from '../../core/http/types.js';
import { isNotSent } from '../../core/request/notSent.js';
import { currentRequest, nextPage, pageView, previousPage, startNavigation, type PageNavigator, withResponse } from '../../core/shell/pageNavigator.js';
import { fetchAll } from '../../core/shell/fetchAll.js';
import type { PagingInfo } from '../../core/jsonView/pagingInfo.js';
import { UserError } from '../../core/errors.js';
import { currentResponse, initialShellState, isBusy, labelOf, shellReducer, type ShellAction, type ShellState } from '../../core/shell/shellState.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';
import type { EndpointSource } from '../../core/shell/endpointSource.js';
import { entitiesRequests, fetchEntities, idsOf } from '../../core/shell/fetchEntities.js';

export interface ShellModel {
  state: ShellState;
  dispatch(action: ShellAction): void;
  latest(): ShellState;
  composer: ComposerState;
  compose(action: ComposerAction): void;
  latestComposer(): ComposerState;
  status: StatusInfo;
  response?: ApiResponse;
  paging?: PagingInfo;
  /** sends the composed request (asking first when it changes the tenant) */
  send(): void;
  answerConfirm(yes: boolean): void;
  /** Esc: cancels a running request or fetch-all; true when there was one */
  cancel(): boolean;
  page(dir: 'next' | 'previous' | 'all'): void;
  setMessage(text: string | undefined, error?: boolean): void;
  /** `e` on a query answer: fetches its entities; a sentence when it cannot */
  entities(source: EndpointSource | undefined): string | undefined;
}

/** `directory` is where fetch-all writes its NDJSON file (the current directory by default). */
export function useShell(backend: ShellBackend, directory?: string): ShellModel {
  const [composer, compose, latestComposer] = useSyncReducer(composerReducer, () => initialComposerState());
  const [state, dispatch, latest] = useSyncReducer(shellReducer, initialShellState);
  const [status, setStatus] = useState<StatusInfo>(() => backend.status());
  const running = useRef<AbortController | undefined>(undefined);
  const target = useRef(backend.current.id);

  useEffect(() => {
    // The backend may have changed (connected, or failed to) before this subscribed.
    setStatus(backend.status());
    return backend.subscribe(() => {
      setStatus(backend.status());
      // Another profile: the response on screen was the previous tenant's.
      if (backend.current.id !== target.current) {
        target.current = backend.current.id;
        running.current?.abort();
        dispatch({ type: 'profileSwitched', profile: terminalSafe(backend.current.label) });
      }
    });
  }, [backend]);

  // Messages quote errors from servers and files: terminal-safe, whoever sets them.
  const setMessage = useCallback((text: string | undefined, error = false) => dispatch({ type: 'message', text: text === undefined ? undefined : terminalSafe(text), error }), []);

  // Writes are confirmed where every call passes (the backend's door); the dialog answers it here.
  const pendingAnswer = useRef<((yes: boolean) => void) | undefined>(undefined);
  useEffect(() => {
    backend.setConfirm(
      (ask) =>
        new Promise<boolean>((resolve) => {
          pendingAnswer.current?.(false);
          pendingAnswer.current = resolve;
          dispatch({ type: 'confirm', title: ask.title, lines: ask.lines, request: ask.request });
        }),
    );
    return () => {
      backend.setConfirm(undefined);
      pendingAnswer.current?.(false);
    };
  }, [backend]);

  const run = useCallback(
    async (next: PageNavigator) => {
      const controller = new AbortController();
      running.current = controller;
      const req = currentRequest(next);
      const label = labelOf(req, backend.current.label);
      dispatch({ type: 'sending', label });
      try {
        const res = await backend.send({ ...req, signal: controller.signal });
        if (running.current === controller) dispatch({ type: 'answered', nav: withResponse(next, res), label });
      } catch (e) {
        const cancelled = controller.signal.aborted || (isNotSent(e) && e.reason === 'cancelled');
        dispatch({ type: 'failed', text: controller.signal.aborted ? 'Request cancelled.' : (e as Error).message, cancelled });
      } finally {
        if (running.current === controller) running.current = undefined;
      }
    },
    [backend],
  );

  const send = useCallback(() => {
    if (running.current || isBusy(latest())) return;
    const built = buildRequest(latestComposer());
    if (!built.ok) return setMessage(`Not sent: ${built.problems.join('; ')}`, true);
    const req: ApiRequest = built.request;
    const unfilled = unfilledVariables(req);
    if (unfilled.length > 0) return setMessage(`Not sent: ${unfilled.map((v) => `{{${v}}}`).join(', ')} has no value: put the value in its place.`, true);
    // Read-only refusal and the confirmation of writes happen at the backend's door.
    void run(startNavigation(req));
  }, [run]);

  const answerConfirm = useCallback((yes: boolean) => {
    const answer = pendingAnswer.current;
    pendingAnswer.current = undefined;
    if (latest().phase.kind === 'confirming') dispatch({ type: 'confirmAnswered' });
    answer?.(yes);
  }, []);

  const cancel = useCallback(() => {
    if (!running.current) return false;
    running.current.abort();
    return true;
  }, []);

  const startFetchAll = useCallback(
    (nav: PageNavigator) => {
      const first = nav.stack[0]?.request;
      if (!first) return;
      const controller = new AbortController();
      running.current = controller;
      const label = labelOf(first, backend.current.label);
      dispatch({ type: 'fetchingAll', label });
      let recorded: ReturnType<ShellBackend['recordedCaller']> | undefined;
      let items = 0;
      const done = (): void => {
        recorded?.finish(items);
        if (running.current === controller) running.current = undefined;
      };
      void Promise.resolve()
        .then(() => {
          recorded = backend.recordedCaller(first);
          return fetchAll(recorded.caller, first, { signal: controller.signal, onUpdate: (update) => dispatch({ type: 'fetchProgress', update }), directory });
        })
        .then((final) => {
          items = final.items;
          const value = { resources: final.preview ?? [], meta: { items: final.items, file: final.file } };
          const response: ApiResponse | undefined = final.preview && !final.error ? { ...(nav.response as ApiResponse), body: { kind: 'json', value }, size: JSON.stringify(value).length } : undefined;
          const text = final.error ? `Fetch all stopped: ${final.error}. ${final.items} items are in ${final.file}.` : `Fetched ${final.items} items into ${final.file}.`;
          dispatch({ type: 'fetchedAll', response, text, error: Boolean(final.error) && !controller.signal.aborted });
        })
        .catch((e: unknown) => dispatch({ type: 'fetchedAll', text: e instanceof UserError || e instanceof Error ? e.message : String(e), error: true }))
        .finally(done);
    },
    [backend, directory],
  );

  const page = useCallback(
    (dir: 'next' | 'previous' | 'all') => {
      const nav = latest().nav;
      if (!nav || running.current) return;
      if (dir === 'previous') {
        const prev = previousPage(nav);
        if (prev) dispatch({ type: 'pageBack', nav: prev });
        return;
      }
      if (dir === 'next') {
        const next = nextPage(nav);
        if (next) void run(next);
        else setMessage('This is the last page.');
        return;
      }
      startFetchAll(nav);
    },
    [run, startFetchAll],
  );

  const entities = useCallback(
    (source: EndpointSource | undefined): string | undefined => {
      const st = latest();
      const res = currentResponse(st);
      const req = st.nav ? currentRequest(st.nav) : undefined;
      if (!res || !req || running.current || isBusy(st)) return 'Nothing to fetch entities for yet.';
      const ids = idsOf(res);
      if (!ids) return 'This answer holds no ids (its resources are not a list of ids).';
      const pair = source?.entitiesFor?.(req.method, req.path);
      if (!pair) return `The catalog pairs no entities operation with ${req.method} ${terminalSafe(req.path)}.`;
      const requests = entitiesRequests(pair, ids);
      const first = requests[0]!;
      const controller = new AbortController();
      running.current = controller;
      const label = labelOf(first, backend.current.label);
      dispatch({ type: 'sending', label });
      const note = `${ids.length} ids in ${requests.length} call${requests.length === 1 ? '' : 's'} of up to ${pair.batch}${pair.batchKnown ? '' : ' (the catalog gives no maximum: talon sends 100 a call)'}`;
      // Every batch goes through the backend's send: the door, history and the status bar.
      fetchEntities({ request: (r) => backend.send(r) }, requests, controller.signal)
        .then((merged) => {
          if (running.current !== controller) return;
          dispatch({ type: 'answered', nav: withResponse(startNavigation(first), merged), label });
          setMessage(`${pair.entities.method.toUpperCase()} ${pair.entities.path}: ${note}.`);
        })
        .catch((e: unknown) => {
          const cancelled = controller.signal.aborted || (isNotSent(e) && e.reason === 'cancelled');
          dispatch({ type: 'failed', text: controller.signal.aborted ? 'Request cancelled.' : (e as Error).message, cancelled });
        })
        .finally(() => {
          if (running.current === controller) running.current = undefined;
        });
      return undefined;
    },
    [backend],
  );

  // Paging stays after a fetch-all, so it can run again (and ] [ still page).
  const view = state.nav ? pageView(state.nav) : undefined;
  return {
    state,
    dispatch,
    latest,
    composer,
    compose,
    latestComposer,
    status,
    response: currentResponse(state),
    paging: view,
    send,
    answerConfirm,
    cancel,
    page,
    setMessage,
    entities,
  };
}
