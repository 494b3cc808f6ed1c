/**
 * Background work on one database instance: a training and the save after it, a chat write, a
 * try-on save, an order. Replacing the instance (erase, import) releases it first: the work's
 * signal aborts, the release waits for the work to settle, and work stopped that way resolves to
 * undefined instead of throwing at the page. So nothing writes to a closed database, and nothing
 * of the shopper's from before an erase lands after it.
 */
export class Holds {
  #stop = new AbortController();
  readonly #running = new Set<Promise<unknown>>();

  /** Runs `work` as held; undefined when it was stopped (or the instance is being released). */
  async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    const { signal } = this.#stop;
    if (signal.aborted) return undefined;
    const running = work(signal);
    this.#running.add(running);
    try {
      return await running;
    } catch (e) {
      if (signal.aborted) return undefined;
      throw e;
    } finally {
      this.#running.delete(running);
    }
  }

  /**
   * Stops the work in flight and waits until it has settled; nothing new starts meanwhile. Held
   * work runs again afterwards (an import keeps the instance).
   */
  async release(): Promise<void> {
    this.#stop.abort();
    await Promise.allSettled([...this.#running]);
    this.#stop = new AbortController();
  }

  /** Work in flight (tests). */
  get size(): number {
    return this.#running.size;
  }
}
