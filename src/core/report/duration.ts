// `--since` durations: a whole number and a unit (m, h, d, w), e.g. 30d.

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Milliseconds, or undefined when `text` is not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d{1,6})\s*([mhdw])\s*$/i.exec(text);
  if (!m) return undefined;
  const ms = Number(m[1]) * (UNIT_MS[m[2]!.toLowerCase()] ?? 0);
  return ms > 0 ? ms : undefined;
}
