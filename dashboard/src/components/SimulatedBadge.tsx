// Marks figures that come from the simulated model server, so nobody mistakes them for real provider numbers.
export function SimulatedBadge({ label = 'simulated' }: { label?: string }) {
  return (
    <span className="badge badge-simulated" title="Model calls went to Hotpath's simulated model server: latencies and costs are modelled, not measured against a real provider.">
      {label}
    </span>
  );
}
