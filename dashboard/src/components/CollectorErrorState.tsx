// Explains a failed query API call in words a user can act on, instead of a crash page.
import { CollectorResponseError, CollectorSlowError, CollectorUnreachableError } from '../lib/dashboard-error.ts';

export function CollectorErrorState({ error }: { error: unknown }) {
  if (error instanceof CollectorUnreachableError) {
    return (
      <div className="notice notice-error" role="alert" data-testid="collector-error">
        <div>
          <strong>Cannot reach the Hotpath collector</strong>
          Nothing answered at <code>{error.url}</code>. Start it (<code>cd collector &amp;&amp; npm start</code>), or point the dashboard at
          it with <code>HOTPATH_COLLECTOR_URL</code>. This page will work again as soon as the collector answers.
        </div>
      </div>
    );
  }
  if (error instanceof CollectorSlowError) {
    return (
      <div className="notice notice-error" role="alert" data-testid="collector-error" data-kind="slow">
        <div>
          <strong>The Hotpath collector is up but too slow to answer</strong>
          It accepted the connection at <code>{error.url}</code> but sent nothing for <code>{error.path}</code> within{' '}
          {Math.round(error.timeoutMs / 100) / 10} s. It may be busy with a large query or stuck; reload to try again. The dashboard waits up to{' '}
          <code>HOTPATH_COLLECTOR_TIMEOUT_MS</code>.
        </div>
      </div>
    );
  }
  if (error instanceof CollectorResponseError && error.code === 'query_timeout') {
    return (
      <div className="notice notice-error" role="alert" data-testid="collector-error" data-kind="query-timeout">
        <div>
          <strong>This query took the collector too long</strong>
          {error.message}. The collector is up and stopped the query to keep answering others: narrow the filters or the time range, or reload to try again.
        </div>
      </div>
    );
  }
  if (error instanceof CollectorResponseError) {
    return (
      <div className="notice notice-error" role="alert" data-testid="collector-error">
        <div>
          <strong>The collector could not answer this request ({error.status} {error.code})</strong>
          {error.message}
          {error.status === 401 ? <> Set <code>HOTPATH_QUERY_TOKEN</code> for the dashboard to the collector&apos;s query token.</> : null}
        </div>
      </div>
    );
  }
  throw error;
}
