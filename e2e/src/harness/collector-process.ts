// The collector as its own process (its command line, as users run it), for tests that must do to it what can only
// be done to a process: stop it dead with SIGSTOP, so it still accepts connections but answers nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface CollectorProcess {
  url: string;
  /** SIGSTOP: the kernel still accepts connections, the collector answers nothing. */
  freeze(): void;
  /** SIGCONT. */
  thaw(): void;
  close(): Promise<void>;
}

/** The CLI's source beside the package's entry (the workspace resolves `@hotpath/collector` to its sources). */
const CLI = fileURLToPath(new URL('cli.ts', import.meta.resolve('@hotpath/collector')));

/**
 * @example
 * const collector = await startCollectorProcess(dataDir);
 * collector.freeze();
 */
export async function startCollectorProcess(dataDir: string): Promise<CollectorProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--conditions=@hotpath/source', '--import', 'tsx', CLI, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the collector did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the collector exited (${code}):\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    freeze: () => void child.kill('SIGSTOP'),
    thaw: () => void child.kill('SIGCONT'),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
