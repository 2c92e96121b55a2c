// Who may reach the collector. Bound to loopback (the default) only this machine can; bound to anything else, the
// network can, so each side needs its token or an explicit, named opt-out:
// - the query API (`/api/*`) serves every stored trace (prompts, tool arguments, whatever spans carry): without
//   HOTPATH_QUERY_TOKEN the collector refuses to start unless told `--insecure-open-query`;
// - ingest (`/v1/traces`, gRPC) lets anyone write spans, fill the disk and forge traces the dashboard shows: without
//   HOTPATH_INGEST_TOKEN it refuses unless told `--insecure-open-ingest` (e.g. behind a proxy that authenticates).
import { isIP } from 'node:net';
import { CollectorError } from '../errors.ts';
import { exitCodes } from '../exit-codes.ts';

export interface ExposureOptions {
  host: string;
  queryToken?: string;
  ingestToken?: string;
  insecureOpenQuery?: boolean;
  insecureOpenIngest?: boolean;
}

/**
 * Whether an address only this machine reaches: 127.0.0.0/8, ::1 (also IPv4-mapped), `localhost`. A host name
 * other than localhost counts as exposed: it may resolve to any interface.
 *
 * @example
 * isLoopback('127.0.0.1'); // true
 * isLoopback('0.0.0.0');   // false: every interface
 */
export function isLoopback(host: string): boolean {
  const address = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (address === 'localhost' || address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/**
 * Throws when the collector would serve a side to the network without its token and without the opt-out.
 *
 * @throws CollectorError `bad_request` with exit code 2, saying what is exposed and the two ways to fix it.
 * @example
 * checkExposure({ host: '0.0.0.0', queryToken: process.env.HOTPATH_QUERY_TOKEN, ingestToken: '…' });
 */
export function checkExposure(options: ExposureOptions): void {
  if (isLoopback(options.host)) return;
  const problems: string[] = [];
  if (options.queryToken === undefined && !options.insecureOpenQuery) {
    problems.push(
      'the query API would serve every trace (prompts, tool arguments, everything spans carry) to anyone who can reach it: ' +
        'set HOTPATH_QUERY_TOKEN (--query-token) and give the dashboard the same HOTPATH_QUERY_TOKEN, ' +
        'or pass --insecure-open-query (HOTPATH_INSECURE_OPEN_QUERY=1) if something in front of it already authenticates',
    );
  }
  if (options.ingestToken === undefined && !options.insecureOpenIngest) {
    problems.push(
      'anyone who can reach it could write spans (forged traces, a full disk): ' +
        'set HOTPATH_INGEST_TOKEN (--ingest-token) and the same bearer token in your exporters (OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer …"), ' +
        'or pass --insecure-open-ingest (HOTPATH_INSECURE_OPEN_INGEST=1)',
    );
  }
  if (problems.length === 0) return;
  throw new CollectorError(
    'bad_request',
    `refusing to listen on ${options.host}, an address other machines can reach:\n  - ${problems.join('\n  - ')}\n` +
      'Listen on 127.0.0.1 (the default) to keep it on this machine.',
    { exitCode: exitCodes.usage },
  );
}
