// The shell's controller: the request being composed, sending and
// cancelling it, answering the door's confirmation of writes (the dialog),
// page navigation and fetch-all. Components render what it returns.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSyncReducer } from '../hooks/useSyncReducer.js';
import type { ShellBackend, StatusInfo } from '../../core/shell/shellBackend.js';
import { composerReducer, initialComposerState, buildRequest, type ComposerState, type ComposerAction } from '../../core/composer/composerState.js';
import type { ApiRequest, ApiResponse } from '../../core/http/types.js';
import { isNotSent } from '../../core/request/notSent.js';
import { currentRequest, nextPage, pageView, previousPage, startNavigation, withResponse, type PageNavigator } from '../../core/shell/pageNavigator.js';
import { fetchAll, type FetchAllUpdate } from '../../core/shell/fetchAll.js';
import type { PagingInfo, FetchAllProgress } from '../../core/jsonView/pagingInfo.js';
import { UserError } from '../../core/errors.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';

export interface PendingConfirm {
  title: string;
  lines: string[];
  request: ApiRequest;
  /** the door waits for this answer */
  answer(yes: boolean): void;
}

export interface ShellModel {
  composer: ComposerState;
  dispatch: (a: ComposerAction) => void;
  status: StatusInfo;
  response?: ApiResponse;
  paging?: PagingInfo;
  fetchAllProgress?: FetchAllProgress;
  sending: boolean;
  /** one line for the user: why a request was not sent, or what happened */
  message?: { text: string; error: boolean };
  confirm?: PendingConfirm;
  send(): void;
  answerConfirm(yes: boolean): void;
  /** Esc: cancels a running request or fetch-all; true when there was one */
  cancel(): boolean;
  page(dir: 'next' | 'previous' | 'all'): void;
  setMessage(text: string | undefined, error?: boolean): void;
}


/** `directory` is where fetch-all writes its NDJSON file (the current directory by default). */
export function useShell(backend: ShellBackend, directory?: string): ShellModel {
  const [composer, dispatch, latestComposer] = useSyncReducer(composerReducer, () => initialComposerState());
  const [status, setStatus] = useState<StatusInfo>(() => backend.status());
  const [nav, setNav] = useState<PageNavigator>();
  const [sending, setSending] = useState(false);
  const [message, setMessageState] = useState<ShellModel['message']>();
  const [confirm, setConfirm] = useState<PendingConfirm>();
  const [progress, setProgress] = useState<FetchAllUpdate>();
  const [allResponse, setAllResponse] = useState<ApiResponse>();
  const running = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    // The backend may have changed (connected, or failed to) before this subscribed.
    setStatus(backend.status());
    return backend.subscribe(() => setStatus(backend.status()));
  }, [backend]);

  // Messages quote errors from servers and files: terminal-safe, whoever sets them.
  const setMessage = useCallback((text: string | undefined, error = false) => setMessageState(text ? { text: terminalSafe(text), error } : undefined), []);

  // Writes are confirmed where every call passes (the backend's door); the dialog is its answerer here.
  useEffect(() => {
    backend.setConfirm((ask) => new Promise<boolean>((resolve) => setConfirm({ title: ask.title, lines: ask.lines, request: ask.request, answer: resolve })));
    return () => backend.setConfirm(undefined);
  }, [backend]);

  const run = useCallback(
    async (next: PageNavigator) => {
      const controller = new AbortController();
      running.current = controller;
      setSending(true);
      setMessage(undefined);
      setAllResponse(undefined);
      setProgress(undefined);
      try {
        const res = await backend.send({ ...currentRequest(next), signal: controller.signal });
        setNav(withResponse(next, res));
      } catch (e) {
        const cancelled = controller.signal.aborted || (isNotSent(e) && e.reason === 'cancelled');
        setMessage(controller.signal.aborted ? 'Request cancelled.' : (e as Error).message, !cancelled);
      } finally {
        running.current = undefined;
        setSending(false);
      }
    },
    [backend],
  );

  const send = useCallback(() => {
    if (running.current) return;
    const built = buildRequest(latestComposer());
    if (!built.ok) {
      setMessage(`Not sent: ${built.problems.join('; ')}`, true);
      return;
    }
    void run(startNavigation(built.request));
  }, [latestComposer, run]);

  const answerConfirm = useCallback(
    (yes: boolean) => {
      setConfirm(undefined);
      confirm?.answer(yes);
    },
    [confirm],
  );

  const cancel = useCallback(() => {
    if (!running.current) return false;
    running.current.abort();
    return true;
  }, []);

  const page = useCallback(
    (dir: 'next' | 'previous' | 'all') => {
      if (!nav || running.current) return;
      if (dir === 'previous') {
        const prev = previousPage(nav);
        if (prev) setNav(prev);
        return;
      }
      if (dir === 'next') {
        const next = nextPage(nav);
        if (next) void run(next);
        else setMessage('This is the last page.');
        return;
      }
      const controller = new AbortController();
      running.current = controller;
      setSending(true);
      const first = nav.stack[0]?.request as ApiRequest;
      void fetchAll(backend.connection().client, first, { signal: controller.signal, onUpdate: setProgress, directory })
        .then((final) => {
          if (final.preview && !final.error) {
            const value = { resources: final.preview, meta: { items: final.items, file: final.file } };
            const text = JSON.stringify(value);
            setAllResponse({ ...(nav.response as ApiResponse), body: { kind: 'json', value }, size: text.length });
          }
          setMessage(final.error ? `Fetch all stopped: ${final.error}. ${final.items} items are in ${final.file}.` : `Fetched ${final.items} items into ${final.file}.`, Boolean(final.error) && !controller.signal.aborted);
        })
        .catch((e: unknown) => setMessage(e instanceof UserError ? e.message : String(e), true))
        .finally(() => {
          running.current = undefined;
          setSending(false);
        });
    },
    [nav, run, backend, directory],
  );

  const view = nav ? pageView(nav) : undefined;
  return {
    composer,
    dispatch,
    status,
    response: allResponse ?? nav?.response,
    paging: view && !allResponse ? view : undefined,
    fetchAllProgress: progress,
    sending,
    message,
    confirm,
    send,
    answerConfirm,
    cancel,
    page,
    setMessage,
  };
}
