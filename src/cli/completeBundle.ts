// The entry of the completion bundle (dist/complete/complete.cjs, see
// scripts/build.mjs): `talon __complete` runs once per Tab, so bin/talon
// requires this one CommonJS file directly, without the ES module loader or
// the main bundle's small chunks.
import { runComplete } from './complete.js';

export { runComplete };

/** bin/talon's entry for `talon __complete WORD... CURRENT`. */
export function main(): void {
  // No stream is made: the answer goes out in one write (complete.ts), which ends quietly on a closed pipe.
  runComplete(process.argv.slice(3), process.env).then((code) => {
    process.exitCode = code;
  });
}
