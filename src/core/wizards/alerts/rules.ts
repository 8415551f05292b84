// Triage rule files (YAML or JSON): which alerts to close, with what comment
// and tag. Validated with one sentence per mistake, naming its place in the
// file (rules[2].when.severity_at_most), so a rule never runs half-understood.
// valibot, not zod: its schemas are plain objects, so nothing is built when
// the module loads, which one-shot commands pay for (zod's runtime cost
// talon replay ~8 ms a call).
import { parseDocument } from 'yaml';
import * as v from 'valibot';
import { closedMapping } from '../../schema/closedMapping.js';
import { issuePath } from '../../schema/issuePath.js';
import { SEVERITY_BANDS, severityCeiling, type AlertStatus, type SeverityName } from './alertRecord.js';

const SEVERITY_NAMES = SEVERITY_BANDS.map((b) => b.name);
const SEVERITY_MESSAGE = `must be a severity name (${SEVERITY_NAMES.join(', ')}) or a whole number from 1 to 100`;
const OPEN_STATUSES = ['new', 'in_progress', 'reopened'] as const;
const DURATION = /^(\d+)\s*(m|h|d|w)$/;
const AGE_MESSAGE = 'must be an age such as 30m, 12h, 7d or 2w';
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

const unknownKeysMessage = (keys: string[]) =>
  `unknown key${keys.length === 1 ? '' : 's'} ${keys.map((k) => `'${k}'`).join(', ')}; check the spelling against the rule format in the README`;

/** A closed mapping whose missing key reads as its own schema's complaint about nothing: "close.tag: must be the tag ...". */
function mapping<const E extends v.ObjectEntries>(entries: E, message: string) {
  const missingKey = (issue: v.LooseObjectIssue): string => {
    const key = issue.path?.at(-1)?.key;
    const entry = typeof key === 'string' && issue.expected === `"${key}"` ? entries[key] : undefined;
    return (entry && v.safeParse(entry, undefined).issues?.[0].message) ?? message;
  };
  return closedMapping(entries, { notAMapping: message, unknownKeys: unknownKeysMessage, missingKey });
}

/** One value or a non-empty list of them; `what` says what one value is ("a tactic name or id"). */
const oneOrMany = <T extends string>(item: v.GenericSchema<T>, what: string) =>
  v.pipe(
    v.union([item, v.pipe(v.array(item), v.minLength(1, 'must list at least one value, or be left out'))], `must be ${what}, or a list of them`),
    v.transform((x): T[] => (Array.isArray(x) ? x : [x as T])),
  );

const text = (what: string) => v.pipe(v.string(`must be ${what}`), v.trim(), v.minLength(1, `must be ${what}, not empty`));

const CONDITIONS = {
  severity_at_most: v.optional(
    // A union reports a number with the number option's own issues: one check, so one sentence.
    v.union([v.picklist(SEVERITY_NAMES), v.pipe(v.number(), v.check((n) => Number.isInteger(n) && n >= 1 && n <= 100, SEVERITY_MESSAGE))], SEVERITY_MESSAGE),
  ),
  tactic: v.optional(oneOrMany(text('a tactic'), 'a tactic name or id (e.g. Defense Evasion or TA0005)')),
  technique: v.optional(oneOrMany(text('a technique'), 'a technique name or id (e.g. PowerShell or T1059.001)')),
  host_group: v.optional(oneOrMany(text('a host group'), 'a host group name or id')),
  file_name: v.optional(oneOrMany(text('a file name'), 'a file name (* matches any characters)')),
  sha256: v.optional(oneOrMany(v.pipe(v.string(), v.regex(/^[0-9a-fA-F]{64}$/, 'must be a sha256 (64 hexadecimal characters)')), 'a sha256 (64 hexadecimal characters)')),
  older_than: v.optional(v.pipe(v.string(AGE_MESSAGE), v.regex(DURATION, AGE_MESSAGE))),
  status: v.optional(oneOrMany(v.picklist(OPEN_STATUSES), `a status: ${OPEN_STATUSES.join(', ')} (closed alerts are never matched)`)),
};
const conditions = v.pipe(
  mapping(CONDITIONS, 'must be a mapping of conditions'),
  // Runs only when every condition is well-formed; an unknown key is no condition.
  v.check((c) => Object.keys(c).some((k) => Object.hasOwn(CONDITIONS, k)), 'give at least one condition; a rule without conditions would close every open alert'),
);

const rule = mapping(
  {
    name: text('a name for the rule'),
    when: conditions,
    close: mapping({ comment: text('the comment added to each alert it closes'), tag: text('the tag added to each alert it closes') }, 'must say how to close: comment and tag'),
  },
  'must be a rule with name, when and close',
);

const ruleFile = mapping({ rules: v.pipe(v.array(rule, 'must be a list of rules'), v.minLength(1, 'give at least one rule')) }, 'The file must be a mapping with a "rules" list');

type RuleInput = v.InferOutput<typeof rule>;

/** A validated rule. */
export interface TriageRule {
  name: string;
  when: {
    severityAtMost?: { score: number; label: string };
    tactics?: string[];
    techniques?: string[];
    hostGroups?: string[];
    fileNames?: string[];
    sha256s?: string[];
    olderThan?: { ms: number; label: string };
    statuses: AlertStatus[];
  };
  close: { comment: string; tag: string };
}

export class RuleFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems[0]);
    this.name = 'RuleFileError';
  }
}

function sentence(issue: v.BaseIssue<unknown>): string {
  const where = issuePath(issue.path);
  const msg = issue.message.replace(/\.$/, '');
  // Unknown keys at the top still name their place.
  const place = where || (msg.startsWith('unknown key') ? 'the file' : '');
  return place ? `${place}: ${msg}.` : `${msg}.`;
}

function toRule(r: RuleInput): TriageRule {
  const w = r.when;
  const sev = w.severity_at_most;
  const age = w.older_than ? DURATION.exec(w.older_than) : null;
  return {
    name: r.name,
    when: {
      severityAtMost: sev === undefined ? undefined : typeof sev === 'number' ? { score: sev, label: String(sev) } : { score: severityCeiling(sev as SeverityName), label: sev },
      tactics: w.tactic,
      techniques: w.technique,
      hostGroups: w.host_group,
      fileNames: w.file_name,
      sha256s: w.sha256?.map((s) => s.toLowerCase()),
      olderThan: age ? { ms: Number(age[1]) * UNIT_MS[age[2] as keyof typeof UNIT_MS], label: w.older_than as string } : undefined,
      statuses: w.status ?? [...OPEN_STATUSES],
    },
    close: r.close,
  };
}

/** Parses and validates a rule file's text; throws RuleFileError with every mistake, one sentence each. */
export function parseRules(source: string): TriageRule[] {
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    throw new RuleFileError(
      doc.errors.map((e) => {
        const what = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').replace(/\.?$/, '.');
        const pos = e.linePos?.[0];
        return pos ? `line ${pos.line}, column ${pos.col}: ${what}` : what;
      }),
    );
  }
  const parsed = v.safeParse(ruleFile, doc.toJS());
  if (!parsed.success) throw new RuleFileError(parsed.issues.map(sentence));
  const names = new Set<string>();
  const dupes: string[] = [];
  parsed.output.rules.forEach((r, i) => {
    if (names.has(r.name)) dupes.push(`rules[${i}].name: '${r.name}' is used by an earlier rule; give each rule its own name (the audit log records changes by rule name).`);
    names.add(r.name);
  });
  if (dupes.length) throw new RuleFileError(dupes);
  return parsed.output.rules.map(toRule);
}
