// The filter presets of `talon alerts --preset` and the shell's alert view,
// as FQL, and how a preset combines with a filter the user typed.

export const PRESETS = {
  /** not looked at yet */
  new: { filter: "status:'new'", label: 'new alerts' },
  /** High and Critical (a score of 60 or more) */
  high: { filter: 'severity:>=60', label: 'High and Critical alerts' },
  'last-24h': { filter: "created_timestamp:>='now-24h'", label: 'alerts of the last 24 hours' },
  /** nobody assigned */
  unassigned: { filter: "assigned_to_name:''", label: 'unassigned alerts' },
} as const;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export function isPreset(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

/** The preset's filter AND the user's (FQL `+`), or whichever is given. */
export function combineFilters(preset: PresetName | undefined, filter: string | undefined): string | undefined {
  const parts = [preset ? PRESETS[preset].filter : undefined, filter?.trim() || undefined].filter((p): p is string => Boolean(p));
  if (!parts.length) return undefined;
  return parts.length === 1 ? parts[0] : parts.map((p) => (/[,]/.test(p) ? `(${p})` : p)).join('+');
}
