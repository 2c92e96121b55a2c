// A process for stop-signal.test.ts: @openai/agents' tracing listening for signals (as in the demo, which loads it
// through the benchmark's executors), then a stop that takes a while, as closing servers does.
import { getGlobalTraceProvider } from '@openai/agents';
import { untilStopSignal } from '@hotpath/collector/lifecycle';

getGlobalTraceProvider();
const serving = setInterval(() => {}, 60_000); // what the demo's servers do: keep the process alive
process.stdout.write('serving\n');
const signal = await untilStopSignal();
clearInterval(serving);
process.stdout.write(`stopping on ${signal}\n`);
await new Promise((resolve) => setTimeout(resolve, Number(process.env.STOP_MS ?? 300)));
process.stdout.write('stopped cleanly\n');
