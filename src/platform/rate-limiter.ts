/**
 * A token bucket: at most `perSecond` takes a second on average, with bursts up to one second's
 * worth. `take` waits for a token; the wait is a timer, so the event loop stays free.
 */
export type RateLimiter = { take(): Promise<void> };

export function rateLimiter(perSecond: number, now: () => number = () => performance.now()): RateLimiter {
  if (!(perSecond > 0)) throw new Error('rateLimiter: perSecond must be positive');
  const capacity = Math.max(1, perSecond);
  let tokens = capacity;
  let last = now();
  let queue: Promise<void> = Promise.resolve();
  const refill = () => {
    const t = now();
    tokens = Math.min(capacity, tokens + ((t - last) / 1000) * perSecond);
    last = t;
  };
  const takeOne = async () => {
    refill();
    while (tokens < 1) {
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(((1 - tokens) / perSecond) * 1000)));
      refill();
    }
    tokens -= 1;
  };
  return {
    take() {
      // One waiter at a time, in order: a burst of callers is spread evenly.
      const turn = queue.then(takeOne);
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
