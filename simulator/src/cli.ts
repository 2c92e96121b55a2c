// Runs the simulated model server on its own:
//   hotpath-simulator [--port 8787] [--host 127.0.0.1] [--latency-scale 1] [--connection-setup-ms 100]
// then point any OpenAI client at the printed base URL (models: sim-large, sim-small).
import { parseArgs } from 'node:util';
import { startSimulatedServer } from './simulated-server.ts';

const USAGE = 'usage: hotpath-simulator [--port N] [--host ADDRESS] [--latency-scale X] [--connection-setup-ms N]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) fail(`--${name} must be a number ≥ 0, got '${value}'`);
  return parsed;
}

function readOptions() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        'latency-scale': { type: 'string' },
        'connection-setup-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

const options = readOptions();
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const server = await startSimulatedServer({
  port: numberOption(options.port, 'port'),
  host: options.host,
  latencyScale: numberOption(options['latency-scale'], 'latency-scale'),
  connectionSetupMs: numberOption(options['connection-setup-ms'], 'connection-setup-ms'),
});
console.log(`simulated model server on ${server.baseURL} (models: sim-large, sim-small); Ctrl-C to stop`);

const stop = async (): Promise<void> => {
  await server.close();
  const { requests, connectionsOpened, byModel } = server.stats();
  console.log(`served ${requests} requests over ${connectionsOpened} connections: ${JSON.stringify(byModel)}`);
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
