import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { timeBreakdown } from './time-breakdown.ts';

const span = (name: string, operation: string | null, startTime: number, endTime: number, cacheHit: 'hit' | 'miss' | null = null) => ({
  name,
  operation,
  cacheHit,
  startTime,
  endTime,
});

describe('timeBreakdown', () => {
  it('gives each instant to one kind of work, so the parts add up to the trace', () => {
    const spans = [
      span('invoke_agent a', 'invoke_agent', 0, 1000),
      span('chat m', 'chat', 10, 400),
      span('execute_tool eager', 'execute_tool', 300, 450), // overlaps the model call: only 400–450 is tools-only
      span('execute_tool x', 'execute_tool', 420, 600), // parallel with the eager tool: counted once
      span('route check', null, 600, 650),
      span('chat m', 'chat', 650, 990),
    ];
    const parts = timeBreakdown(spans, 0, 1000);
    assert.deepEqual(parts, { modelMs: 390 + 340, toolsOnlyMs: 200, routingMs: 50, otherMs: 10 + 10 });
    assert.equal(parts.modelMs + parts.toolsOnlyMs + parts.routingMs + parts.otherMs, 1000);
  });

  it('counts cache hits as tool time, a sub-agent model call inside a tool as model time, and other spans as nothing', () => {
    const spans = [
      span('execute_tool delegate', 'execute_tool', 0, 100),
      span('chat small', 'chat', 20, 80),
      span('execute_tool lookup', 'execute_tool', 100, 102, 'hit'),
      span('GET /orders', null, 110, 150),
    ];
    assert.deepEqual(timeBreakdown(spans, 0, 150), { modelMs: 60, toolsOnlyMs: 42, routingMs: 0, otherMs: 48 });
  });

  it('clips spans to the trace window and ignores empty or inverted ones', () => {
    const spans = [span('chat m', 'chat', -50, 30), span('chat m', 'chat', 90, 200), span('chat m', 'chat', 40, 40), span('chat m', 'chat', 60, 50)];
    assert.deepEqual(timeBreakdown(spans, 0, 100), { modelMs: 40, toolsOnlyMs: 0, routingMs: 0, otherMs: 60 });
    assert.deepEqual(timeBreakdown([], 5, 5), { modelMs: 0, toolsOnlyMs: 0, routingMs: 0, otherMs: 0 });
  });
});
