// Every key of the shell in one table, wizards and dialogs included: the help
// overlay and the README's key table are generated from it, and components
// match keys only through `matches` and `textOf`, never by hand.
import type { KeyEvent } from './parseKeys.js';

/** Where a binding works; help is grouped by it, in this order. */
export const CONTEXTS = [
  'Global',
  'Text fields',
  'Endpoint line',
  'Method',
  'Parameters',
  'Body',
  'Response',
  'Table',
  'Paging',
  'Lists and dialogs',
  'Confirmation',
  'Containment wizard',
  'Hash search wizard',
  'Vulnerabilities view',
  'Dashboard',
  'Alert triage',
  'Help',
] as const;
export type KeyContext = (typeof CONTEXTS)[number];

export interface Binding {
  command: string;
  /** key specs: 'ctrl+s', 'shift+tab', 'f1', 'up', 'space', '?', 'A' */
  keys: readonly string[];
  description: string;
  context: KeyContext;
  /** how help shows the keys when the specs alone would not say it */
  label?: string;
}

const b = (context: KeyContext, command: string, keys: readonly string[], description: string, label?: string): Binding => ({ command, keys, description, context, label });

export const BINDINGS = [
  b('Global', 'app.send', ['ctrl+s'], 'send the request the endpoint line shows (from any pane)'),
  b('Global', 'focus.next', ['tab'], 'next pane'),
  b('Global', 'focus.previous', ['shift+tab'], 'previous pane'),
  b('Global', 'focus.endpoint', ['ctrl+l'], 'go to the endpoint line'),
  b('Global', 'app.helpAnywhere', ['f1'], 'this help, from anywhere (a pending question stays under it)'),
  b('Global', 'app.help', ['?'], 'this help, outside text fields'),
  b('Global', 'app.cancel', ['escape'], 'cancel a running request or fetch-all; clear the message'),
  b('Global', 'app.palette', ['ctrl+k'], 'command palette: every action by name'),
  b('Global', 'app.history', ['ctrl+r'], 'history of sent requests'),
  b('Global', 'app.saved', ['ctrl+o'], 'saved requests (asks for {{variables}})'),
  b('Global', 'app.saveRequest', ['ctrl+b'], 'save the current request (name, description)'),
  b('Global', 'app.importCurl', [], 'import a pasted curl command (from the palette)', 'Ctrl+K curl'),
  b('Global', 'app.contain', ['ctrl+t'], 'containment wizard: contain or lift hosts'),
  b('Global', 'app.hashSearch', ['ctrl+f'], 'hash search wizard: every host that saw a file'),
  b('Global', 'app.vulns', ['ctrl+x'], 'vulnerabilities view: Spotlight by CVE or host, remediation, ticket preview'),
  b('Global', 'app.alerts', ['ctrl+g'], 'alert triage: find, inspect, change and close out alerts'),
  b('Global', 'app.profiles', ['ctrl+p'], 'switch profile (tenant or MSSP child)'),
  b('Global', 'app.dashboard', ['ctrl+y'], 'dashboard: the fleet, alerts and vulnerabilities reports as charts'),
  b('Global', 'app.requestAsCode', ['ctrl+w'], 'the request as code: copy curl, FalconPy or the TypeScript SDK'),
  b('Global', 'app.quit', ['ctrl+c'], 'quit'),

  b('Text fields', 'edit.left', ['left'], 'cursor left'),
  b('Text fields', 'edit.right', ['right'], 'cursor right'),
  b('Text fields', 'edit.home', ['home', 'ctrl+a'], 'start of the line'),
  b('Text fields', 'edit.end', ['end', 'ctrl+e'], 'end of the line'),
  b('Text fields', 'edit.backspace', ['backspace'], 'delete the character before the cursor'),
  b('Text fields', 'edit.delete', ['delete'], 'delete the character under the cursor'),
  b('Text fields', 'edit.clearLine', ['ctrl+u'], 'clear the field'),
  b('Text fields', 'edit.submit', ['return'], 'accept the field (one-line fields)'),
  b('Text fields', 'prompt.previous', ['up'], 'search or jq prompt: the previous query or filter'),
  b('Text fields', 'prompt.next', ['down'], 'jq prompt: a later filter'),

  b('Endpoint line', 'endpoint.up', ['up'], 'previous completion'),
  b('Endpoint line', 'endpoint.down', ['down'], 'next completion'),
  b('Endpoint line', 'endpoint.pick', ['return'], 'pick the completion, or take the typed path and ?query'),
  b('Endpoint line', 'endpoint.dismiss', ['escape'], 'hide the completions'),
  b('Endpoint line', 'endpoint.acceptSegment', ['tab', 'right'], 'take the first `next:` path segment (→ at the end of the line)'),

  b('Method', 'method.next', ['right', 'space'], 'next HTTP method'),
  b('Method', 'method.previous', ['left'], 'previous HTTP method'),

  b('Parameters', 'params.up', ['up'], 'previous row or suggestion'),
  b('Parameters', 'params.down', ['down'], 'next row; into the suggestions when they show'),
  b('Parameters', 'params.next', ['return'], 'take the highlighted suggestion; from a name to its value', 'Enter / ='),
  b('Parameters', 'params.cycle', ['right', 'left'], 'a value with fixed choices: the next or previous choice', '→ / ←'),
  b('Parameters', 'params.editor', ['f4'], 'edit the value in $VISUAL / $EDITOR (a long value)'),
  b('Parameters', 'query.addRow', ['ctrl+n'], 'add a query parameter row'),
  b('Parameters', 'query.removeRow', ['ctrl+d'], 'remove the query parameter row'),

  b('Body', 'body.newline', ['return'], 'new line'),
  b('Body', 'body.editor', ['f4'], 'edit the body in $VISUAL / $EDITOR; read back and checked'),
  b('Body', 'body.up', ['up'], 'line up'),
  b('Body', 'body.down', ['down'], 'line down'),
  b('Body', 'body.pageUp', ['pageup'], 'page up'),
  b('Body', 'body.pageDown', ['pagedown'], 'page down'),

  b('Response', 'response.up', ['up', 'k'], 'cursor line up'),
  b('Response', 'response.down', ['down', 'j'], 'cursor line down'),
  b('Response', 'response.pageUp', ['pageup'], 'a page up'),
  b('Response', 'response.pageDown', ['pagedown', 'space'], 'a page down'),
  b('Response', 'response.top', ['g'], 'first line'),
  b('Response', 'response.bottom', ['G'], 'last line'),
  b('Response', 'response.fold', ['return', 'z'], 'fold or unfold the object or array at the cursor line'),
  b('Response', 'response.search', ['/'], 'search (↑ in the prompt brings back the last query)'),
  b('Response', 'response.nextMatch', ['n'], 'next match'),
  b('Response', 'response.previousMatch', ['N'], 'previous match'),
  b('Response', 'response.write', ['w'], 'write the response (or the jq result) to a file'),
  b('Response', 'response.headers', ['H'], 'show or hide the status line, timing and headers (rate limit and trace id first)'),
  b('Response', 'response.copyValue', ['y'], 'copy the value under the cursor to the clipboard (a file when the terminal cannot)'),
  b('Response', 'response.copyAll', ['Y'], 'copy the whole response (or the jq result)'),
  b('Response', 'response.jq', ['|'], 'jq filter of the response (an empty filter shows the response again)'),
  b('Response', 'response.table', ['t'], 'show the array of objects as a table; again for JSON'),
  b('Response', 'response.fullValue', ['v'], 'the whole value under the cursor, wrapped (Esc closes)'),
  b('Response', 'response.entities', ['e'], 'a query answer: fetch the matching entities for its ids'),
  b('Response', 'response.scrollRight', ['right', 'l'], 'scroll long lines sideways to the right'),
  b('Response', 'response.scrollLeft', ['left', 'h'], 'scroll long lines back to the left'),
  b('Response', 'prompt.close', ['escape'], 'close the search, jq or file prompt, or the full value; stop a running jq filter'),

  b('Table', 'table.left', ['left', 'h'], 'select the previous column'),
  b('Table', 'table.right', ['right', 'l'], 'select the next column'),
  b('Table', 'table.sort', ['s'], 'sort by the selected column (again: descending)'),
  b('Table', 'table.columns', ['c'], 'choose the columns (Space shows or hides one, Enter or Esc closes)'),
  b('Table', 'table.toggleColumn', ['space'], 'column chooser: show or hide the column'),
  b('Table', 'table.export', ['E'], 'export the table as CSV (in its order and columns)'),

  b('Paging', 'page.next', [']'], 'next page'),
  b('Paging', 'page.previous', ['['], 'previous page'),
  b('Paging', 'page.all', ['A'], 'fetch all pages into a file (Esc cancels)'),

  b('Lists and dialogs', 'list.up', ['up'], 'previous item'),
  b('Lists and dialogs', 'list.down', ['down'], 'next item'),
  b('Lists and dialogs', 'list.pageUp', ['pageup'], 'a page up'),
  b('Lists and dialogs', 'list.pageDown', ['pagedown'], 'a page down'),
  b('Lists and dialogs', 'list.pick', ['return'], 'run, load or pick the selected item; save dialog: next field, then save'),
  b('Lists and dialogs', 'history.resend', ['ctrl+s'], 'history: send the selected request again'),
  b('Lists and dialogs', 'code.write', ['w'], 'request as code: write it to a new file (0600) instead of copying'),
  b('Lists and dialogs', 'dialog.close', ['escape'], 'close the overlay (a variable prompt goes back)'),

  b('Confirmation', 'confirm.yes', ['y', 'Y'], 'send the call that changes the tenant'),
  b('Confirmation', 'confirm.no', ['n', 'N', 'escape'], 'cancel: nothing is sent'),

  b('Containment wizard', 'wizard.switchAction', ['tab'], 'targets: switch between contain and lift'),
  b('Containment wizard', 'wizard.toggle', ['space'], 'pick a duplicate host; (de)select a review row'),
  b('Containment wizard', 'wizard.proceed', ['return'], 'go on to the next step; close the results'),
  b('Containment wizard', 'wizard.retry', ['r'], 'retry a failed step'),
  b('Containment wizard', 'wizard.back', ['escape'], 'a step back; during the watch, stop watching'),

  b('Hash search wizard', 'hash.open', ['return'], 'search; show the processes of the host'),
  b('Hash search wizard', 'hash.toggle', ['space'], 'keep or drop the host for containment'),
  b('Hash search wizard', 'hash.all', ['a'], 'keep every host'),
  b('Hash search wizard', 'hash.contain', ['c'], 'contain the kept hosts (opens the containment wizard)'),
  b('Hash search wizard', 'hash.exportJson', ['e'], 'export the result as JSON'),
  b('Hash search wizard', 'hash.exportCsv', ['E'], 'export the result as CSV'),
  b('Hash search wizard', 'hash.back', ['escape'], 'a step back; closes from the first step'),

  b('Vulnerabilities view', 'vulns.choose', ['return'], 'run the preset; on a row, preview its ticket'),
  b('Vulnerabilities view', 'vulns.toggleBy', ['b'], 'group by CVE or by host'),
  b('Vulnerabilities view', 'vulns.ticket', ['t'], 'preview the ticket for the group under the cursor'),
  b('Vulnerabilities view', 'vulns.presets', ['p'], 'back to the presets'),
  b('Vulnerabilities view', 'vulns.top', ['g', 'home'], 'first row'),
  b('Vulnerabilities view', 'vulns.bottom', ['G', 'end'], 'last row'),
  b('Vulnerabilities view', 'vulns.back', ['escape'], 'a step back (ticket, table, presets); closes from the presets'),
  b('Dashboard', 'dashboard.next', ['right', 'down', 'j'], 'next panel'),
  b('Dashboard', 'dashboard.previous', ['left', 'up', 'k'], 'previous panel'),
  b('Dashboard', 'dashboard.open', ['return'], "open the panel's query in the composer"),
  b('Dashboard', 'dashboard.refresh', ['r'], 'read the reports again'),
  b('Dashboard', 'dashboard.close', ['escape'], 'close the dashboard'),

  b('Alert triage', 'alerts.first', ['home', 'g'], 'first alert (↑ ↓ PgUp PgDn move)'),
  b('Alert triage', 'alerts.last', ['end', 'G'], 'last alert'),
  b('Alert triage', 'alerts.detail', ['return'], 'open or close the detail pane; in a form or review: go on'),
  b('Alert triage', 'alerts.detailDown', ['J'], 'scroll the detail pane down'),
  b('Alert triage', 'alerts.detailUp', ['K'], 'scroll the detail pane up'),
  b('Alert triage', 'alerts.select', ['space'], 'select the alert or not; review: drop the row or keep it'),
  b('Alert triage', 'alerts.selectAll', ['a'], 'select every alert listed, or none'),
  b('Alert triage', 'alerts.preset', ['p'], 'next filter preset: new, high, last 24 h, unassigned, all'),
  b('Alert triage', 'alerts.filter', ['/'], 'filter with FQL (Enter applies; an empty filter clears it)'),
  b('Alert triage', 'alerts.status', ['s'], 'change the selection (else the alert): status'),
  b('Alert triage', 'alerts.assign', ['o'], 'change: assign to a user (owner)'),
  b('Alert triage', 'alerts.tag', ['t'], 'change: add a tag'),
  b('Alert triage', 'alerts.comment', ['c'], 'change: add a comment'),
  b('Alert triage', 'alerts.field', ['tab', 'down'], 'change form: next field'),
  b('Alert triage', 'alerts.fieldBack', ['shift+tab', 'up'], 'change form: previous field'),
  b('Alert triage', 'alerts.nextStatus', ['right'], 'change form: next status'),
  b('Alert triage', 'alerts.previousStatus', ['left'], 'change form: previous status'),
  b('Alert triage', 'alerts.rules', ['r'], 'preview a rule file: the matches and why; drop rows, then apply'),
  b('Alert triage', 'alerts.contain', ['C'], "hand the selection's hosts to the containment wizard"),
  b('Alert triage', 'alerts.hashSearch', ['H'], "hand the alert's file hash to the hash search wizard"),
  b('Alert triage', 'alerts.back', ['escape'], 'close the pane or form, a step back, close; sending: stop after the batch in flight'),

  b('Help', 'help.scrollUp', ['up', 'k'], 'scroll up'),
  b('Help', 'help.scrollDown', ['down', 'j'], 'scroll down'),
  b('Help', 'help.pageUp', ['pageup'], 'a page up'),
  b('Help', 'help.pageDown', ['pagedown', 'space'], 'a page down'),
  b('Help', 'help.close', ['escape', 'f1', '?'], 'close the help'),
] as const satisfies readonly Binding[];

