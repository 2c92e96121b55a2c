// Builds dist/ (ESM + .d.ts) from every entry in package.json's `exports` and `bin`: see scripts/package-build-config.mjs.
import { packageBuildConfig } from '../scripts/package-build-config.mjs';

export default packageBuildConfig(new URL('.', import.meta.url));
