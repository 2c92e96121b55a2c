// A row of mutually exclusive links (time window, grouping), the current one marked.
import Link from 'next/link';

export function Segmented({ label, options }: { label: string; options: { href: string; label: string; current: boolean }[] }) {
  return (
    <nav className="segmented" aria-label={label}>
      {options.map((option) => (
        <Link key={option.href} href={option.href} aria-current={option.current ? 'true' : undefined}>
          {option.label}
        </Link>
      ))}
    </nav>
  );
}
