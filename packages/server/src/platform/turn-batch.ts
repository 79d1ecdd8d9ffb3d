interface Waiter<V> {
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Look-ups by key asked for during one turn of the event loop, answered by one call for all of them:
 * a burst of requests that each need the same kind of row (the principal behind a token) costs one
 * statement, not one each. On the embedded database every statement takes a turn of the loop of its
 * own and Node accepts one new connection per turn, so a burst of 200 clients would otherwise wait
 * 200 turns behind its own authentications (issue 15). A key asked for twice is loaded once; a failed
 * load fails every waiter of that turn.
 */
export class TurnBatch<V> {
  private waiting = new Map<string, Waiter<V>[]>();

  constructor(private readonly loadMany: (keys: string[]) => Promise<ReadonlyMap<string, V>>) {}

  load(key: string): Promise<V | undefined> {
    return new Promise<V | undefined>((resolve, reject) => {
      if (this.waiting.size === 0)
        setImmediate(() => {
          void this.flush();
        });
      const waiters = this.waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    try {
      const found = await this.loadMany([...batch.keys()]);
      for (const [key, waiters] of batch) for (const w of waiters) w.resolve(found.get(key));
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  }
}
