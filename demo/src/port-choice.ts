// A busy port must not end the demo: the next free one is taken and said out loud.
import { createServer } from 'node:net';

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/**
 * The preferred port if it is free, else the next free one above it (up to `attempts` tries).
 *
 * @example
 * const port = await choosePort(3000, '127.0.0.1', (message) => console.log(message), 'dashboard');
 */
export async function choosePort(
  preferred: number,
  host: string,
  say: (message: string) => void,
  what: string,
  attempts = 50,
): Promise<number> {
  for (let port = preferred; port < preferred + attempts && port <= 65_535; port++) {
    if (await isFree(port, host)) {
      if (port !== preferred) say(`port ${preferred} is busy, so the ${what} uses port ${port} instead`);
      return port;
    }
  }
  throw new Error(`no free port for the ${what} between ${preferred} and ${preferred + attempts - 1} on ${host}`);
}
