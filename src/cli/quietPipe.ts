// A reader that goes away (`talon request --all | head -1`) is a normal end
// for a command that streams: stop quietly with exit 0, as curl and jq do.
// Audit and history are written ahead of and as each step lands, so nothing
// is left unrecorded.
export function endQuietlyWhenPipeCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
}
