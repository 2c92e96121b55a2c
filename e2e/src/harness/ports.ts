// Whether a server answers on an address: the signal tests check that ports are free after a stop, and the
// loopback tests that a server started with its defaults answers on 127.0.0.1 but not on the machine's network
// address.
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

/**
 * Whether something accepts TCP connections on `host`:`port`.
 *
 * @example
 * assert.equal(await portAnswers(3000), false);
 */
export function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host, timeout: 3_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** This machine's first IPv4 address that is not loopback, if it has one. */
export function externalAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)?.address;
}
