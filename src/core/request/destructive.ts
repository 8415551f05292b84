// Which calls change things in the tenant and so are shown and confirmed
// before they are sent: actions, deletes and updates.
import type { HttpMethod } from '../http/types.js';
import { isReadOnlyPost } from '../paging/offsetCaps.js';

const ACTION_PATH = /(actions?|delete|update|remove|command|containment|revoke)([-/]|$)/i;

export function isDestructive(method: HttpMethod, path: string): boolean {
  if (method === 'DELETE' || method === 'PATCH' || method === 'PUT') return true;
  if (method !== 'POST') return false;
  if (isReadOnlyPost(path)) return false;
  return ACTION_PATH.test(path);
}
