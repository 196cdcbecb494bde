/**
 * A mistake the person running Steward can fix (a missing repository, a ref that does not exist,
 * a bad option). The CLI prints the message without a stack and exits 2.
 */
export class UsageError extends Error {
  readonly code = 'STEWARD_USAGE';

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** True for a UsageError, also across module copies (instanceof fails there). */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError || (error instanceof Error && (error as { code?: unknown }).code === 'STEWARD_USAGE');
}
