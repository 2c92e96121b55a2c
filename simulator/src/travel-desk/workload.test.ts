import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type LoopResult, runTurns } from '../chat-loop.test-support.ts';
import { type SimulatedServer, startSimulatedServer } from '../simulated-server.ts';
import { checkAnswer } from '../support-desk/check-answer.ts';
import { TRAVEL_DESK_BEHAVIOUR_FINGERPRINT } from './fingerprint.ts';
import { travelDeskPlaybook } from './playbook.ts';
import { TRAVEL_DESK_SYSTEM_PROMPT, type TravelDeskTask, travelDeskTasks } from './tasks.ts';
import { createTravelDeskTools } from './tools.ts';

const MAX_STEPS = 6;
const MODELS = ['sim-large', 'sim-small'] as const;

interface Trajectory {
  result: LoopResult;
  /** Every tool call of the run, in order: name and arguments. */
  calls: [string, Record<string, unknown>][];
}

function callsOf(result: LoopResult): [string, Record<string, unknown>][] {
  return result.messages.flatMap((message) =>
    ((message.tool_calls as { function: { name: string; arguments: string } }[] | undefined) ?? []).map(
      (call) => [call.function.name, JSON.parse(call.function.arguments) as Record<string, unknown>] as [string, Record<string, unknown>],
    ),
  );
}

