// The dashboard shell: sidebar navigation and the page area.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppNav } from '../components/AppNav.tsx';
import { CollectorHealthNotice } from '../components/CollectorHealthNotice.tsx';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Hotpath', template: '%s · Hotpath' },
  description: 'Where your agents spend their time and tokens.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <div className="shell">
          <aside className="sidebar">
            <AppNav />
            <div className="sidebar-foot">Agent traces over OpenTelemetry GenAI</div>
          </aside>
          <main className="main" id="main" tabIndex={-1}>
            <CollectorHealthNotice />
            {children}
          </main>
        </div>
      </body>
    </html>
  );
}
