// esbuild plugin: small, checked edits to bundled dependencies for the
// shell's speed. Each edit names the exact text it replaces; if a dependency
// update changes that text the build fails, so a patch is never lost in silence.
import { readFile } from 'node:fs/promises';
import stringWidth from 'string-width';

// Characters talon draws that string-width counts one column each (checked below against string-width itself):
// § · – — … ‹ › ← ↑ → ↓ ⏎ ▶ ▸ ◂, box drawing and block elements (U+2500-U+259F).
const ONE_COLUMN = '\\u00A7\\u00B7\\u2013\\u2014\\u2026\\u2039\\u203A\\u2190-\\u2193\\u23CE\\u25B6\\u25B8\\u25C2\\u2500-\\u259F';
const ONE_COLUMN_CHARS = [...'\u00A7\u00B7\u2013\u2014\u2026\u2039\u203A\u2190\u2191\u2192\u2193\u23CE\u25B6\u25B8\u25C2'].concat(
  Array.from({ length: 0x25a0 - 0x2500 }, (_, i) => String.fromCodePoint(0x2500 + i)),
);

const PATCHES = [
  {
    // env-paths imports node:path, node:os and node:process by default import,
    // which a bundler must copy property by property (process has ~100) when
    // the module loads: ~80 KB of garbage in every call that finds talon's
    // folders, about a third of what pushes a one-shot call into a garbage
    // collection. The same modules, required as they are.
    file: /env-paths[\\/]index\.js$/,
    edits: [["import path from 'node:path';\nimport os from 'node:os';\nimport process from 'node:process';\n", "const path = require('node:path');\nconst os = require('node:os');\n"]],
  },
  {
    // commander requires node:child_process at load for executable
    // subcommands, which talon has none of: on every one-shot call that loaded
    // child_process, dgram and their bindings (~4 ms on Node 22). Required on
    // first use instead (only _executeSubCommand spawns).
    file: /commander[\\/]lib[\\/]command\.js$/,
    edits: [
      [
        "const childProcess = require('node:child_process');",
        "let talonChildProcess;\nconst childProcess = { spawn: (...args) => (talonChildProcess ??= require('node:child_process')).spawn(...args) };",
      ],
    ],
  },
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
    // Ink throttles frames with es-toolkit's throttle, a debounce whose 33 ms
    // wait starts again at every call: a key whose frame is asked for within
    // 33 ms of the last request waits a full 33 ms from its own (a fast
    // typist's keys, a held PgDn). A frame throttle instead: draw at once when
    // the last frame is at least 33 ms old, else once, when it will be, with
    // the state as it is then. flush and cancel keep Ink's unmount as it was.
    file: /ink[\\/]build[\\/]ink\.js$/,
    edits: [
      [
        `            const throttled = throttle(this.onRender, renderThrottleMs, {
                leading: true,
                trailing: true,
            });`,
        '            const throttled = talonFrameThrottle(this.onRender, renderThrottleMs);',
      ],
    ],
    append: `
function talonFrameThrottle(draw, ms) {
    let last = -Infinity;
    let timer;
    const run = () => {
        timer = undefined;
        last = performance.now();
        draw();
    };
    const throttled = () => {
        if (timer !== undefined) return;
        const wait = last + ms - performance.now();
        if (wait <= 0) run();
        else timer = setTimeout(run, wait);
    };
    throttled.flush = () => {
        if (timer === undefined) return;
        clearTimeout(timer);
        run();
    };
    throttled.cancel = () => {
        clearTimeout(timer);
        timer = undefined;
    };
    return throttled;
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
  {
    // string-width measures any text that is not plain ASCII grapheme by
    // grapheme (Intl.Segmenter, emoji regular expressions): the shell's rules,
    // arrows and dots made that most of Ink's layout time per keystroke. Text
    // of ASCII and those one-column characters is as wide as it is long.
    file: /node_modules[\\/]string-width[\\/]index\.js$/,
    // wrap-ansi carries an older string-width of its own: left as it is.
    only: (path) => !/wrap-ansi/.test(path),
    check() {
      const wide = ONE_COLUMN_CHARS.filter((c) => stringWidth(c) !== 1);
      if (wide.length > 0) throw new Error(`dependency-patches: string-width no longer counts ${wide.join(' ')} as one column; review scripts/dependencyPatches.mjs`);
    },
    edits: [
      [
        '\tif (/^[\\u0020-\\u007E]*$/.test(string)) {\n\t\treturn string.length;\n\t}\n',
        `\tif (/^[\\u0020-\\u007E]*$/.test(string)) {\n\t\treturn string.length;\n\t}\n\tif (ambiguousIsNarrow && /^[\\u0020-\\u007E${ONE_COLUMN}]*$/.test(string)) {\n\t\treturn string.length;\n\t}\n`,
      ],
    ],
  },
];

/**
 * Packages whose modules do nothing at load but define what they export, so a
 * bundle keeps only the modules it uses. jsonc-parser's index imports its
 * formatter, whose string caches (~280 KB of strings built at load) talon
 * never uses: one more garbage collection in every one-shot call. The build
 * checks that the one-shot bundles do not hold it.
 */
const PURE_PACKAGES = /[\\/]node_modules[\\/]jsonc-parser[\\/]/;

export const dependencyPatches = {
  name: 'dependency-patches',
  setup(build) {
    build.onResolve({ filter: /./ }, async (args) => {
      if (args.pluginData?.talonPure || !(PURE_PACKAGES.test(args.importer) || args.path === 'jsonc-parser')) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { talonPure: true } });
      return PURE_PACKAGES.test(resolved.path) ? { ...resolved, sideEffects: false } : resolved;
    });
    for (const patch of PATCHES) {
      build.onLoad({ filter: patch.file }, async (args) => {
        if (patch.only && !patch.only(args.path)) return undefined;
        patch.check?.();
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