export type Command = (typeof BINDINGS)[number]['command'];

interface Spec {
  name: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
}

function parseSpec(spec: string): Spec {
  const parts = spec.split('+');
  const last = parts.length > 1 && parts[parts.length - 1] === '' ? '+' : (parts.pop() as string);
  const mods = new Set(parts.filter(Boolean));
  return { name: last === 'space' ? ' ' : last, ctrl: mods.has('ctrl'), meta: mods.has('meta'), shift: mods.has('shift') };
}

function specMatches(spec: Spec, key: KeyEvent): boolean {
  if (key.paste || key.name !== spec.name || key.ctrl !== spec.ctrl || key.meta !== spec.meta) return false;
  // A single character carries its own case; named keys must match Shift exactly.
  return spec.name.length === 1 && !spec.ctrl ? true : key.shift === spec.shift;
}

const SPECS = new Map<string, Spec[]>(BINDINGS.map((x) => [x.command, x.keys.map(parseSpec)]));

/** Whether `key` is one of `command`'s keys. */
export function matches(command: Command, key: KeyEvent): boolean {
  return (SPECS.get(command) ?? []).some((s) => specMatches(s, key));
}

/** The text a key types into a field (a character or a paste), or undefined for a command key. */
export function textOf(key: KeyEvent): string | undefined {
  if (key.paste) return key.text;
  return !key.ctrl && !key.meta && key.text !== '' ? key.text : undefined;
}

