// Next.js configuration for the Hotpath dashboard.
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const config: NextConfig = {
  // Typechecking is `npm run typecheck` (tsc), so the build skips its own pass to keep CI builds short on small
  // machines.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // A self-contained server in .next/standalone, which the e2e suite and the demo run and the published
  // @hotpath/collector carries. Traced from the workspace root, so the app lands in .next/standalone/dashboard/.
  output: 'standalone',
  outputFileTracingRoot: fileURLToPath(new URL('..', import.meta.url)),
  // The dashboard shows no raster images: without the image optimizer, sharp's platform binaries stay out of it.
  images: { unoptimized: true },
  outputFileTracingExcludes: { '*': ['../node_modules/.pnpm/sharp@*/**', '../node_modules/.pnpm/@img+*/**'] },
  reactStrictMode: true,
};

export default config;
