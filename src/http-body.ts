import type { IncomingMessage } from 'node:http';

/** The raw request body, or null once it grows past `limit` bytes (the rest is not read). */
export async function readBodyUpTo(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
