import { build } from 'esbuild';
const r = await build({ entryPoints: process.argv.slice(2), outdir: '/tmp/probeout', bundle: true, splitting: false, format: 'esm', platform: 'node', target: 'node20', minifySyntax: true, metafile: true, write: false, mainFields: ['module','main'], external: ['react-devtools-core','@napi-rs/keyring'], define: {'process.env.NODE_ENV':'"production"', __TALON_VERSION__: '"0.1.0"'}, logLevel: 'error' });
for (const [out, o] of Object.entries(r.metafile.outputs)) {
  if (out.endsWith('.map')) continue;
  console.log(out, o.bytes);
  const ins = Object.entries(o.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,15);
  for (const [f, i] of ins) console.log('  ', i.bytesInOutput, f);
}
