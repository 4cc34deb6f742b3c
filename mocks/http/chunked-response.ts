/**
 * A reply whose body arrives in chunks, as over a network, made only as the reader pulls it:
 * tests and benches see how much of a body a client read before it stopped.
 */
export interface ChunkedBody {
  readonly response: Response;
  /** Bytes handed to the reader so far, and whether it cancelled the body. */
  readonly seen: { bytesPulled: number; cancelled: boolean };
}

export function chunkedResponse(bytes: Uint8Array, init: ResponseInit, chunkSize = 64 * 1024): ChunkedBody {
  const seen = { bytesPulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.bytesPulled >= bytes.byteLength) {
          controller.close();
          return;
        }
        const chunk = bytes.slice(seen.bytesPulled, seen.bytesPulled + chunkSize);
        seen.bytesPulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    // Nothing is made ahead of the reader.
    { highWaterMark: 0 },
  );
  return { response: new Response(body, init), seen };
}
