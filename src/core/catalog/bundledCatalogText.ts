// The bundled catalog's JSON text. Here it comes from the generated module;
// the build replaces this module with one reading dist/catalog/*.json
// (scripts/catalogText.mjs), which V8 parses faster than it compiles the
// same text as a string literal.
import { BUNDLED_CATALOG_JSON, BUNDLED_MODELS_JSON } from './data/bundledCatalog.js';

/** The catalog file without its models, as JSON text. */
export const catalogText = (): string => BUNDLED_CATALOG_JSON;

/** The catalog's response models, as JSON text. */
export const modelsText = (): string => BUNDLED_MODELS_JSON;
