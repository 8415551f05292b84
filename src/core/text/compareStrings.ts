// Code-unit order: the order of ISO timestamps, ids and paths, the same in
// every locale. localeCompare is neither, and its first call loads ICU's
// collation (~6 ms of a one-shot command on Node 22).
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
