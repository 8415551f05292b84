// Times a key press in a mounted ink-testing-library app: from writing the
// key to Ink writing the next frame (React renders input updates in a
// microtask, so the write is awaited). A key that changes nothing times out
// after a second and is reported as unchanged.
import { performance } from 'node:perf_hooks';

export function keyTimer(app) {
  let onFrame;
  const writeFrame = app.stdout.write;
  app.stdout.write = (f) => {
    writeFrame(f);
    onFrame?.(performance.now());
  };
  return async function step(key) {
    const written = new Promise((done) => {
      onFrame = done;
    });
    const timeout = setTimeout(() => onFrame?.(Number.NaN), 1000);
    const t = performance.now();
    app.stdin.write(key);
    const at = await written;
    clearTimeout(timeout);
    onFrame = undefined;
    return { elapsed: at - t, changed: !Number.isNaN(at) };
  };
}
