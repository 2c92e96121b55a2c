#!/usr/bin/env -S node --import tsx
// `hotpath-collector`: starts the collector from flags and env vars (see --help) and stops it cleanly on
// SIGINT/SIGTERM/SIGHUP or when its parent process goes, writing what is queued before the database closes.
import { parseCollectorArgs, helpText } from './cli-options.ts';
import { CollectorError } from './errors.ts';
import { exitCodes } from './exit-codes.ts';
import { untilStopSignal } from './lifecycle/stop-signals.ts';
import { startCollector } from './start-collector.ts';

async function main(): Promise<void> {
  const parsed = parseCollectorArgs(process.argv.slice(2), process.env);
  if (parsed.help) {
    process.stdout.write(helpText);
    return;
  }
  // Listening before anything starts: a stop asked during start-up still closes the database cleanly.
  const stopping = untilStopSignal();
  const collector = await startCollector(parsed.options);
  process.stdout.write(
    `hotpath collector listening on ${collector.url}\n` +
      `  OTLP/HTTP  POST ${collector.url}/v1/traces\n` +
      (collector.grpcPort === null ? '' : `  OTLP/gRPC  ${collector.host}:${collector.grpcPort}\n`) +
      `  query API  ${collector.url}/api/traces\n` +
      `  database   ${collector.dbPath}\n`,
  );
  const reason = await stopping;
  process.stdout.write(`${reason}: stopping\n`);
  try {
    await collector.close();
  } catch (error) {
    process.stderr.write(`error while stopping: ${(error as Error).message}\n`);
    process.exit(1);
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  const known = CollectorError.isInstance(error);
  const message = known ? error.message : (error as Error).stack ?? String(error);
  process.stderr.write(`hotpath-collector: ${message}\n`);
  // A distinct code per cause (--help lists them): 2 for what the command line must fix, storage causes 11–14.
  process.exit(known ? (error.exitCode ?? (error.code === 'bad_request' ? exitCodes.usage : 1)) : 1);
});
