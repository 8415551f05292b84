// The entry of the completion bundle (dist/complete, see scripts/build.mjs):
// `talon __complete` runs once per Tab, so what it needs sits in a few files
// instead of among the main bundle's small chunks.
export { runComplete } from './complete.js';
