// A JSON object: not null, not a list. OpenAPI documents, hand-written rule and
// report files, and history lines are all checked with this one predicate.
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
