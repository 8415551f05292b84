// The triage machine in the shell: its state (readable at once, for key
// bursts), its effects run through the shell's door with a write-ahead audit,
// a stop that lets the batch in flight land (Esc while sending), and whether
// the profile's door refuses the update call (asked once, in advance).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSyncReducer } from '../../hooks/useSyncReducer.js';
import { useWizardEffects } from '../../hooks/useWizardEffects.js';
import { initialTriageState, nextTriageEffect, reduceTriage, triageEffectKey } from '../../../core/wizards/alerts/machine.js';
import { runTriageEffect, type TriageDeps } from '../../../core/wizards/alerts/effects.js';
import { Enricher } from '../../../core/wizards/alerts/enrich.js';
import { updateRefusal } from '../../../core/wizards/alerts/refusal.js';
import type { TriageEvent, TriageState } from '../../../core/wizards/alerts/types.js';
import type { PolicyCaller } from '../../../core/request/guardedClient.js';
import type { AuditContext } from '../../../core/audit/auditLog.js';

export interface TriageModel {
  state: TriageState;
  dispatch(event: TriageEvent): void;
  latest(): TriageState;
  /** the door's sentence when the profile may not change alerts */
  refusal?: string;
  /** stops a run that is sending after the batch in flight; true when there was one */
  stop(): boolean;
  stopping: boolean;
}

export function useTriage(caller: PolicyCaller, audit: { path: string; context: AuditContext }, limit: number): TriageModel {
  const [state, dispatch, latest] = useSyncReducer(reduceTriage, () => initialTriageState({ limit }));
  // One enrichment cache for the wizard's life: details already seen open at once.
  const deps = useMemo<TriageDeps>(() => ({ caller, enricher: new Enricher(caller), audit }), [caller, audit.path]);
  const applying = useRef<AbortController | undefined>(undefined);
  const [stopping, setStopping] = useState(false);
  const effect = nextTriageEffect(state);
  useWizardEffects(effect, triageEffectKey(effect), async (e, signal) => {
    if (e.kind !== 'apply') return runTriageEffect(e, deps, dispatch, signal);
    // Leaving the wizard (or the shell) mid-run stops after the batch in flight, like Esc: the result line is still written.
    const stop = new AbortController();
    applying.current = stop;
    signal.addEventListener('abort', () => stop.abort(), { once: true });
    try {
      await runTriageEffect(e, deps, dispatch, stop.signal);
    } finally {
      if (applying.current === stop) applying.current = undefined;
      setStopping(false);
    }
  });

  const [refusal, setRefusal] = useState<string>();
  useEffect(() => {
    let alive = true;
    void updateRefusal(caller).then((r) => alive && setRefusal(r));
    return () => void (alive = false);
  }, [caller]);

  const stop = (): boolean => {
    if (!applying.current || applying.current.signal.aborted) return false;
    applying.current.abort();
    setStopping(true);
    return true;
  };
  return { state, dispatch, latest, refusal, stop, stopping };
}