// The held-out workload end to end over real HTTP: a plain fetch loop with every tool, forcing an answer with
// `tool_choice: 'none'` after 6 model calls in a turn. Each task runs once per model on a fresh tool set (the writes
// keep state); the assertions below read those runs.
describe('travel-desk workload on the simulated server', () => {
  let server: SimulatedServer;
  const runs = new Map<string, Trajectory>();
  const run = (task: TravelDeskTask, model: string): Trajectory => runs.get(`${task.id} ${model}`) as Trajectory;
  const task = (id: string): TravelDeskTask => travelDeskTasks.find((candidate) => candidate.id === id) as TravelDeskTask;

  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0, playbook: travelDeskPlaybook });
    for (const model of MODELS) {
      for (const each of travelDeskTasks) {
        const tools = createTravelDeskTools({ latencyScale: 0 });
        const result = await runTurns(each.turns, { baseURL: server.baseURL, model, tools, maxSteps: MAX_STEPS, systemPrompt: TRAVEL_DESK_SYSTEM_PROMPT });
        runs.set(`${each.id} ${model}`, { result, calls: callsOf(result) });
      }
    }
  });
  after(() => server.close());

  it('is answered correctly by the large model, which loops only where the task says', () => {
    for (const each of travelDeskTasks) {
      const { result } = run(each, 'sim-large');
      const check = checkAnswer(each, result.answer);
      assert.ok(check.correct, `${each.id} misses ${check.missing.join(', ')}:\n${result.answer}`);
      assert.equal(result.forced > 0, each.loops?.includes('strong') === true, `${each.id}: forced ${result.forced}`);
    }
  });

  it('defeats the small model on exactly the hard tasks, and loops it where the task says', () => {
    for (const each of travelDeskTasks) {
      const { result } = run(each, 'sim-small');
      assert.equal(checkAnswer(each, result.answer).correct, each.hard !== true, `${each.id}:\n${result.answer}`);
      assert.equal(result.forced > 0, each.loops?.includes('weak') === true, `${each.id}: forced ${result.forced}`);
    }
  });

  it('shows each weak failure in the trajectory, not only in the final answer', () => {
    const key = ([name, args]: [string, Record<string, unknown>]): string => `${name} ${JSON.stringify(args)}`;
    for (const each of travelDeskTasks.filter((candidate) => candidate.weakFailure !== undefined)) {
      const strong = run(each, 'sim-large').calls.map(key);
      const weak = run(each, 'sim-small').calls.map(key);
      switch (each.weakFailure) {
        case 'early-answer':
        case 'skipped-hop':
          assert.ok(weak.length < strong.length && weak.every((call) => strong.includes(call)), `${each.id}: the weak model stops short\n${weak.join('\n')}`);
          break;
        case 'wrong-argument':
          assert.ok(weak.some((call) => !strong.includes(call)), `${each.id}: a call the strong model never makes`);
          break;
        case 'endless-paging':
          assert.ok(weak.length > strong.length, `${each.id}: the weak model pages on`);
          break;
        default:
          assert.deepEqual(weak, strong, `${each.id}: same lookups, wrong conclusion`);
      }
    }
  });

  it('loops in several patterns: alternating calls, new arguments each step, and the same call again', () => {
    const toolArgs = (id: string, model: string) => run(task(id), model).calls;
    const polling = toolArgs('loop-delay-polling', 'sim-large').map(([, args]) => args.flightNumber);
    assert.deepEqual(polling, ['HC2071', 'HC2070', 'HC2071', 'HC2070', 'HC2071', 'HC2070'], 'A/B polling');
    const dates = toolArgs('loop-bali-first-seat', 'sim-large').map(([, args]) => args.date);
    assert.equal(new Set(dates).size, MAX_STEPS, 'a new date every step');
    const pages = toolArgs('loop-zurich-hotel', 'sim-small').map(([, args]) => args.page ?? 1);
    assert.deepEqual(pages, [1, 2, 3, 4, 5, 6], 'paging on');
    const queries = toolArgs('loop-policy-pets', 'sim-small').map(([, args]) => args.query);
    assert.equal(new Set(queries).size, MAX_STEPS, 'a reworded query every step');
    assert.equal(toolArgs('loop-policy-pets', 'sim-large').length, 3, 'the strong model rewords twice, then says the policy is silent');
    const retries = toolArgs('loop-seat-map-retry', 'sim-small').map(([name, args]) => `${name} ${JSON.stringify(args)}`);
    assert.equal(new Set(retries).size, 1, 'the very same call again');
    assert.equal(retries.length, MAX_STEPS);
    assert.equal(toolArgs('loop-seat-map-retry', 'sim-large').length, 2, 'the strong model retries once');
  });

  it('asks for independent lookups together and dependent ones step by step', () => {
    assert.deepEqual(run(task('lookup-priya-before-callback'), 'sim-large').result.toolCallBatches, [['get_traveller', 'list_trips', 'search_travel_policy']]);
    assert.deepEqual(run(task('chain-ana-tokyo-departure'), 'sim-large').result.toolCallBatches, [['find_traveller'], ['list_trips'], ['get_trip']]);
    assert.deepEqual(run(task('hard-change-fee-priya'), 'sim-large').result.toolCallBatches, [['get_trip'], ['get_fare_rules', 'get_traveller'], ['get_loyalty_account']]);
  });

  it('answers the last turn of each session from an early turn, without a tool call', () => {
    for (const each of travelDeskTasks.filter((candidate) => candidate.category === 'session' && candidate.hard !== true)) {
      const { result } = run(each, 'sim-large');
      const last = result.messages.findLastIndex((message) => message.role === 'user');
      assert.equal(result.messages.slice(last).filter((message) => message.role === 'tool').length, 0, each.id);
    }
  });

  it('behaves as frozen: the trajectories of both models match the committed behaviour fingerprint', () => {
    const trace = travelDeskTasks.flatMap((each) =>
      MODELS.map((model) => ({ task: each.id, model, calls: run(each, model).calls, forced: run(each, model).result.forced, answer: run(each, model).result.answer })),
    );
    const fingerprint = `sha256:${createHash('sha256').update(JSON.stringify(trace)).digest('hex')}`;
    // Frozen suite: a change here means the simulated model now behaves differently on held-out tasks (a brain,
    // playbook, server or reference-loop change). Update TRAVEL_DESK_BEHAVIOUR_FINGERPRINT only deliberately, in a
    // reviewed commit that says why, never to make a runner's figures look better.
    assert.equal(fingerprint, TRAVEL_DESK_BEHAVIOUR_FINGERPRINT);
  });
});
