/**
 * Errors meant for users. The message's first line says what went wrong, where, and what to
 * do; any detail follows on later lines. `exitCode` is what the CLI exits with.
 */
export class DriftwoodError extends Error {
  readonly exitCode: number = 1;
}

/** Bad usage or a bad config: exit code 2. */
export class ConfigError extends DriftwoodError {
  override readonly exitCode = 2;
}

/** A problem in the migrations folder or with a revision name. */
export class RevisionError extends DriftwoodError {
  override readonly exitCode = 2;
}

/** A migration that failed while running; its transaction was rolled back. */
export class MigrationError extends DriftwoodError {}

/** Masks the password of any URL in `text`. */
export function maskPasswords(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/gi, "$1****@");
}
