// Public surface of the simulator's FQL engine. Other simulator code imports
// from here only; the other modules are implementation details.

export { FqlError } from './errors.js';
export type { FieldSchema, FieldType } from './schema.js';
export { compileFilter } from './evaluate.js';
export type { FilterOptions } from './evaluate.js';
export { compileSort, sortOrder, sortRecords } from './sort.js';
export type { SortColumns, SortPresets } from './sort.js';
export { topOrder } from './topOrder.js';
export type { TopOrder } from './topOrder.js';
export { parseFql, MAX_PROPERTIES } from './parser.js';
export type { FqlNode, FqlOperator, FqlStatement, FqlValue } from './parser.js';
export { readPath, resolveField } from './schema.js';
export { parseTimeLiteral, toInstant, toNumber, toText } from './values.js';
