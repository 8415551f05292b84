// The shell's only stdin listener. It splits what Ink reads into keys
// (parseKeys) and offers each key to the subscribers in priority order
// (help > modal dialog > overlay or wizard > focused pane > global); within a
// priority the newest subscriber goes first. A handler that returns true
// consumes the key. Keys are delivered one at a time, in order, each to the
// handlers and activity as they stand after the previous key was handled.
import React, { createContext, useContext, useEffect, useMemo, useRef } from 'react';
import { useStdin } from 'ink';
import { KeyParser, type KeyEvent } from './parseKeys.js';

export const Priority = {
  Global: 0,
  Pane: 10,
  /** below an overlay: swallows what the overlay leaves, so panes under it get nothing */
  OverlayBarrier: 19,
  Overlay: 20,
  Modal: 30,
  Help: 40,
} as const;

export type KeyHandler = (key: KeyEvent) => boolean | void;

interface Subscriber {
  handler: { current: KeyHandler };
  active: { current: boolean };
  priority: { current: number };
  order: number;
}

export interface KeypressBus {
  subscribe(s: Subscriber): () => void;
  nextOrder(): number;
  /** offers one key to the subscribers; true when one consumed it */
  dispatch(key: KeyEvent): boolean;
  /** when the last key was offered (performance.now()), -Infinity before any: idle work waits for a quiet spell */
  lastKeyAt(): number;
}

export function createKeypressBus(): KeypressBus {
  const subscribers = new Set<Subscriber>();
  let order = 0;
  let lastKeyAt = -Infinity;
  return {
    subscribe(s) {
      subscribers.add(s);
      return () => void subscribers.delete(s);
    },
    nextOrder: () => ++order,
    lastKeyAt: () => lastKeyAt,
    dispatch(key) {
      lastKeyAt = performance.now();
      const ranked = [...subscribers].filter((s) => s.active.current).sort((a, b) => b.priority.current - a.priority.current || b.order - a.order);
      for (const s of ranked) {
        // A handler earlier in this key may have deactivated a later one.
        if (!s.active.current || !subscribers.has(s)) continue;
        if (s.handler.current(key) === true) return true;
      }
      return false;
    },
  };
}

const BusContext = createContext<KeypressBus | undefined>(undefined);
/** The priority a `useKeypress` without one gets: an overlay's fields take the overlay's. */
const LayerContext = createContext<number>(Priority.Pane);

export function KeypressProvider({ children, bus: given }: { children: React.ReactNode; bus?: KeypressBus }): React.JSX.Element {
  const bus = useMemo(() => given ?? createKeypressBus(), [given]);
  const { stdin, setRawMode, isRawModeSupported, internal_eventEmitter: events } = useStdin();

  useEffect(() => {
    if (!isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [isRawModeSupported, setRawMode]);

  useEffect(() => {
    const parser = new KeyParser();
    // Ink has already split escape sequences from text; the parser splits the rest.
    const onInput = (data: string): void => {
      for (const key of parser.push(data)) bus.dispatch(key);
    };
    events?.on('input', onInput);
    return () => void events?.off('input', onInput);
  }, [bus, events, stdin]);

  return <BusContext.Provider value={bus}>{children}</BusContext.Provider>;
}

/** The key dispatcher, to offer a key as if typed (the palette runs a command so). */
export function useKeypressBus(): KeypressBus {
  const bus = useContext(BusContext);
  if (!bus) throw new Error('useKeypressBus needs a KeypressProvider above it');
  return bus;
}

/** Gives the fields and panes inside it a default priority (an overlay's, a dialog's). */
export function KeyLayer({ priority, children }: { priority: number; children: React.ReactNode }): React.JSX.Element {
  return <LayerContext.Provider value={priority}>{children}</LayerContext.Provider>;
}

/** The priority keys get in this layer (what a `useKeypress` without one would have). */
export function useKeyLayer(): number {
  return useContext(LayerContext);
}

export interface KeypressOptions {
  isActive?: boolean;
  priority?: number;
}

/**
 * Subscribes `handler` to keys. The handler, its activity and priority are
 * read at each key as the last render left them, so a re-render never
 * re-subscribes and a burst of keys sees each render's state.
 */
export function useKeypress(handler: KeyHandler, options: KeypressOptions = {}): void {
  const bus = useContext(BusContext);
  const layer = useContext(LayerContext);
  const handlerRef = useRef(handler);
  const active = useRef(options.isActive ?? true);
  const priority = useRef(options.priority ?? layer);
  handlerRef.current = handler;
  active.current = options.isActive ?? true;
  priority.current = options.priority ?? layer;
  const order = useRef(0);
  if (order.current === 0 && bus) order.current = bus.nextOrder();
  if (!bus) throw new Error('useKeypress needs a KeypressProvider above it');
  useEffect(() => bus.subscribe({ handler: handlerRef, active, priority, order: order.current }), [bus]);
}
