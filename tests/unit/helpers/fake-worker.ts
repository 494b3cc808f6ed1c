/**
 * A Web Worker stand-in for WorkerBridge tests: the API is exposed (comlink) on one end of a real
 * MessageChannel and the bridge holds the other; `crash` fires the error event a dead worker
 * would, `terminated` records terminate(). Ports are closed after each test.
 */
import { expose } from 'comlink';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach } from 'vitest';
import type { WorkerLike } from '../../../src/lib/workers/bridge';

export interface FakeWorker {
  terminated: boolean;
  crash(message?: string): void;
}

const opened: MessagePort[] = [];
afterEach(() => opened.splice(0).forEach((p) => p.close()));

/** A spawn function for WorkerBridge, and the workers it started so far. */
export function fakeWorkers(api: object): { spawn: () => WorkerLike; spawned: FakeWorker[] } {
  const spawned: FakeWorker[] = [];
  const spawn = (): WorkerLike => {
    const { port1, port2 } = new MessageChannel();
    opened.push(port1, port2);
    expose(api, port2 as never);
    const fake: FakeWorker = {
      terminated: false,
      crash: (message = 'the worker stopped') =>
        port1.dispatchEvent(Object.assign(new Event('error'), { message })),
    };
    spawned.push(fake);
    return Object.assign(port1, {
      terminate: () => {
        fake.terminated = true;
        port1.close();
        port2.close();
      },
    }) as unknown as WorkerLike;
  };
  return { spawn, spawned };
}
