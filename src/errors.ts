// Errors that are the user's doing. main.ts prints their message on one line
// and exits with their code; anything else is a bug and keeps its stack.

/** A mistake in how postview was called (bad option value, unknown command): exit 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** A post or folder that cannot be read as expected: exit 2. Message starts with the path. */
export class InputError extends Error {
  readonly exitCode = 2;
}

/** Nothing matched a query: exit 1. */
export class NoMatchError extends Error {
  readonly exitCode = 1;
}

export type UserError = UsageError | InputError | NoMatchError;

export function isUserError(error: unknown): error is UserError {
  return error instanceof UsageError || error instanceof InputError || error instanceof NoMatchError;
}
