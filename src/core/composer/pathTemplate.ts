// Paths with `{name}` placeholders: which names they hold, filling them in
// (URL-encoded), and recovering the values from a concrete path.

const PLACEHOLDER = /\{([^{}/]+)\}/g;

/** The placeholder names in order of appearance, each once. */
export function pathParamNames(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The template with each placeholder replaced by its URL-encoded value; missing values stay as `{name}`. */
export function fillPath(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const v = values[name];
    return v === undefined || v === '' ? whole : encodeURIComponent(v);
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The placeholder values when `path` is an instance of `template`, else undefined. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  let pattern = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    pattern += escapeRegExp(template.slice(last, m.index)) + '([^/]+)';
    names.push(m[1] ?? '');
    last = m.index + m[0].length;
  }
  pattern += escapeRegExp(template.slice(last));
  const found = new RegExp(`^${pattern}$`).exec(path);
  if (!found) return undefined;
  const values: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    const raw = found[i + 1] ?? '';
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      value = raw;
    }
    // A placeholder used twice must hold the same value both times.
    if (values[name] !== undefined && values[name] !== value) return undefined;
    values[name] = value;
  }
  return values;
}
