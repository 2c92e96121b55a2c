import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { readSseEvents } from './sse-events.ts';

async function events(pieces: string[]): Promise<string[]> {
  const seen: string[] = [];
  for await (const event of readSseEvents(Readable.from(pieces.map((piece) => Buffer.from(piece))))) seen.push(event.data);
  return seen;
}

describe('readSseEvents', () => {
  it('joins events split across chunks, CRLF lines, comments and multi-line data', async () => {
    assert.deepEqual(await events([': keep-alive\r\n\r\ndata: {"a"', ':1}\r\n\r\ndata: x\ndata: y\n\n', 'data: [DONE]\n\n']), [
      '{"a":1}',
      'x\ny',
      '[DONE]',
    ]);
  });

  it('decodes a multi-byte character split between chunks', async () => {
    const bytes = Buffer.from('data: café\n\n');
    const split = bytes.indexOf(0xc3) + 1;
    const seen: string[] = [];
    const body = Readable.from([bytes.subarray(0, split), bytes.subarray(split)]);
    for await (const event of readSseEvents(body)) seen.push(event.data);
    assert.deepEqual(seen, ['café']);
  });

  it('leaves the body open when the reader stops early, so the connection can be drained and kept', async () => {
    const body = Readable.from([Buffer.from('data: 1\n\ndata: 2\n\n'), Buffer.from('data: 3\n\n')]);
    for await (const event of readSseEvents(body)) if (event.data === '1') break;
    assert.equal(body.destroyed, false);
  });
});
