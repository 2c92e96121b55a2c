// `npm pack` of @hotpath/collector (prepack): builds the dashboard when its sources changed and copies its standalone
// server into ./dashboard-server, which package.json `files` publishes and the viewer runs, so no user ever builds
// it. The dashboard is imported by path: it depends on this package, so this package cannot depend on it.
import { fileURLToPath } from 'node:url';
import { ensureDashboardBuild, exportDashboardServer } from '../../dashboard/launcher/index.ts';

ensureDashboardBuild();
const packages = exportDashboardServer(fileURLToPath(new URL('../dashboard-server', import.meta.url)));
process.stderr.write(`[pack] dashboard server copied with ${packages.join(', ')}\n`);
