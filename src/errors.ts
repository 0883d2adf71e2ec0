/**
 * An error meant for people: the CLI prints it as one line after "cjm: ", with
 * no stack trace, and exits 2. Dependency-free, so the CLI can recognise it
 * without loading the modules that throw it.
 */
export class UserError extends Error {
  readonly userFacing = true;

  /** The one-line form; subclasses add a position, with paths relative to `cwd`. */
  describe(_cwd?: string): string {
    return this.message;
  }
}

export function isUserFacing(error: unknown): error is Error & { describe?: (cwd?: string) => string } {
  return error instanceof Error && (error as { userFacing?: boolean }).userFacing === true;
}
