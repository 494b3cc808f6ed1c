/**
 * The queue that renders try-on products' 3D catalog pictures (client/pictures.ts) one at a
 * time. Pure: what a render is, and when the page is idle, are handed in.
 */

export class PictureCancelled extends Error {
  constructor() {
    super('The picture is no longer wanted.');
    this.name = 'PictureCancelled';
  }
}

/** One caller's wish for a picture: its result, or PictureCancelled once `cancel` is called. */
export interface PictureWish<R> {
  readonly result: Promise<R>;
  /** No longer wanted: it leaves the queue if nobody else wants it and it has not started. */
  cancel(): void;
}

interface Waiter<R> {
  resolve: (value: R) => void;
  reject: (reason: unknown) => void;
}

interface Job<P, R> {
  key: string;
  params: P;
  waiters: Set<Waiter<R>>;
}

/**
 * Renders at most one picture at a time, the latest wished for first (what came on screen last
 * is what the shopper looks at), each key once however many wish for it at the same time. A
 * wish cancelled before its turn is dropped; a render already running finishes (a WebGL draw
 * cannot be stopped half way) and its result goes to whoever still waits, or nowhere.
 */
export class PictureQueue<P, R> {
  /** Waiting, oldest first: the last one goes next. */
  readonly #waiting: Job<P, R>[] = [];
  #running: Job<P, R> | null = null;
  /** Waiting for the gate before the next job is taken. */
  #gated = false;
  readonly #run: (params: P, key: string) => Promise<R>;
  readonly #gate: (() => Promise<void>) | undefined;

  /**
   * `run` renders one picture. `gate`, where given, is awaited before each job is taken from the
   * queue (the page being idle): the job taken is the latest wished for when the gate opens.
   */
  constructor(run: (params: P, key: string) => Promise<R>, gate?: () => Promise<void>) {
    this.#run = run;
    this.#gate = gate;
  }

  /** The keys waiting, in the order they will run (for tests). */
  get waiting(): string[] {
    return this.#waiting.map((j) => j.key).reverse();
  }

  /** The key being rendered now, if any. */
  get running(): string | undefined {
    return this.#running?.key;
  }

  wish(key: string, params: P): PictureWish<R> {
    let job = this.#running?.key === key ? this.#running : this.#waiting.find((j) => j.key === key);
    if (job && job !== this.#running) {
      // Wished for again: to the front of the line.
      this.#waiting.splice(this.#waiting.indexOf(job), 1);
      this.#waiting.push(job);
    } else if (!job) {
      job = { key, params, waiters: new Set() };
      this.#waiting.push(job);
    }
    const target = job;
    let waiter!: Waiter<R>;
    const result = new Promise<R>((resolve, reject) => (waiter = { resolve, reject }));
    result.catch(() => undefined); // a cancelled wish nobody listens to is no unhandled rejection
    target.waiters.add(waiter);
    void Promise.resolve().then(() => this.#next());
    return {
      result,
      cancel: () => {
        if (!target.waiters.delete(waiter)) return;
        waiter.reject(new PictureCancelled());
        if (target.waiters.size === 0 && target !== this.#running) {
          const i = this.#waiting.indexOf(target);
          if (i >= 0) this.#waiting.splice(i, 1);
        }
      },
    };
  }

  /** Drops every waiting wish (the running render still finishes). */
  clear(reason: unknown = new PictureCancelled()): void {
    for (const job of this.#waiting.splice(0)) {
      for (const w of job.waiters) w.reject(reason);
    }
  }

  #next(): void {
    if (this.#running || this.#gated || !this.#waiting.length) return;
    if (!this.#gate) {
      this.#start();
      return;
    }
    this.#gated = true;
    const open = () => {
      this.#gated = false;
      this.#start();
    };
    this.#gate().then(open, open);
  }

  #start(): void {
    if (this.#running) return;
    const job = this.#waiting.pop();
    if (!job) return;
    this.#running = job;
    const settle = (fn: (w: Waiter<R>) => void) => {
      this.#running = null;
      for (const w of job.waiters) fn(w);
      job.waiters.clear();
      this.#next();
    };
    new Promise<R>((resolve) => resolve(this.#run(job.params, job.key))).then(
      (value) => settle((w) => w.resolve(value)),
      (error: unknown) => settle((w) => w.reject(error)),
    );
  }
}
