import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpanStatusCode, type Attributes, type HrTime } from '@opentelemetry/api';
import { formatSpanTree, type FinishedSpan } from './format-span-tree.ts';

const at = (ms: number): HrTime => [Math.floor(ms / 1000), (ms % 1000) * 1e6];
function span(id: string, parent: string | undefined, name: string, start: number, end: number, attributes: Attributes = {}, error = false): FinishedSpan {
  return {
    name,
    spanContext: () => ({ spanId: id }),
    parentSpanContext: parent ? { spanId: parent } : undefined,
    startTime: at(start),
    endTime: at(end),
    attributes,
    status: { code: error ? SpanStatusCode.ERROR : SpanStatusCode.UNSET },
  };
}

describe('formatSpanTree', () => {
  it('draws the tree in start order with durations, time bars and key facts', () => {
    const text = formatSpanTree(
      [
        span('t2', 'run', 'execute_tool get_shipment', 1040, 1080, { 'hotpath.tool.eager': true }),
        span('c2', 'run', 'chat sim-small', 1080, 1100, { 'gen_ai.operation.name': 'chat', 'gen_ai.usage.input_tokens': 900, 'gen_ai.usage.cache_read.input_tokens': 800, 'gen_ai.usage.output_tokens': 12 }),
        span('t1', 'run', 'execute_tool get_order', 1030, 1060, { 'hotpath.cache.hit': 'hit', 'error.type': 'timeout' }, true),
        span('c1', 'run', 'chat sim-large', 1000, 1050, { 'gen_ai.operation.name': 'chat', 'gen_ai.usage.input_tokens': 500, 'gen_ai.usage.output_tokens': 30, 'hotpath.time_to_first_chunk_ms': 20, 'hotpath.connection': 'new' }),
        span('run', undefined, 'invoke_agent support', 1000, 1100),
      ],
      { barWidth: 10 },
    );
    assert.equal(
      text,
      [
        'invoke_agent support            100.0 ms  ██████████',
        '├─ chat sim-large                50.0 ms  █████       500 in / 30 out, first chunk 20 ms, new connection',
        '├─ execute_tool get_order        30.0 ms     ███      cache hit, error timeout',
        '├─ execute_tool get_shipment     40.0 ms      ████    eager',
        '└─ chat sim-small                20.0 ms          ██  900 in (800 cached) / 12 out',
      ].join('\n'),
    );
  });

  it('nests deeper levels and treats spans whose parent is missing as roots', () => {
    const text = formatSpanTree(
      [
        span('a', undefined, 'invoke_agent lead', 0, 100),
        span('b', 'a', 'execute_tool researcher', 10, 90),
        span('c', 'b', 'invoke_agent researcher', 11, 89),
        span('d', 'c', 'chat sim-small', 12, 80),
        span('e', 'a', 'chat sim-large', 91, 99),
        span('x', 'gone', 'chat orphan', 200, 210),
      ],
      { barWidth: 0 },
    );
    assert.deepEqual(
      text.split('\n').map((line) => line.replace(/\s+[\d.]+ ms.*$/, '')),
      ['invoke_agent lead', '├─ execute_tool researcher', '│  └─ invoke_agent researcher', '│     └─ chat sim-small', '└─ chat sim-large', 'chat orphan'],
    );
  });
});