const NAMES: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  return: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  ' ': 'Space',
};

function specLabel(spec: string): string {
  const s = parseSpec(spec);
  const name = NAMES[s.name] ?? (s.name.length === 1 ? s.name : s.name.toUpperCase());
  const mods = [s.ctrl && 'Ctrl', s.meta && 'Alt', s.shift && 'Shift'].filter(Boolean);
  return [...mods, s.ctrl && name.length === 1 ? name.toUpperCase() : name].join('+');
}

/** How help shows a binding's keys: 'Ctrl+S', '↑ / k'. */
export function bindingLabel(binding: Binding): string {
  return binding.label ?? binding.keys.map(specLabel).join(' / ');
}

/** The key event a command's first key makes, to run the command from the palette; undefined when it has no key. */
export function keyEventOf(command: Command): KeyEvent | undefined {
  const spec = BINDINGS.find((x) => x.command === command)?.keys[0];
  if (spec === undefined) return undefined;
  const s = parseSpec(spec);
  const text = s.name.length === 1 && !s.ctrl && !s.meta ? s.name : '';
  return { name: s.name, text, ctrl: s.ctrl, meta: s.meta, shift: s.shift, paste: false, sequence: '' };
}

/** The label of a command's keys, for hints drawn in panes. */
export function keyLabel(command: Command): string {
  const found = BINDINGS.find((x) => x.command === command);
  return found ? bindingLabel(found) : command;
}

export interface HelpSection {
  context: KeyContext;
  rows: { keys: string; description: string }[];
}

/** The keymap grouped by context, in help order. */
export function helpSections(): HelpSection[] {
  return CONTEXTS.map((context) => ({
    context,
    rows: BINDINGS.filter((x) => x.context === context).map((x) => ({ keys: bindingLabel(x), description: x.description })),
  }));
}

/** The README's key table (a test keeps the README's copy equal to it). */
export function keyTableMarkdown(): string {
  const lines = ['| Where | Keys | What it does |', '| --- | --- | --- |'];
  for (const section of helpSections()) {
    for (const row of section.rows) lines.push(`| ${section.context} | ${row.keys.replace(/\|/g, '\\|')} | ${row.description.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}
