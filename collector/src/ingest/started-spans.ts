// Start records: what the SDK sends while a span runs (docs/spans.md, "Spans in progress"), so a long model call or a
// hung tool shows up before it ends. They arrive as ordinary OTLP spans on their own path and are stored as open rows
// (`spans.open = 1`) that the finished span replaces; until then they count towards nothing a summary adds up.
import type { PreparedBatch } from './prepare-batch.ts';

/**
 * Marks every span of a prepared batch as a start record: no end yet (end = start, no duration), no status, and none
 * of the figures only an end carries (tokens, cost, cache outcome), whatever the sender put there.
 *
 * @example
 * const batch = markStarted(await decoder.prepare(body, 'protobuf'));
 * await queue.enqueue(batch);
 */
export function markStarted(batch: PreparedBatch): PreparedBatch {
  for (const group of batch.groups) {
    for (const row of group.rows) {
      row.open = 1;
      row.endTimeUnixNano = row.startTimeUnixNano;
      row.endMs = row.startMs;
      row.durationMs = 0;
      row.statusCode = 0;
      row.statusMessage = '';
      row.inputTokens = null;
      row.outputTokens = null;
      row.cachedInputTokens = null;
      row.cacheCreationInputTokens = null;
      row.costUsd = null;
      row.isModelCall = 0;
      row.cacheHit = null;
      row.savedMs = null;
      row.errorType = null;
    }
  }
  return batch;
}
