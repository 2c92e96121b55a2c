// `npm test` runs this before the test files: one build (only when the dashboard's sources changed), so test
// files running side by side never build at the same time.
import { ensureDashboardBuild } from '@hotpath/dashboard/launcher';

ensureDashboardBuild();
