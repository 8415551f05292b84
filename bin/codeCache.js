// V8's code cache for talon's bundles, in a folder of the user's own.
// Node 22.1 and later cache compiled code themselves (module.enableCompileCache),
// but by default in a folder every user of the machine shares; bin/talon gives
// them codeCacheFolder() instead: code is read from it, so it is checked to be
// a real folder, the user's, that nobody else can write (0700).
// Node's cache holds only what compiles as a file loads (the top level), and
// Node 20 has none: requireWithCodeCache loads a CommonJS bundle through
// vm.Script with V8's cached data, written at exit, after the run, so it holds
// the functions the command compiled as it ran. On Node 22 a one-shot request
// took ~69 ms with Node's cache and ~58 ms with this one; on Node 20,
// compiling the bundle was ~8 ms of a ~50 ms call, a cached load ~1 ms.
// Keyed by the bundle's size and time and by Node's V8; V8
// rejects a cache that does not fit its source, and the bundle then compiles as
// usual and the cache is written again.
// NODE_COMPILE_CACHE names the parent folder instead of the OS temporary one
// (on Node 22 Node itself then caches there, as it documents);
// NODE_DISABLE_COMPILE_CACHE=1 turns both caches off.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

/** The cache folder (talon-v8-UID in `root`), created 0700; undefined when turned off or not safely the user's own. */
function codeCacheFolder(root = process.env.NODE_COMPILE_CACHE || require('node:os').tmpdir()) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE === '1') return undefined;
  const dir = path.join(root, `talon-v8-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    const own = typeof process.getuid !== 'function' || st.uid === process.getuid();
    return st.isDirectory() && own && (st.mode & 0o077) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** FNV-1a of the folder's path: short, and without loading node:crypto. */
function pathHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

/**
 * require(file) through a code cache in `dir` (a codeCacheFolder(); none: a
 * plain require). `use` names what the bundle runs this time (a command of a
 * bundle that serves several): each keeps a cache of its own, since a cache
 * holds what its first run compiled, and another command's would leave this
 * one's functions to compile on every call (~1.5 ms of a hash-search).
 */
function requireWithCodeCache(file, dir = codeCacheFolder(), use = '') {
  if (!dir) return require(file);
  const vm = require('node:vm');
  // The bundles are ASCII (esbuild escapes the rest; scripts/build.mjs checks): latin1 reads them as they
  // are, ~0.25 ms faster than decoding UTF-8 on each call.
  const source = fs.readFileSync(file, 'latin1');
  const st = fs.statSync(file);
  // One cache per bundle, installation and V8: installations (a global one, a project's) and
  // Node versions used in turn keep their own caches instead of replacing each other's.
  const prefix = `${path.basename(file)}-${use ? `${use}-` : ''}${pathHash(path.dirname(file))}-${process.versions.v8}-${process.arch}-`.replace(/[^\w.-]/g, '_');
  const cacheFile = path.join(dir, `${prefix}${st.size}-${Math.trunc(st.mtimeMs)}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // No loader for import() here: the bundles have none (scripts/build.mjs turns theirs into require and checks).
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', (code) => {
      // Only a run that succeeded: a first call that failed early (a typo, no
      // network) compiled little of what later calls run, and its cache would
      // stay. The next successful run writes it instead.
      if (code !== 0) return;
      // Written whole under a temporary name, then renamed: a run starting
      // meanwhile reads the old cache or none, never half of one.
      const temp = `${cacheFile}.${process.pid}`;
      try {
        fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temp, cacheFile);
        // Caches of earlier builds of this bundle are of no further use.
        for (const name of fs.readdirSync(dir)) {
          if (name.startsWith(prefix) && name.endsWith('.bin') && path.join(dir, name) !== cacheFile) fs.rmSync(path.join(dir, name), { force: true });
        }
      } catch {
        fs.rmSync(temp, { force: true });
      }
    });
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  Module._cache[file] = mod;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

module.exports = { codeCacheFolder, requireWithCodeCache };
