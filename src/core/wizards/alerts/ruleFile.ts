// A rule file named in the shell: read and validated, or every mistake as a
// sentence. Loaded on demand (it brings the YAML parser and the schema).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { fileError } from '../../fileError.js';
import { UserError } from '../../errors.js';
import { parseRules, RuleFileError, type TriageRule } from './rules.js';

export type RuleFileLoad = { ok: true; file: string; rules: TriageRule[] } | { ok: false; problems: string[] };

/** `~/` is the home directory; a relative path is taken from the current directory. */
export function ruleFilePath(typed: string, cwd = process.cwd()): string {
  const t = typed.trim();
  return t === '~' || t.startsWith('~/') ? resolve(homedir(), t.slice(2)) : resolve(cwd, t);
}

export function loadRuleFile(typed: string, cwd?: string): RuleFileLoad {
  if (!typed.trim()) return { ok: false, problems: ['Type the path of a rule file (YAML or JSON; examples/triage-rules.yaml shows the format).'] };
  const file = ruleFilePath(typed, cwd);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, problems: [fileError(e, `the rule file '${file}'`, 'read').message] };
  }
  try {
    return { ok: true, file, rules: parseRules(text) };
  } catch (e) {
    if (e instanceof RuleFileError) {
      const n = e.problems.length;
      return { ok: false, problems: [`The rule file has ${n} mistake${n === 1 ? '' : 's'}; nothing was changed:`, ...e.problems] };
    }
    if (e instanceof UserError) return { ok: false, problems: [e.message] };
    throw e;
  }
}
