// A list filtered by typed text with a selection that ↑/↓ move: the shared
// state of the history, saved-requests and command-palette overlays.
import { useMemo, useState } from 'react';
import type { Key } from 'ink';
import { matches } from '../keys/keymap.js';

export interface FilteredList<T> {
  filter: string;
  setFilter(text: string): void;
  shown: T[];
  /** the selected index in `shown` */
  at: number;
  selected: T | undefined;
  /** handles ↑/↓ (and PgUp/PgDn by `page` rows); true when the key was used */
  move(input: string, key: Key, page?: number): boolean;
}

export function useFilteredList<T>(items: readonly T[], keep: (item: T, text: string) => boolean): FilteredList<T> {
  const [filter, setFilterText] = useState('');
  const [index, setIndex] = useState(0);
  const shown = useMemo(() => (filter.trim() ? items.filter((i) => keep(i, filter.trim().toLowerCase())) : [...items]), [items, filter]);
  const at = Math.min(index, Math.max(0, shown.length - 1));
  return {
    filter,
    setFilter: (text) => {
      setFilterText(text);
      setIndex(0);
    },
    shown,
    at,
    selected: shown[at],
    move(input, key, page = 10) {
      const last = Math.max(0, shown.length - 1);
      if (matches('list.down', input, key)) setIndex(Math.min(at + 1, last));
      else if (matches('list.up', input, key)) setIndex(Math.max(at - 1, 0));
      else if (key.pageDown) setIndex(Math.min(at + page, last));
      else if (key.pageUp) setIndex(Math.max(at - page, 0));
      else return false;
      return true;
    },
  };
}
