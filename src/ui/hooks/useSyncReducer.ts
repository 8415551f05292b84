// useReducer whose latest state is readable at once: keys that arrive
// together (Enter then Ctrl+S) are handled before React re-renders, so a
// handler must see the state the previous key left, not the last render's.
import { useCallback, useRef, useState } from 'react';

export function useSyncReducer<S, A>(reducer: (state: S, action: A) => S, init: () => S): [S, (action: A) => void, () => S] {
  const ref = useRef<S | undefined>(undefined);
  if (ref.current === undefined) ref.current = init();
  const [state, setState] = useState<S>(ref.current);
  const dispatch = useCallback(
    (action: A) => {
      ref.current = reducer(ref.current as S, action);
      setState(ref.current);
    },
    [reducer],
  );
  const latest = useCallback(() => ref.current as S, []);
  return [state, dispatch, latest];
}
