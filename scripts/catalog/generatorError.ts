// The generator's one error type: the SDK's shape changed in a way it does not
// understand. It stops the run with this message rather than drop operations.
export class GeneratorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeneratorError';
  }
}
