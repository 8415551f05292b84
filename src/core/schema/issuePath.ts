// Where a valibot issue is, as a person reads it in a file: rules[2].when.sha256.
// '' for the file (or document) itself.
export function issuePath(path: readonly { key: unknown }[] | undefined): string {
  let out = '';
  for (const { key } of path ?? []) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}
