// The one-shot commands end with process.exit once their output is written,
// not when Node's event loop runs dry: an exit by the loop first tears the
// whole heap down (~2 ms of a call on Node 22), and nothing these commands
// leave (an idle keep-alive socket, a cleared timer) has work to finish: their
// history, audit and token files are written synchronously as each step lands.
// process.exit drops output still queued for a slow pipe (Node writes pipes
// asynchronously on macOS; on Linux synchronously), so a stream holding any
// is flushed first: write('')'s callback runs once everything before it has
// reached the kernel. A stream holding none is not waited for (a turn of the
// event loop, ~0.3 ms).
export async function exitWhenWritten(code: number): Promise<never> {
  const queued = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
  await Promise.all(queued.map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
  process.exit(code);
}
