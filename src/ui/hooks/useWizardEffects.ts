// Runs a wizard's effects: whenever the state asks for one (keyed, so a
// re-render does not run it twice), it is carried out and its outcome is
// dispatched back; leaving the step aborts it.
import { useEffect } from 'react';

export function useWizardEffects<E>(effect: E | undefined, key: string, run: (effect: E, signal: AbortSignal) => Promise<void>): void {
  useEffect(() => {
    if (effect === undefined) return;
    const controller = new AbortController();
    void run(effect, controller.signal);
    return () => controller.abort();
  }, [key]);
}
