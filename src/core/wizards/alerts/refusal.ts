// Whether the door will refuse the alerts update for the current profile
// (read-only), asked in advance so the shell says so before a plan is made.
// The door itself still refuses the call if one is ever sent.
import type { PolicyCaller } from '../../request/guardedClient.js';
import { UPDATE_PATH } from './update.js';

/** The door's sentence when it refuses the update call; undefined when it would send or ask. */
export async function updateRefusal(caller: PolicyCaller): Promise<string | undefined> {
  try {
    const plan = await caller.plan?.({ method: 'PATCH', path: UPDATE_PATH, body: { json: { composite_ids: [], action_parameters: [] } } });
    return plan?.action === 'refuse' ? plan.reason : undefined;
  } catch {
    // No connection yet (missing credentials): the calls themselves say so.
    return undefined;
  }
}
