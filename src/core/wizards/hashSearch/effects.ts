// Carries out the hash search's effects (see nextHashEffect) and dispatches
// the outcome back; an abort (Esc) dispatches nothing.
import type { ApiCaller } from '../../http/types.js';
import { failureFrom, isAbort } from '../stepFailure.js';
import type { HashSearchEffect, HashSearchEvent } from './machine.js';
import { fetchProcesses, searchIndicator } from './services.js';

export async function runHashEffect(effect: HashSearchEffect, caller: ApiCaller, dispatch: (event: HashSearchEvent) => void, signal?: AbortSignal): Promise<void> {
  const { run } = effect;
  try {
    if (effect.kind === 'search') {
      dispatch({ type: 'searched', run, result: await searchIndicator(caller, effect.indicator, { signal }) });
    } else {
      dispatch({ type: 'processesLoaded', run, deviceId: effect.deviceId, rows: await fetchProcesses(caller, effect.indicator, effect.deviceId, { signal }) });
    }
  } catch (e) {
    if (isAbort(e, signal)) return;
    if (effect.kind === 'search') dispatch({ type: 'failed', run, failure: failureFrom('searching', e) });
    else dispatch({ type: 'processesFailed', run, deviceId: effect.deviceId, message: failureFrom('searching', e).message });
  }
}
