// The one error type the FQL engine throws. Messages mimic the real API's
// 400 body ("Failed to parse filter expression. [<detail>]") so that route
// handlers can pass them straight through to the client.

export class FqlError extends Error {
  override name = 'FqlError';
  /** The bracketed part of the message, without the prefix. */
  readonly detail: string;

  constructor(message: string, detail?: string) {
    super(message);
    this.detail = detail ?? message;
  }
}

export function filterError(detail: string): FqlError {
  return new FqlError(`Failed to parse filter expression. [${detail}]`, detail);
}

export function sortError(detail: string): FqlError {
  return new FqlError(`Failed to parse sort expression. [${detail}]`, detail);
}
