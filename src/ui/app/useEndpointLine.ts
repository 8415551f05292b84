// The endpoint line: the text as typed (and as the last key left it, for a
// Ctrl+S in the same burst), the catalog's completions for it, and what Enter
// or a picked completion does to the composer's request.
import { useMemo, useRef, useState } from 'react';
import type { EndpointHit, EndpointSource } from '../../core/shell/endpointSource.js';
import { applyEndpointLine } from '../../core/shell/endpointLine.js';
import type { PaneId } from '../../core/shell/shellState.js';
import type { ShellModel } from './useShell.js';

export interface EndpointLine {
  /** the line as typed (the last render's) */
  text: string;
  /** the line as the last key left it */
  latest(): string;
  set(text: string): void;
  /** a key typed on the line: the text changes and a dismissed list may open again */
  change(text: string): void;
  hits: EndpointHit[];
  segments: ReturnType<EndpointSource['nextSegments']>;
  /** the completion list shows (the line focused, not dismissed, something found) */
  listOpen: boolean;
  dismissList(): void;
  /** makes the composer's request what the line says; a warning when the path is not in the catalog */
  apply(text: string): string | undefined;
  pick(hit: EndpointHit): void;
  /** Enter on the line */
  submit(text: string): void;
}

export function useEndpointLine(shell: ShellModel, source: EndpointSource | undefined, focus: PaneId): EndpointLine {
  const { dispatch } = shell;
  // The endpoint line as typed; `line` (a ref) is what the last key left, for a Ctrl+S in the same burst.
  const [text, setTextState] = useState('');
  const line = useRef('');
  const set = (next: string): void => {
    line.current = next;
    setTextState(next);
  };
  const [listDismissed, setListDismissed] = useState(false);
  // Searched once per change of the text; the picker and the layout share the result.
  const hits = useMemo(
    () => (source && text.trim() && text !== shell.composer.pathTemplate ? source.search(text, 12) : []),
    [source, text, shell.composer.pathTemplate],
  );
  const segments = useMemo(() => source?.nextSegments(text) ?? [], [source, text]);
  const listOpen = focus === 'endpoint' && !listDismissed && hits.length > 0;

  const apply = (typed: string): string | undefined => {
    const applied = applyEndpointLine(shell.latestComposer(), typed, (m, p) => source?.findByPath(m, p));
    for (const a of applied.actions) shell.compose(a);
    set(applied.line);
    return source ? applied.warning : undefined;
  };

  const pick = (hit: EndpointHit): void => {
    if (!source) return;
    const op = source.operation(hit);
    shell.compose({ type: 'pickOperation', operation: op });
    set(op.path);
    dispatch({ type: 'focus', pane: op.params.length > 0 ? 'params' : op.bodySkeleton !== undefined ? 'body' : 'endpoint' });
    if (op.deprecated) shell.setMessage(`${op.method} ${op.path} is deprecated${op.successor ? `: use ${op.successor} instead` : ''}.`);
  };

  const submit = (typed: string): void => {
    const warning = apply(typed);
    if (warning) shell.setMessage(warning);
    // A query typed on the line is now in the rows: show them.
    if (typed.includes('?')) dispatch({ type: 'focus', pane: 'params' });
  };

  return {
    text,
    latest: () => line.current,
    set,
    change: (next) => {
      setListDismissed(false);
      set(next);
    },
    hits,
    segments,
    listOpen,
    dismissList: () => setListDismissed(true),
    apply,
    pick,
    submit,
  };
}
