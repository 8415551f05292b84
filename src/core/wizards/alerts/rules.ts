// Triage rule files (YAML or JSON): which alerts to close, with what comment
// and tag. Validated with one sentence per mistake, naming its place in the
// file (rules[2].when.severity_at_most), so a rule never runs half-understood.
import { parseDocument } from 'yaml';
// zod's mini build, as everywhere in talon: the full build's locales cost
// every one-shot command that shares its chunk ~100 ms (README, Development).
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { SEVERITY_BANDS, severityCeiling, type AlertStatus, type SeverityName } from './alertRecord.js';

const SEVERITY_NAMES = SEVERITY_BANDS.map((b) => b.name);
const OPEN_STATUSES = ['new', 'in_progress', 'reopened'] as const;
const DURATION = /^(\d+)\s*(m|h|d|w)$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** One value or a non-empty list of them; `what` says what one value is ("a tactic name or id"). */
z.config(en());

const oneOrMany = <T extends string>(item: z.ZodMiniType<T>, what: string) =>
  z.pipe(
    z.union([item, z.array(item).check(z.minLength(1, { error: `must list at least one value, or be left out` }))], { error: `must be ${what}, or a list of them` }),
    z.transform((v: T | T[]): T[] => (Array.isArray(v) ? v : [v])),
  );

const text = (what: string) => z.string({ error: `must be ${what}` }).check(z.trim(), z.minLength(1, { error: `must be ${what}, not empty` }));

const conditions = z.partial(z.strictObject(
  {
    severity_at_most: z.union([z.enum(SEVERITY_NAMES), z.int().check(z.minimum(1), z.maximum(100))], {
      error: `must be a severity name (${SEVERITY_NAMES.join(', ')}) or a whole number from 1 to 100`,
    }),
    tactic: oneOrMany(text('a tactic'), 'a tactic name or id (e.g. Defense Evasion or TA0005)'),
    technique: oneOrMany(text('a technique'), 'a technique name or id (e.g. PowerShell or T1059.001)'),
    host_group: oneOrMany(text('a host group'), 'a host group name or id'),
    file_name: oneOrMany(text('a file name'), 'a file name (* matches any characters)'),
    sha256: oneOrMany(z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, { error: 'must be a sha256 (64 hexadecimal characters)' })), 'a sha256 (64 hexadecimal characters)'),
    older_than: z.string({ error: 'must be an age such as 30m, 12h, 7d or 2w' }).check(z.regex(DURATION, { error: 'must be an age such as 30m, 12h, 7d or 2w' })),
    status: oneOrMany(z.enum(OPEN_STATUSES), `a status: ${OPEN_STATUSES.join(', ')} (closed alerts are never matched)`),
  },
  { error: 'must be a mapping of conditions' },
));

const rule = z.strictObject(
  {
    name: text('a name for the rule'),
    when: conditions.check(z.refine((c) => Object.keys(c).length > 0, { error: 'give at least one condition; a rule without conditions would close every open alert' })),
    close: z.strictObject(
      { comment: text('the comment added to each alert it closes'), tag: text('the tag added to each alert it closes') },
      { error: 'must say how to close: comment and tag' },
    ),
  },
  { error: 'must be a rule with name, when and close' },
);

const ruleFile = z.strictObject(
  { rules: z.array(rule, { error: 'must be a list of rules' }).check(z.minLength(1, { error: 'give at least one rule' })) },
  { error: 'The file must be a mapping with a "rules" list' },
);

type RuleInput = z.output<typeof rule>;

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

function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

function sentence(issue: z.core.$ZodIssue): string {
  const where = pathOf(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `'${k}'`).join(', ');
    return `${where || 'the file'}: unknown key${issue.keys.length === 1 ? '' : 's'} ${keys}; check the spelling against the rule format in the README.`;
  }
  const msg = issue.message.replace(/\.$/, '');
  return where ? `${where}: ${msg}.` : `${msg}.`;
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
  const parsed = ruleFile.safeParse(doc.toJS());
  if (!parsed.success) throw new RuleFileError(parsed.error.issues.map(sentence));
  const names = new Set<string>();
  const dupes: string[] = [];
  parsed.data.rules.forEach((r, i) => {
    if (names.has(r.name)) dupes.push(`rules[${i}].name: '${r.name}' is used by an earlier rule; give each rule its own name (the audit log records changes by rule name).`);
    names.add(r.name);
  });
  if (dupes.length) throw new RuleFileError(dupes);
  return parsed.data.rules.map(toRule);
}
