// Every key of the shell in one table: the help overlay is generated from
// it, and components match keys through `matches`, never by hand.
import type { Key } from 'ink';

export type Command =
  | 'app.quit'
  | 'app.help'
  | 'app.send'
  | 'app.cancel'
  | 'focus.next'
  | 'focus.previous'
  | 'focus.endpoint'
  | 'app.palette'
  | 'app.history'
  | 'app.saved'
  | 'app.saveRequest'
  | 'app.importCurl'
  | 'app.profiles'
  | 'app.contain'
  | 'app.hashSearch'
  | 'list.up'
  | 'list.down'
  | 'list.pick'
  | 'method.next'
  | 'method.previous'
  | 'edit.clearLine'
  | 'query.addRow'
  | 'query.removeRow'
  | 'response.up'
  | 'response.down'
  | 'response.pageUp'
  | 'response.pageDown'
  | 'response.top'
  | 'response.bottom'
  | 'response.fold'
  | 'response.search'
  | 'response.nextMatch'
  | 'response.previousMatch'
  | 'response.write'
  | 'page.next'
  | 'page.previous'
  | 'page.all';

export interface Binding {
  command: Command;
  /** how the help shows the key */
  label: string;
  description: string;
  category: 'Global' | 'Endpoint' | 'Composer' | 'Response' | 'Paging';
  /** only outside text fields (printable keys) */
  outsideText?: boolean;
  match: (input: string, key: Key) => boolean;
}

const ch = (c: string) => (input: string, key: Key) => input === c && !key.ctrl && !key.meta;
const ctrl = (c: string) => (input: string, key: Key) => key.ctrl && input === c;

export const BINDINGS: readonly Binding[] = [
  { command: 'app.send', label: 'Ctrl+S', description: 'send the request (from any pane)', category: 'Global', match: ctrl('s') },
  { command: 'focus.next', label: 'Tab', description: 'next pane', category: 'Global', match: (_i, k) => k.tab && !k.shift },
  { command: 'focus.previous', label: 'Shift+Tab', description: 'previous pane', category: 'Global', match: (_i, k) => k.tab && k.shift },
  { command: 'focus.endpoint', label: 'Ctrl+L', description: 'go to the endpoint line', category: 'Global', match: ctrl('l') },
  { command: 'app.help', label: '? / F1', description: 'this help (? outside text fields, F1 anywhere)', category: 'Global', outsideText: true, match: ch('?') },
  { command: 'app.cancel', label: 'Esc', description: 'close an overlay, cancel a running request', category: 'Global', match: (_i, k) => k.escape },
  { command: 'app.palette', label: 'Ctrl+K', description: 'command palette: every action by name', category: 'Global', match: ctrl('k') },
  { command: 'app.history', label: 'Ctrl+R', description: 'history: filter, Enter loads, Ctrl+S sends again', category: 'Global', match: ctrl('r') },
  { command: 'app.saved', label: 'Ctrl+O', description: 'saved requests: search, Enter loads (asks for {{variables}})', category: 'Global', match: ctrl('o') },
  { command: 'app.saveRequest', label: 'Ctrl+B', description: 'save the current request (name, description)', category: 'Global', match: ctrl('b') },
  { command: 'app.importCurl', label: 'Ctrl+K curl', description: 'import a pasted curl command (from the palette)', category: 'Global', match: () => false },
  { command: 'app.contain', label: 'Ctrl+T', description: 'containment wizard: contain or lift hosts', category: 'Global', match: ctrl('t') },
  { command: 'app.hashSearch', label: 'Ctrl+F', description: 'hash search wizard: every host that saw a file', category: 'Global', match: ctrl('f') },
  { command: 'app.profiles', label: 'Ctrl+P', description: 'switch profile (tenant or MSSP child)', category: 'Global', match: ctrl('p') },
  { command: 'app.quit', label: 'Ctrl+C', description: 'quit', category: 'Global', match: ctrl('c') },
  { command: 'list.up', label: '↑', description: 'previous completion', category: 'Endpoint', match: (_i, k) => k.upArrow },
  { command: 'list.down', label: '↓', description: 'next completion', category: 'Endpoint', match: (_i, k) => k.downArrow },
  { command: 'list.pick', label: 'Enter', description: 'pick the completion: sets method and lays out parameters', category: 'Endpoint', match: (_i, k) => k.return },
  { command: 'method.next', label: '→ / Space', description: 'next HTTP method (method pane)', category: 'Composer', match: (i, k) => k.rightArrow || i === ' ' },
  { command: 'method.previous', label: '←', description: 'previous HTTP method (method pane)', category: 'Composer', match: (_i, k) => k.leftArrow },
  { command: 'edit.clearLine', label: 'Ctrl+U', description: 'clear the endpoint line', category: 'Endpoint', match: ctrl('u') },
  { command: 'query.addRow', label: 'Ctrl+N', description: 'add a query parameter row', category: 'Composer', match: ctrl('n') },
  { command: 'query.removeRow', label: 'Ctrl+D', description: 'remove the query parameter row', category: 'Composer', match: ctrl('d') },
  { command: 'response.up', label: '↑ / k', description: 'scroll up', category: 'Response', outsideText: true, match: (i, k) => k.upArrow || i === 'k' },
  { command: 'response.down', label: '↓ / j', description: 'scroll down', category: 'Response', outsideText: true, match: (i, k) => k.downArrow || i === 'j' },
  { command: 'response.pageUp', label: 'PgUp', description: 'scroll a page up', category: 'Response', match: (_i, k) => k.pageUp },
  { command: 'response.pageDown', label: 'PgDn / Space', description: 'scroll a page down', category: 'Response', outsideText: true, match: (i, k) => k.pageDown || i === ' ' },
  { command: 'response.top', label: 'g', description: 'top', category: 'Response', outsideText: true, match: ch('g') },
  { command: 'response.bottom', label: 'G', description: 'bottom', category: 'Response', outsideText: true, match: ch('G') },
  { command: 'response.fold', label: 'Enter / z', description: 'fold or unfold the object or array on the top line', category: 'Response', outsideText: true, match: (i, k) => k.return || i === 'z' },
  { command: 'response.search', label: '/', description: 'search the response', category: 'Response', outsideText: true, match: ch('/') },
  { command: 'response.nextMatch', label: 'n', description: 'next match', category: 'Response', outsideText: true, match: ch('n') },
  { command: 'response.previousMatch', label: 'N', description: 'previous match', category: 'Response', outsideText: true, match: ch('N') },
  { command: 'response.write', label: 'w', description: 'write the response to a file', category: 'Response', outsideText: true, match: ch('w') },
  { command: 'page.next', label: ']', description: 'next page', category: 'Paging', outsideText: true, match: ch(']') },
  { command: 'page.previous', label: '[', description: 'previous page', category: 'Paging', outsideText: true, match: ch('[') },
  { command: 'page.all', label: 'A', description: 'fetch all pages (Esc cancels)', category: 'Paging', outsideText: true, match: ch('A') },
];

export function matches(command: Command, input: string, key: Key): boolean {
  return BINDINGS.some((b) => b.command === command && b.match(input, key));
}

/** Raw escape sequences of F1 in common terminals (Ink's Key has no function keys). */
export function isF1(data: string): boolean {
  return data === '\u001bOP' || data === '\u001b[11~' || data === '\u001b[[A';
}
