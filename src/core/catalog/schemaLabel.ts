// Short type names for parameter lists and hints: `string`, `string[]`,
// `date-time`, `enum`, or a model's name.
import type { SchemaNode } from './types.js';

export function schemaLabel(schema: SchemaNode): string {
  switch (schema.kind) {
    case 'string':
      return schema.format ?? 'string';
    case 'enum':
      return schema.base;
    case 'array':
      return `${schemaLabel(schema.items)}[]`;
    case 'map':
      return `map<${schemaLabel(schema.values)}>`;
    case 'object':
      return 'object';
    case 'ref':
      return schema.name;
    default:
      return schema.kind;
  }
}
