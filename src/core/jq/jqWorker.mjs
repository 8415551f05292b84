// The jq worker: runs filters off the shell's main thread so a 10 MB answer
// never freezes the screen. Plain JavaScript because Node 20 runs worker files
// as they are (the build bundles it to dist/jq-worker.js). jq-wasm loads once,
// on the first job, and the worker is reused; it keeps the last input text so
// a second filter of the same response is not sent 10 MB again.
//
// in:  { id, filter, text? }   text: the response as JSON, when it changed
// out: { id, exitCode, stdout, stderr } or { id, error }
import { parentPort } from 'node:worker_threads';

let loading;
let input = 'null';

parentPort.on('message', async (job) => {
  try {
    if (typeof job.text === 'string') input = job.text;
    loading ??= import('jq-wasm/inline').then((m) => m.loadJq());
    const jq = await loading;
    const res = jq.raw(input, job.filter, ['-c']);
    parentPort.postMessage({ id: job.id, exitCode: res.exitCode, stdout: res.stdout, stderr: res.stderr });
  } catch (e) {
    parentPort.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
