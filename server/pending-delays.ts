/**
 * Latency faults in flight. Closing the server cuts them short, so SIGTERM does not wait for a
 * minute-long fault to run out before the process can exit.
 */
export interface PendingDelays {
  /** Resolves after `ms`, or at once once `release()` has been called. */
  wait(ms: number): Promise<void>;
  /** Ends every pending wait now, and every later one at once (the server is closing). */
  release(): void;
  /** True after `release()`: replies should close their connection. */
  readonly released: boolean;
  readonly size: number;
}

/** Creates an empty set of pending delays. */
export function createPendingDelays(): PendingDelays {
  const pending = new Map<NodeJS.Timeout, () => void>();
  let released = false;
  return {
    wait(ms) {
      if (released) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, ms);
        pending.set(timer, resolve);
      });
    },
    release() {
      released = true;
      for (const [timer, resolve] of pending) {
        clearTimeout(timer);
        resolve();
      }
      pending.clear();
    },
    get released() {
      return released;
    },
    get size() {
      return pending.size;
    },
  };
}
