// esbuild plugin: small, checked edits to bundled dependencies for the
// shell's speed. Each edit names the exact text it replaces; if a dependency
// update changes that text the build fails, so a patch is never lost in silence.
import { readFile } from 'node:fs/promises';

const PATCHES = [
  {
    // yoga-layout (Ink's layout engine) carries its WebAssembly as a base64
    // data: URL and reads it through fetch() whenever a global fetch exists. In
    // Node that loads the built-in undici and its data: URL parser before the
    // shell's first frame (~40 ms). Decode the same bytes in place instead:
    // yoga's own path when there is no fetch.
    file: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    edits: [['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return true?']],
  },
  {
    // Ink turns every line of every frame into styled characters (ANSI
    // tokenizing) and measures every character, with caches thrown away after
    // each frame; on a full screen that is most of a keystroke's cost. Keep
    // the caches across frames, so only changed lines are tokenized, and start
    // them afresh when they grow large (scrolling a long response). The cached
    // character arrays are only read, never changed, by Ink. A thousand lines
    // (some 20 screens) bound the memory: a long line is ~100 small objects.
    file: /ink[\\/]build[\\/]output\.js$/,
    edits: [
      ['    caches = new OutputCaches();\n', '    caches = talonSharedCaches();\n'],
      // Blank cells: one shared (read-only) object, so an unchanged row is the same objects frame after frame.
      [
        `                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
        '                row.push(TALON_BLANK);',
      ],
      // A line that fits its clipping box whole needs no slicing (slice-ansi segments every character).
      [
        '                            return sliceAnsi(line, from, to);',
        '                            return from === 0 && to === width ? line : sliceAnsi(line, from, to);',
      ],
      // A row made of the very cells of the last frame's row at that height is the same text: reuse it.
      [
        `            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })`,
        `            .map((line, y) => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            const previous = TALON_ROWS[y];
            if (previous !== undefined && previous.items.length === lineWithoutEmptyItems.length && previous.items.every((item, i) => item === lineWithoutEmptyItems[i])) {
                return previous.text;
            }
            const text = styledCharsToString(lineWithoutEmptyItems).trimEnd();
            TALON_ROWS[y] = { items: lineWithoutEmptyItems, text };
            return text;
        })`,
      ],
    ],
    append: `
const TALON_BLANK = { type: 'char', value: ' ', fullWidth: false, styles: [] };
const TALON_ROWS = [];
let talonCaches;
function talonSharedCaches() {
    if (talonCaches === undefined || talonCaches.styledChars.size > 1000 || talonCaches.widths.size > 5000 || talonCaches.blockWidths.size > 2000) {
        talonCaches = new OutputCaches();
    }
    return talonCaches;
}
`,
  },
  {
    // Each frame Ink measures every text's widest line again (string-width
    // segments any non-ASCII text: │, ›, ·). Layout has just measured the same
    // text through measure-text's cache: ask that cache.
    file: /ink[\\/]build[\\/]render-node-to-output\.js$/,
    edits: [
      ["import widestLine from 'widest-line';\n", "import measureText from './measure-text.js';\n"],
      ['                const currentWidth = widestLine(text);', '                const currentWidth = measureText(text).width;'],
    ],
  },
];

export const dependencyPatches = {
  name: 'dependency-patches',
  setup(build) {
    for (const patch of PATCHES) {
      build.onLoad({ filter: patch.file }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        for (const [from, to] of patch.edits) {
          if (source.split(from).length !== 2) {
            throw new Error(`dependency-patches: ${args.path} no longer has the text a patch replaces; review scripts/dependencyPatches.mjs`);
          }
          source = source.replace(from, () => to);
        }
        return { contents: source + (patch.append ?? ''), loader: 'js' };
      });
    }
  },
};
