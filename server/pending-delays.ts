/**
 * Latency faults in flight. Closing the server cuts them short, so SIGTERM does not wait for a
 * minute-long fault to run out before the process can exit.
 */
export interface PendingDelays {
  /** Resolves after `ms`, or at once when `release()` is called. */
  wait(ms: number): Promise<void>;
  /** Ends every pending wait now. */
  release(): void;
  readonly size: number;
}

/** Creates an empty set of pending delays. */
export function createPendingDelays(): PendingDelays {
  const pending = new Map<NodeJS.Timeout, () => void>();
  return {
    wait(ms) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, ms);
        pending.set(timer, resolve);
      });
    },
    release() {
      for (const [timer, resolve] of pending) {
        clearTimeout(timer);
        resolve();
      }
      pending.clear();
    },
    get size() {
      return pending.size;
    },
  };
}
