// Views the shell does not draw on its first screens (wizards, dashboards,
// lists, dialogs) load on first use, so their code stays out of the chunk the
// endpoint line waits for; the shell preloads them once it is idle. Until a
// view is there (the first milliseconds, if opened before the preload ends)
// it shows one "loading…" line and keeps the keys meant for it, then hands
// them over in order: input is never lost to a view still loading.
import React, { useEffect, useRef, useState } from 'react';
import { Text } from 'ink';
import type { KeyEvent } from '../keys/parseKeys.js';
import { matches } from '../keys/keymap.js';
import { useKeyLayer, useKeypress, useKeypressBus } from '../keys/KeypressProvider.js';
import { color } from '../theme.js';
import { terminalSafe } from '../../core/text/terminalSafe.js';

export interface LazyView<P extends object> {
  (props: P): React.JSX.Element;
  /** starts loading the view's code (idempotent); resolves when it is there */
  preload(): Promise<void>;
}

export function lazyView<P extends object>(name: string, load: () => Promise<React.ComponentType<P>>): LazyView<P> {
  let loaded: React.ComponentType<P> | undefined;
  let loading: Promise<React.ComponentType<P>> | undefined;
  const start = (): Promise<React.ComponentType<P>> =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        // Tried again on the next open: a failed read is not remembered.
        loading = undefined;
        throw e;
      },
    ));

  function View(props: P): React.JSX.Element {
    const [Component, setComponent] = useState<React.ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState<string>();
    const [, setReplayed] = useState(0);
    const held = useRef<KeyEvent[]>([]);
    const state = useRef({ ready: false, failed: false, replaying: false });
    state.current.failed = failed !== undefined;
    const bus = useKeypressBus();
    useEffect(() => {
      if (Component) return;
      let alive = true;
      start().then(
        (c) => alive && setComponent(() => c),
        (e: Error) => alive && setFailed(e.message),
      );
      return () => {
        alive = false;
      };
    }, [Component]);
    // Ready once the view's effects have run (children's first): its key handlers subscribe there, and a drawn view
    // whose effects are still pending (a commit from a promise flushes them a tick later) would lose keys.
    useEffect(() => {
      state.current.ready = Component !== undefined;
    }, [Component]);
    // One held key per commit, as if each came in its own read: the view draws (and its handlers see) the state
    // each key left before the next. Runs after the view's own effects (children first), so its handlers are subscribed.
    useEffect(() => {
      if (!Component || held.current.length === 0) return;
      const key = held.current.shift() as KeyEvent;
      state.current.replaying = true;
      try {
        bus.dispatch(key);
      } finally {
        state.current.replaying = false;
      }
      setReplayed((n) => n + 1);
    });
    // Above the view's own keys (its layer's), so a key typed while the held ones are handed over waits its turn.
    useKeypress(
      (key) => {
        const s = state.current;
        if (s.replaying || s.failed || (s.ready && held.current.length === 0)) return false;
        held.current.push(key);
        return true;
      },
      { priority: useKeyLayer() + 1 },
    );
    // A view that could not load still closes as the others do.
    const onClose = (props as { onClose?: () => void }).onClose;
    useKeypress(
      (key) => {
        if (!matches('dialog.close', key)) return false;
        onClose?.();
        return true;
      },
      { isActive: failed !== undefined },
    );
    if (Component) return <Component {...props} />;
    if (failed) return <Text color={color('error')}>The {name} could not be loaded: {terminalSafe(failed)} (Esc closes)</Text>;
    return <Text color={color('muted')}>loading the {name}…</Text>;
  }
  View.displayName = `Lazy(${name})`;
  View.preload = async (): Promise<void> => {
    await start();
  };
  return View;
}
