/**
 * One way to use a Web Worker (after Squoosh's WorkerBridge): every worker of the app is started,
 * typed, cancelled, restarted after a crash and shut down when idle here.
 *
 *   const trainer = new WorkerBridge<TrainerApi>(
 *     () => new Worker(new URL('../worker/train.worker.ts', import.meta.url), { type: 'module' }),
 *     { idleMs: 30_000 },
 *   );
 *   const model = await trainer.call((api) => api.train(request), signal);
 *
 * - Typed: `call` hands the comlink proxy of the worker's exposed API.
 * - Cancel: aborting `signal` terminates the worker (a synchronous training loop can only be
 *   stopped that way, and tfjs state dies with it); the call rejects with an AbortError and the
 *   next call starts a fresh worker.
 * - A dead worker (a load failure or an uncaught error in it) rejects every call in flight with a
 *   WorkerCrashedError instead of leaving it pending forever; the next call starts a new worker.
 * - Idle: with `idleMs`, the worker is terminated that long after its last call settles, so a
 *   stateless worker holds no memory between uses. Workers that keep state (a trained model, an
 *   open landmarker) leave it out and call `terminate()` when their owner is done.
 *
 * `spawn` must hold the literal `new Worker(new URL(...), ...)`: that is how Vite finds a worker.
 */
import { wrap, type Remote } from 'comlink';

export class WorkerCrashedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkerCrashedError';
  }
}

/** What the bridge needs of a Worker (a real one in the app; a MessagePort-backed one in tests). */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'> &
  Parameters<typeof wrap>[0];

export interface WorkerBridgeOptions {
  /** Terminate the worker this long after the last call settles (default: never). */
  idleMs?: number;
}

export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

interface Running<Api> {
  worker: WorkerLike;
  api: Remote<Api>;
  /** Settles (rejects) when the worker dies or is terminated. */
  ended: Promise<never>;
  end: (reason: unknown) => void;
}

export class WorkerBridge<Api> {
  #running: Running<Api> | null = null;
  #inFlight = 0;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #spawn: () => WorkerLike;
  readonly #idleMs: number | undefined;

  constructor(spawn: () => WorkerLike, options: WorkerBridgeOptions = {}) {
    this.#spawn = spawn;
    this.#idleMs = options.idleMs;
  }

  /** Whether a worker is running now (started and not yet terminated or dead). */
  get running(): boolean {
    return this.#running !== null;
  }

  /** Runs `fn` against the worker's API, starting the worker if needed. */
  async call<T>(fn: (api: Remote<Api>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw abortError();
    const running = this.#start();
    clearTimeout(this.#idleTimer);
    this.#inFlight++;
    const onAbort = () => this.#stop(running, abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await Promise.race([fn(running.api), running.ended]);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.#inFlight--;
      this.#scheduleIdle();
    }
  }

  /** Stops the worker now; calls in flight reject with an AbortError. */
  terminate(): void {
    clearTimeout(this.#idleTimer);
    if (this.#running) this.#stop(this.#running, abortError());
  }

  #start(): Running<Api> {
    if (this.#running) return this.#running;
    const worker = this.#spawn();
    let end!: (reason: unknown) => void;
    const ended = new Promise<never>((_, reject) => (end = reject));
    ended.catch(() => undefined); // observed by the calls that race it; none may be running
    const running: Running<Api> = { worker, api: wrap<Api>(worker), ended, end };
    worker.addEventListener('error', (event) => {
      const message = (event as ErrorEvent).message || 'the worker stopped';
      this.#stop(running, new WorkerCrashedError(`Worker failed: ${message}`, { cause: event }));
    });
    worker.addEventListener('messageerror', (event) => {
      this.#stop(
        running,
        new WorkerCrashedError('Worker sent an unreadable message', { cause: event }),
      );
    });
    this.#running = running;
    return running;
  }

  #stop(running: Running<Api>, reason: unknown): void {
    if (this.#running === running) this.#running = null;
    running.worker.terminate();
    running.end(reason);
  }

  #scheduleIdle(): void {
    if (this.#idleMs === undefined || this.#inFlight > 0 || !this.#running) return;
    clearTimeout(this.#idleTimer);
    const running = this.#running;
    this.#idleTimer = setTimeout(() => {
      if (this.#inFlight === 0 && this.#running === running) this.#stop(running, abortError());
    }, this.#idleMs);
  }
}
