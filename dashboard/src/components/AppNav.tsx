'use client';
// Sidebar links, marking the current section.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Traces', icon: '≡', match: (path: string) => path === '/' || path.startsWith('/traces') },
  { href: '/spend', label: 'Token spend', icon: '$', match: (path: string) => path.startsWith('/spend') },
  { href: '/routing', label: 'Routing', icon: '⇄', match: (path: string) => path.startsWith('/routing') },
  { href: '/cache', label: 'Cache', icon: '↺', match: (path: string) => path.startsWith('/cache') },
  { href: '/compare', label: 'Compare', icon: '⇆', match: (path: string) => path.startsWith('/compare') },
];

export function AppNav() {
  const pathname = usePathname() ?? '/';
  return (
    <nav className="nav" aria-label="Sections">
      {LINKS.map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.match(pathname) ? 'page' : undefined}>
          <span className="nav-icon" aria-hidden="true">{link.icon}</span>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
