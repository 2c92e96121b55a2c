// Processes for stop-signals.test.ts. `serve`: waits for a stop request the way the commands do, then takes a while
// to stop. `parent <mode>`: an intermediate process that starts `serve` (or, with `foreign`, a process running
// none of our code but exitWithParentImport()) and prints the child's pid, so the test can kill this parent.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { untilStopSignal } from './stop-signals.ts';
import { exitWithParentImport } from './watch-parent.ts';

const [mode, child] = process.argv.slice(2);
if (mode === 'serve') {
  const stop = untilStopSignal();
  const serving = setInterval(() => {}, 60_000);
  process.stdout.write('serving\n');
  process.stdout.write(`stopping on ${await stop}\n`);
  clearInterval(serving);
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.STOP_MS ?? 200)));
  process.stdout.write('stopped cleanly\n');
} else {
  const args =
    child === 'foreign'
      ? ['--import', exitWithParentImport(), '-e', "process.on('SIGTERM', () => { console.log('foreign got SIGTERM'); process.exit(0) }); setInterval(() => {}, 60000); console.log('serving')"]
      : ['--import', 'tsx', fileURLToPath(import.meta.url), 'serve'];
  const started = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  process.stdout.write(`child ${started.pid}\n`);
  setInterval(() => {}, 60_000);
}
