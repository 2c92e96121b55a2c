// Shown while a page's data loads.
export default function Loading() {
  return <div className="cell-sub" aria-busy="true">Loading…</div>;
}
