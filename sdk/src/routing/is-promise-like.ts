// Routers stay synchronous unless a user callback is async, so the hot path pays no promise when none is needed;
// this tells the two apart, for any thenable, not only native promises.

/**
 * Whether a value is a promise or another thenable.
 *
 * @example
 * isPromiseLike(Promise.resolve(1)); // true
 * isPromiseLike(1); // false
 */
export function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
