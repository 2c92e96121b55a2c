// The dashboard shell: sidebar navigation and the page area.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppNav } from '../components/AppNav.tsx';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Hotpath', template: '%s · Hotpath' },
  description: 'Where your agents spend their time and tokens.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <div className="shell">
          <aside className="sidebar">
            <div className="brand">
              <span className="brand-mark" aria-hidden="true" />
              Hotpath
            </div>
            <AppNav />
            <div className="sidebar-foot">Agent traces over OpenTelemetry GenAI</div>
          </aside>
          <main className="main">{children}</main>
        </div>
      </body>
    </html>
  );
}
