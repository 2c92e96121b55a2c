#!/usr/bin/env -S node --import tsx
// `hotpath-collector` (`npx @hotpath/collector`): the collector and the dashboard on loopback, both URLs printed,
// stopped cleanly by Ctrl-C or SIGTERM. Bad input is one line naming the flag and exit code 2, before anything starts.
import { CollectorError } from '../errors.ts';
import { exitCodes } from '../exit-codes.ts';
import { untilStopSignal } from '../lifecycle/stop-signals.ts';
import { locateDashboard } from './locate-dashboard.ts';
import { startViewer } from './start-viewer.ts';
import { parseViewerArgs, viewerHelpText } from './viewer-options.ts';

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseViewerArgs>;
  try {
    parsed = parseViewerArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!CollectorError.isInstance(error)) throw error;
    process.stderr.write(`hotpath-collector: ${error.message}\n`);
    return exitCodes.usage;
  }
  if (parsed.help) {
    process.stdout.write(viewerHelpText);
    return 0;
  }
  // Listening before anything starts: a stop asked during start-up still closes the database cleanly.
  const stopping = untilStopSignal();
  const viewer = await startViewer(parsed.options, () => locateDashboard().dir);
  const { collector, dashboard } = viewer;
  process.stdout.write(
    'Hotpath viewer\n' +
      (dashboard ? `  dashboard  ${dashboard.url}\n` : '') +
      `  collector  ${collector.url}  (OTLP/HTTP POST /v1/traces, query API /api/traces)\n` +
      (collector.grpcPort === null ? '' : `  OTLP/gRPC  ${collector.host}:${collector.grpcPort}\n`) +
      `  database   ${collector.dbPath}\n` +
      `Send spans with OTEL_EXPORTER_OTLP_ENDPOINT=${collector.url}. Ctrl-C stops.\n`,
  );
  const ended = await Promise.race([
    stopping.then((signal) => ({ signal })),
    ...(dashboard ? [dashboard.exited.then((code) => ({ dashboardExit: code }))] : []),
  ]);
  if ('signal' in ended) process.stdout.write(`${ended.signal}: stopping\n`);
  else process.stderr.write(`hotpath-collector: the dashboard server stopped (exit ${ended.dashboardExit}); stopping the collector\n`);
  await viewer.close();
  return 'signal' in ended ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = CollectorError.isInstance(error);
    process.stderr.write(`hotpath-collector: ${known ? error.message : ((error as Error).stack ?? String(error))}\n`);
    // The collector's codes (--help lists them): 2 for the command line, 10 for a port in use, 11–14 for storage.
    process.exit(known ? (error.exitCode ?? (error.code === 'bad_request' ? exitCodes.usage : 1)) : 1);
  },
);
