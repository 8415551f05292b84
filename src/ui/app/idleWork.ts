// Work the shell does while nobody types (reading the overlays' code). Each
// step waits until keys have been quiet for a while and runs in a task of its
// own, so a key that arrives meanwhile is handled first and waits for at most
// the one step already running.

export interface IdleWorkOptions {
  /** when the last key arrived (performance.now()) */
  lastKeyAt(): number;
  /** how long keys must have been quiet before a step runs */
  quietMs: number;
  /** how long to wait before the first step */
  startAfterMs?: number;
}

export type IdleStep = () => unknown;

/** Runs `steps` one by one in quiet spells; returns a function that stops the rest. */
export function runWhenIdle(steps: readonly IdleStep[], { lastKeyAt, quietMs, startAfterMs = 0 }: IdleWorkOptions): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let next = 0;
  const wait = (ms: number): void => {
    timer = setTimeout(tick, ms);
    timer.unref?.();
  };
  function tick(): void {
    timer = undefined;
    if (stopped || next >= steps.length) return;
    const quietFor = performance.now() - lastKeyAt();
    if (quietFor < quietMs) return wait(quietMs - quietFor);
    const step = steps[next++]!;
    // A step may be async (an import): the next waits for it; a failure is the step's own business.
    void Promise.resolve()
      .then(step)
      .catch(() => undefined)
      .then(() => {
        // setImmediate: keys read from the terminal (poll phase) come before the next step.
        if (!stopped) setImmediate(tick);
      });
  }
  wait(startAfterMs);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
