// Shown while a trace loads: the shell streams at once, so scripts load while the collector answers.
import { PageHeader } from '../../../components/PageHeader.tsx';

export default function TraceLoading() {
  return (
    <>
      <PageHeader title="Loading trace…" subtitle="Fetching spans from the collector" />
      <div className="waterfall" style={{ height: 'calc(100vh - 170px)' }} aria-busy="true" />
    </>
  );
}
