// A list filtered by typed text with a selection that ↑/↓ move: the shared
// state of the history, saved-requests and command-palette overlays.
import { useMemo, useState } from 'react';
import type { KeyEvent } from '../keys/parseKeys.js';
import { matches } from '../keys/keymap.js';

export interface FilteredList<T> {
  filter: string;
  setFilter(text: string): void;
  shown: T[];
  /** the selected index in `shown` */
  at: number;
  selected: T | undefined;
  /** handles ↑/↓ (and PgUp/PgDn by `page` rows); true when the key was used */
  move(key: KeyEvent, page?: number): boolean;
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
    move(key, page = 10) {
      const last = Math.max(0, shown.length - 1);
      // Relative to the latest index, so a burst of arrows moves as far as it was pressed.
      if (matches('list.down', key)) setIndex((i) => Math.min(Math.min(i, last) + 1, last));
      else if (matches('list.up', key)) setIndex((i) => Math.max(Math.min(i, last) - 1, 0));
      else if (matches('list.pageDown', key)) setIndex((i) => Math.min(Math.min(i, last) + page, last));
      else if (matches('list.pageUp', key)) setIndex((i) => Math.max(Math.min(i, last) - page, 0));
      else return false;
      return true;
    },
  };
}
