import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { abortableDelay } from './abortable-delay.ts';

describe('abortable delay', () => {
  it('waits, and returns at once for zero or less', async () => {
    await abortableDelay(1);
    await abortableDelay(0);
    await abortableDelay(-5);
  });

  it("rejects with the signal's reason when aborted before or during the wait", async () => {
    await assert.rejects(abortableDelay(10, AbortSignal.abort(new Error('gone'))), /gone/);
    const controller = new AbortController();
    const pending = abortableDelay(60_000, controller.signal);
    controller.abort(new Error('client left'));
    await assert.rejects(pending, /client left/);
  });
});
