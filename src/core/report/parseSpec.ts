// Reads a report spec from YAML or JSON text (JSON is YAML, so one parser
// serves both) and turns every mistake into one sentence naming its line and
// its place in the file.
import { LineCounter, parseDocument, isNode } from 'yaml';
import { UserError } from '../errors.js';
import { pathText, validateSpec, type ReportSpec } from './spec.js';

/** The 1-based line of the value at `path`, or of its nearest ancestor present in the file. */
function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** The spec in `text`, or a UserError listing each mistake (`name` is how the file is called in messages). */
export function parseSpecText(text: string, name: string): ReportSpec {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const details = doc.errors.map((e) => `line ${counter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
    throw new UserError(`${name} is not valid YAML or JSON; fix the line${details.length > 1 ? 's' : ''} below.`, 2, details);
  }
  const result = validateSpec(doc.toJS({ maxAliasCount: 100 }));
  if (result.ok) return result.spec;
  const details = result.problems.map((p) => {
    const line = lineOf(doc, counter, p.path);
    return `${line === undefined ? '' : `line ${line}, `}${pathText(p.path)} ${p.message}.`;
  });
  const n = details.length;
  throw new UserError(`${name} is not a valid report spec: ${n} mistake${n === 1 ? '' : 's'} to fix.`, 2, details);
}
