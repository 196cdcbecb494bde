/** The download cap on its own: an endless body is abandoned once it passes the cap, never buffered whole. */
import { describe, expect, it } from '@jest/globals';
import { readCapped } from '../../../src/platform/github/read-capped.js';
import { ArtifactError } from '../../../src/platform/github/artifact-error.js';

function endlessStream(counter: { pulled: number; cancelled: boolean }): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled++;
      controller.enqueue(new Uint8Array(1024).fill(7));
    },
    cancel() {
      counter.cancelled = true;
    },
  }, { highWaterMark: 1 });
}

describe('readCapped', () => {
  it('stops pulling an endless stream just past the cap and cancels it', async () => {
    const counter = { pulled: 0, cancelled: false };
    const error = await readCapped(endlessStream(counter), undefined, 10_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArtifactError);
    expect((error as ArtifactError).code).toBe('too-large');
    expect(counter.pulled).toBeLessThanOrEqual(12);
    expect(counter.cancelled).toBe(true);
  });

  it('refuses on content-length before pulling anything', async () => {
    const counter = { pulled: 0, cancelled: false };
    const error = await readCapped(endlessStream(counter), '5000000', 10_000).catch((e: unknown) => e);
    expect((error as ArtifactError).code).toBe('too-large');
    expect((error as Error).message).toContain('5000000 bytes');
    expect(counter.pulled).toBeLessThanOrEqual(1); // the stream's own first pull on creation, nothing read by us
  });

  it('joins a stream within the cap, and takes bytes or a buffer from other clients', async () => {
    const parts = [new Uint8Array([1, 2]), new Uint8Array([3]), new Uint8Array([4, 5, 6])];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of parts) controller.enqueue(p);
        controller.close();
      },
    });
    expect([...await readCapped(stream, '6', 6)]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...await readCapped(new Uint8Array([9, 9]), undefined, 6)]).toEqual([9, 9]);
    expect([...await readCapped(new Uint8Array([1, 2, 3]).buffer, undefined, 6)]).toEqual([1, 2, 3]);
    expect(((await readCapped(new Uint8Array(7), undefined, 6).catch((e: unknown) => e)) as ArtifactError).code).toBe('too-large');
  });
});
