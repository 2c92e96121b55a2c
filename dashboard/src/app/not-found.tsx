// Unknown dashboard paths.
import Link from 'next/link';
import { EmptyState } from '../components/EmptyState.tsx';

export default function NotFound() {
  return (
    <div className="panel">
      <EmptyState title="Nothing here">
        <Link href="/">Back to the traces</Link>
      </EmptyState>
    </div>
  );
}
