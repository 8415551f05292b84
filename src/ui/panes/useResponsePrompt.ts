// The response pane's one-line prompts: search (/), write to a file (w) and
// jq (|). A prompt opened by a key takes the keys of the same burst as its
// text until its field has rendered and listens; ↑ and ↓ bring back the last
// search or the filters run; Enter searches, writes or filters.
import { useEffect, useRef, useState } from 'react';
import { resolve } from 'node:path';
import type { ApiResponse } from '../../core/http/types.js';
import { stepHistory } from '../../core/jq/jqHistory.js';
import { formatCount } from '../../core/jsonView/responseSummary.js';
import { defaultResponseFileName, writeResponseFile } from '../../core/jsonView/writeResponseFile.js';
import type { JsonViewport } from '../hooks/useJsonViewport.js';
import { matches, textOf } from '../keys/keymap.js';
import type { KeyEvent } from '../keys/parseKeys.js';
import type { Role } from '../theme.js';
import type { useResponseExtras } from './useResponseExtras.js';

export type Prompt = { kind: 'search' | 'write' | 'jq'; value: string };

/** Where Enter in the search prompt searches. */
export type SearchTarget = Pick<JsonViewport, 'search' | 'clearSearch'>;

export interface ResponsePromptOptions {
  response?: ApiResponse;
  extras: ReturnType<typeof useResponseExtras>;
  /** where `w` writes a relative file name; the current directory by default */
  directory?: string;
  setMessage(message: { text: string; role: Role } | undefined): void;
}

/** The field's side of a prompt (LineInput's onOtherKey). */
export interface PromptField {
  current(): { text: string };
  set(text: string): void;
}

export interface ResponsePrompt {
  /** the prompt shown, with its text as typed */
  prompt?: Prompt;
  /** the field's text changed */
  edit(value: string): void;
  /** a prompt has opened and its field does not listen yet */
  isOpening(): boolean;
  /** a prompt shows (its field takes the keys) */
  isShown(): boolean;
  open(next: Prompt): true;
  /** opens the jq prompt on the filter shown; ↑ starts from the newest filter run */
  openJq(filter: string): true;
  /** a key for the prompt that has opened but whose field does not listen yet: its text, Enter or Esc */
  openingKey(key: KeyEvent, target: SearchTarget): true;
  /** keys the prompt's field leaves: Esc closes, ↑ and ↓ step through the last search or the filters run */
  promptKey(key: KeyEvent, field: PromptField): boolean;
  /** Enter: searches, filters or writes the file */
  submit(value: string, target: SearchTarget, current?: Prompt): void;
}

export function useResponsePrompt({ response, extras, directory, setMessage }: ResponsePromptOptions): ResponsePrompt {
  // Where ↑ in the jq prompt has got to in the filters run (their count: the field as typed).
  const jqIndex = useRef(0);
  const [prompt, setPrompt] = useState<Prompt>();
  // The prompt as the last key left it, until its field has rendered and listens.
  const opening = useRef<Prompt | undefined>(undefined);
  const promptShown = useRef(prompt);
  promptShown.current = prompt;
  // The field has mounted and subscribed (children's effects run first): it takes the keys from here on.
  useEffect(() => {
    if (prompt) opening.current = undefined;
  }, [prompt]);
  // The last query searched, offered again by ↑ in an empty search prompt.
  const lastQuery = useRef('');

  const open = (next: Prompt): true => {
    opening.current = next;
    setMessage(undefined);
    setPrompt(next);
    return true;
  };

  const openJq = (filter: string): true => {
    jqIndex.current = extras.filters.current.length;
    return open({ kind: 'jq', value: filter });
  };

  const close = (): void => {
    opening.current = undefined;
    setPrompt(undefined);
  };

  const submit = (value: string, target: SearchTarget, current: Prompt | undefined = prompt): void => {
    opening.current = undefined;
    if (!current) return;
    const prompt = current;
    setPrompt(undefined);
    if (prompt.kind === 'search') {
      if (value) lastQuery.current = value;
      return value ? target.search(value) : target.clearSearch();
    }
    if (prompt.kind === 'jq') {
      setMessage(undefined);
      extras.filter(value).then(
        (end) => {
          if (end.kind === 'error') setMessage({ text: end.text, role: 'error' });
          else if (end.kind === 'shown' || end.kind === 'stale') setMessage(undefined);
        },
        (err: unknown) => setMessage({ text: `jq: ${err instanceof Error ? err.message : String(err)}`, role: 'error' }),
      );
      return;
    }
    if (!response) return;
    const path = resolve(directory ?? process.cwd(), value.trim() || defaultResponseFileName(response));
    setMessage({ text: `writing ${path}…`, role: 'muted' });
    writeResponseFile(response, path).then(
      (bytes) => setMessage({ text: `wrote ${formatCount(bytes)} bytes to ${path}`, role: 'ok' }),
      (err: unknown) => setMessage({ text: err instanceof Error ? err.message : String(err), role: 'error' }),
    );
  };

  // A prompt just opened whose field is not listening yet (keys of the same burst): its keys are its text.
  const openingKey = (key: KeyEvent, target: SearchTarget): true => {
    const p = opening.current;
    if (!p) return true;
    if (matches('prompt.close', key)) close();
    else if (matches('edit.submit', key)) submit(p.value, target, p);
    else {
      const text = textOf(key);
      const value = text !== undefined ? p.value + text : matches('edit.backspace', key) ? p.value.slice(0, -1) : matches('edit.clearLine', key) ? '' : p.value;
      opening.current = { ...p, value };
      setPrompt(opening.current);
    }
    return true;
  };

  const promptKey = (key: KeyEvent, field: PromptField): boolean => {
    if (matches('prompt.close', key)) {
      close();
      return true;
    }
    if (prompt?.kind === 'search' && matches('prompt.previous', key) && lastQuery.current && field.current().text === '') {
      field.set(lastQuery.current);
      return true;
    }
    if (prompt?.kind === 'jq' && (matches('prompt.previous', key) || matches('prompt.next', key))) {
      const history = extras.filters.current;
      jqIndex.current = stepHistory(history, jqIndex.current, matches('prompt.previous', key) ? -1 : 1);
      field.set(history[jqIndex.current] ?? '');
      return true;
    }
    return false;
  };

  return {
    prompt,
    edit: (value) => {
      if (prompt) setPrompt({ ...prompt, value });
    },
    isOpening: () => opening.current !== undefined,
    isShown: () => promptShown.current !== undefined,
    open,
    openJq,
    openingKey,
    promptKey,
    submit,
  };
}
