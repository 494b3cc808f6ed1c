import { describe, expect, it } from 'vitest';
import { Holds } from '../../src/lib/db/holds';

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

describe('Holds: background work on one database instance', () => {
  it('runs work and gives its result', async () => {
    const holds = new Holds();
    expect(await holds.run(async () => 42)).toBe(42);
    expect(holds.size).toBe(0);
  });

  it('a release aborts the work, waits for it to settle, and starts nothing new meanwhile', async () => {
    const holds = new Holds();
    const slow = gate();
    let seen: AbortSignal | undefined;
    const work = holds.run(async (signal) => {
      seen = signal;
      await slow.opened; // work that does not stop at once
      throw new Error('Database has been closed'); // as a write after the swap would
    });
    let released = false;
    const release = holds.release().then(() => (released = true));
    expect(seen!.aborted).toBe(true);
    let started = false;
    expect(
      await holds.run(async () => {
        started = true;
      }),
    ).toBeUndefined();
    expect(started).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(released).toBe(false); // still waiting for the work
    slow.open();
    await release;
    expect(await work).toBeUndefined(); // stopped work resolves quietly
    expect(await holds.run(async () => 'again')).toBe('again'); // an import keeps the instance
  });

  it('a failure of work nobody stopped is thrown as it is', async () => {
    const holds = new Holds();
    await expect(
      holds.run(async () => {
        throw new Error('quota');
      }),
    ).rejects.toThrow('quota');
  });
});
