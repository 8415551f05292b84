// esbuild plugin: yoga-layout (Ink's layout engine) carries its WebAssembly as
// a base64 data: URL and, whenever a global fetch exists, reads it through
// fetch(). In Node that loads the built-in undici and its data: URL parser
// before the shell's first frame (~40 ms). The plugin makes yoga decode the
// same bytes itself, its own fallback path. If yoga's code changes shape the
// build fails, so the patch is never silently lost.
import { readFile } from 'node:fs/promises';

const FETCH_FIRST = 'function ya(){return w||"function"!=typeof fetch?';
const DECODE = 'function ya(){return true?';

export const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(FETCH_FIRST)) {
        throw new Error(`yoga-without-fetch: ${args.path} no longer has the expected wasm loader; review scripts/yogaWithoutFetch.mjs`);
      }
      return { contents: source.replace(FETCH_FIRST, DECODE), loader: 'js' };
    });
  },
};
