// A TCP port nothing listens on right now, for servers (Next's standalone server) that cannot be told to pick one.
import { createServer } from 'node:net';

/**
 * @example
 * const port = await freePort();
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Whether `port` on `host` can be listened on now, so the viewer can say so before starting anything.
 *
 * @example
 * if (!(await portIsFree(3000))) console.error('port 3000 is in use');
 */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
