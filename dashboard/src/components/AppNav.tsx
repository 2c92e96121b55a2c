'use client';
// The sidebar: brand and section links, marking the current section. On a narrow screen (see globals.css) it
// is a top bar and the links open from a menu button.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

const LINKS = [
  { href: '/', label: 'Traces', icon: '≡', match: (path: string) => path === '/' || path.startsWith('/traces') },
  { href: '/spend', label: 'Token spend', icon: '$', match: (path: string) => path.startsWith('/spend') },
  { href: '/routing', label: 'Routing', icon: '⇄', match: (path: string) => path.startsWith('/routing') },
  { href: '/cache', label: 'Cache', icon: '↺', match: (path: string) => path.startsWith('/cache') },
  { href: '/compare', label: 'Compare', icon: '⇆', match: (path: string) => path.startsWith('/compare') },
];

export function AppNav() {
  const pathname = usePathname() ?? '/';
  const [open, setOpen] = useState(false);
  // The menu closes once a link has taken the reader to another section.
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      <div className="sidebar-top">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Hotpath
        </div>
        <button
          type="button"
          className="btn btn-sm nav-toggle"
          aria-expanded={open}
          aria-controls="app-nav"
          onClick={() => setOpen((current) => !current)}
        >
          {open ? 'Close menu' : 'Menu'}
        </button>
      </div>
      <nav
        id="app-nav"
        className="nav"
        aria-label="Sections"
        data-open={open}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      >
        {LINKS.map((link) => (
          <Link key={link.href} href={link.href} aria-current={link.match(pathname) ? 'page' : undefined}>
            <span className="nav-icon" aria-hidden="true">{link.icon}</span>
            {link.label}
          </Link>
        ))}
      </nav>
    </>
  );
}
