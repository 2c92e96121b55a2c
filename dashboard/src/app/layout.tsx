// The dashboard shell: sidebar navigation and the page area.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AppNav } from '../components/AppNav.tsx';
import { CollectorHealthNotice } from '../components/CollectorHealthNotice.tsx';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Hotpath', template: '%s · Hotpath' },
  description: 'Where your agents spend their time and tokens.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next can only put the request's CSP nonce (src/proxy.ts) on the scripts of a
  // page it renders then, and a page rendered at build time would have its scripts refused.
  await connection();
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
