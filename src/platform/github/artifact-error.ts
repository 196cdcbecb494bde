/**
 * Why an artifact (a zip written by someone else's workflow, so untrusted) was refused. `code` is
 * stable for callers that react to the kind (e.g. an expired artifact is a missing shard, not a
 * bug); the message tells the workflow's author what to change.
 */
export type ArtifactErrorCode = 'too-large' | 'too-many-files' | 'unsafe-path' | 'bomb' | 'corrupt' | 'expired';

export class ArtifactError extends Error {
  readonly code: ArtifactErrorCode;

  constructor(code: ArtifactErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ArtifactError';
    this.code = code;
  }
}
