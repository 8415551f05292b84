// Windowing for lists and editors taller than their box: the first visible
// index after moving, so that the selected one stays in view.

/** The new first visible index, given the old one, the index to show, the window size and the item count. */
export function scrollIntoView(top: number, index: number, size: number, count: number): number {
  const rows = Math.max(1, size);
  let next = top;
  if (index < next) next = index;
  if (index >= next + rows) next = index - rows + 1;
  return Math.max(0, Math.min(next, Math.max(0, count - rows)));
}
