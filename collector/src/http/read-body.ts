// Reads a request body under a size limit, then undoes its Content-Encoding (gzip or deflate) under the same
// limit, so neither a large upload nor a small zip bomb can take memory beyond `maxBytes`.
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gunzip, inflate } from 'node:zlib';
import { CollectorError } from '../errors.ts';

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

/**
 * The decoded body bytes.
 *
 * @throws CollectorError `payload_too_large` (413), `unsupported_media_type` (415) for an unknown encoding,
 *   `bad_request` (400) for a corrupt gzip stream.
 * @example
 * const body = await readBody(request, 8 * 1024 * 1024);
 */
export async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip' && encoding !== 'deflate') {
    throw new CollectorError('unsupported_media_type', `unsupported Content-Encoding ${JSON.stringify(encoding)}: use gzip or none`);
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    if (CollectorError.isInstance(error)) throw error;
    throw new CollectorError('bad_request', `the request body was cut off: ${(error as Error).message}`, { cause: error });
  }
  const raw = Buffer.concat(chunks, size);
  if (encoding === 'identity') return raw;
  try {
    return await (encoding === 'gzip' ? gunzipAsync : inflateAsync)(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
    throw new CollectorError('bad_request', `malformed ${encoding} body: ${(error as Error).message}`, { cause: error });
  }
}

function tooLarge(maxBytes: number): CollectorError {
  return new CollectorError('payload_too_large', `request body exceeds the limit of ${maxBytes} bytes (decoded)`);
}
