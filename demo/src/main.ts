// The README's main command (`npm run demo`): checks the command line and the data folder with nothing heavy
// loaded, so a mistake is answered at once with one line and exit code 2, and a real endpoint and its models
// before any server starts; then loads and runs the demo.
import { resolve } from 'node:path';
import { supportDeskTasks } from '@hotpath/simulator';
import { prepareDataDir } from './data-dir.ts';
import { demoHelp, DemoOptionsError, parseDemoOptions } from './demo-options.ts';
import { checkEndpoint, EndpointCheckError } from './endpoint-check.ts';

const USAGE_ERROR = 2;

async function main(): Promise<number> {
  let options;
  let dataDir;
  try {
    options = parseDemoOptions(process.argv.slice(2), process.env, supportDeskTasks);
    if (options.help) {
      process.stdout.write(`${demoHelp(supportDeskTasks)}\n`);
      return 0;
    }
    dataDir = resolve(options.dataDir);
    prepareDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DemoOptionsError)) throw error;
    process.stderr.write(`demo: ${error.message}\n`);
    return USAGE_ERROR;
  }
  if (options.real) {
    // Before any server starts: a wrong URL, key or model ends here, in one sentence.
    const { baseURL, apiKey, smallModel, largeModel } = options.real;
    await checkEndpoint(baseURL, apiKey, [...new Set([smallModel, largeModel])]);
  }
  const { runDemo } = await import('./run-demo.ts');
  return runDemo(options, dataDir);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof EndpointCheckError || (error as Error)?.name === 'RunFailed';
    process.stderr.write(`demo failed: ${known ? (error as Error).message : (error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
