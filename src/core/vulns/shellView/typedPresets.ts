// The presets typed in the vulnerabilities view's field, as the command
// takes them after --preset: "cve:CVE-2024-3094", "group:Finance
// Workstations kev", "open-days:45; kev". A bare CVE id means cve:ID.
import { UserError } from '../../errors.js';
import { PRESET_HELP, isCveId, parsePreset, type Preset } from '../presets.js';

const SPLIT = /\s*;\s*|\s+(?=(?:cve|group|open-days|kev|critical-exploited)(?::|\s|$))/i;

/** Each preset in the text, or one sentence (a UserError) saying what is wrong. */
export function parseTypedPresets(text: string): Preset[] {
  const parts = text.trim().split(SPLIT).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) throw new UserError(`Type one or more presets: ${PRESET_HELP}.`);
  return parts.map((p) => parsePreset(isCveId(p) ? `cve:${p}` : p));
}
