/**
 * The pure parts of the 3D catalog pictures (src/lib/tryon/shared/pictures.ts, picture-queue.ts):
 * which products get one, the cache key, and the render queue's order, dedupe, cancelling and gate.
 */
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/lib/catalog/generate';
import type { EyewearParams, Product } from '../../src/lib/catalog/types';
import { PictureCancelled, PictureQueue } from '../../src/lib/tryon/shared/picture-queue';
import {
  canonicalJson,
  modelledParams,
  PICTURE_MODEL_VERSION,
  PICTURE_SIZE,
  pictureKey,
} from '../../src/lib/tryon/shared/pictures';

const glasses: EyewearParams = {
  kind: 'eyewear',
  frameShape: 'round',
  frameColour: '#1A1A1A',
  lensTint: '#888888',
  lensOpacity: 0,
  bridgeWidthMm: 18,
  templeWidthMm: 140,
  lensWidthMm: 50,
};

const settled = () => new Promise((r) => setTimeout(r, 0));

/** A render that finishes when told to, recording what it was asked for. */
function manualRender() {
  const calls: string[] = [];
  const finish: Record<string, (v: string) => void> = {};
  const run = (_: unknown, key: string) => {
    calls.push(key);
    return new Promise<string>((resolve) => (finish[key] = (v) => resolve(v)));
  };
  return { calls, finish, run };
}

describe('which products get a 3D picture', () => {
  const catalog = generateCatalog();

  it('try-on glasses, hats and earrings without a picture of their own; not lipstick', () => {
    for (const p of catalog) {
      const params = modelledParams(p);
      const modelled = !p.image && p.tryOn && p.tryOn.kind !== 'lipstick';
      expect(params !== undefined, p.id).toBe(Boolean(modelled));
    }
    const kinds = new Set(catalog.map((p) => modelledParams(p)?.kind).filter(Boolean));
    expect([...kinds].sort()).toEqual(['earring', 'eyewear', 'hat']);
  });

  it('none for a product with its own picture', () => {
    const p = catalog.find((x) => x.tryOn?.kind === 'eyewear')!;
    const withImage: Product = {
      ...p,
      image: { src: 'shop/img/x', widths: [200], alt: { en: '', 'zh-CN': '' } },
    };
    expect(modelledParams(withImage)).toBeUndefined();
  });
});

describe('the cache key', () => {
  it('is the model version, the size and a hash of the parameters', () => {
    expect(pictureKey(glasses)).toMatch(
      new RegExp(`^v${PICTURE_MODEL_VERSION}-${PICTURE_SIZE}-[0-9a-f]{14}$`),
    );
    expect(pictureKey(glasses, 128)).toMatch(/^v\d+-128-/);
  });

  it('does not depend on key order or hex case, and changes with any parameter', () => {
    const reordered = Object.fromEntries(Object.entries(glasses).reverse()) as EyewearParams;
    expect(pictureKey(reordered)).toBe(pictureKey(glasses));
    expect(pictureKey({ ...glasses, frameColour: '#1a1a1a' })).toBe(pictureKey(glasses));
    expect(pictureKey({ ...glasses, frameColour: '#1a1a1b' })).not.toBe(pictureKey(glasses));
    expect(pictureKey({ ...glasses, lensWidthMm: 51 })).not.toBe(pictureKey(glasses));
    expect(pictureKey({ ...glasses, frameShape: 'oval' })).not.toBe(pictureKey(glasses));
    expect(pictureKey(glasses, 256)).not.toBe(pictureKey(glasses));
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: 'X' }] })).toBe(
      '{"a":[2,{"c":"x"}],"b":1}',
    );
  });

  it('differs for every distinct try-on product of the demo catalog', () => {
    const params = generateCatalog()
      .map(modelledParams)
      .filter((p) => p !== undefined);
    const distinct = new Set(params.map(canonicalJson));
    expect(new Set(params.map((p) => pictureKey(p))).size).toBe(distinct.size);
  });
});

describe('the render queue', () => {
  it('renders one at a time, the latest wished for first', async () => {
    const { calls, finish, run } = manualRender();
    const queue = new PictureQueue<null, string>(run);
    const a = queue.wish('a', null);
    const b = queue.wish('b', null);
    const c = queue.wish('c', null);
    await settled();
    expect(calls).toEqual(['c']);
    expect(queue.running).toBe('c');
    expect(queue.waiting).toEqual(['b', 'a']);
    queue.wish('d', null);
    finish.c!('C');
    await expect(c.result).resolves.toBe('C');
    await settled();
    expect(calls).toEqual(['c', 'd']);
    finish.d!('D');
    await settled();
    finish.b!('B');
    await settled();
    finish.a!('A');
    await expect(Promise.all([a.result, b.result])).resolves.toEqual(['A', 'B']);
    expect(calls).toEqual(['c', 'd', 'b', 'a']);
  });

  it('renders a key once for every wish for it, and a wish again moves it to the front', async () => {
    const { calls, finish, run } = manualRender();
    const queue = new PictureQueue<null, string>(run);
    const first = queue.wish('x', null);
    const a = queue.wish('a', null);
    const b = queue.wish('b', null);
    await settled();
    expect(queue.running).toBe('b');
    const again = queue.wish('a', null);
    const third = queue.wish('x', null);
    expect(queue.waiting).toEqual(['x', 'a']);
    const during = queue.wish('b', null); // the one running: shares its result
    finish.b!('B');
    await expect(Promise.all([b.result, during.result])).resolves.toEqual(['B', 'B']);
    await settled();
    finish.x!('X');
    await settled();
    finish.a!('A');
    await expect(
      Promise.all([first.result, third.result, a.result, again.result]),
    ).resolves.toEqual(['X', 'X', 'A', 'A']);
    expect(calls).toEqual(['b', 'x', 'a']);
  });

  it('drops a cancelled wish before its turn, unless another still wants the key', async () => {
    const { calls, finish, run } = manualRender();
    const queue = new PictureQueue<null, string>(run);
    const a = queue.wish('a', null);
    const b1 = queue.wish('b', null);
    const b2 = queue.wish('b', null);
    const c = queue.wish('c', null);
    await settled();
    a.cancel();
    b1.cancel();
    await expect(a.result).rejects.toBeInstanceOf(PictureCancelled);
    await expect(b1.result).rejects.toBeInstanceOf(PictureCancelled);
    expect(queue.waiting).toEqual(['b']);
    // The running render finishes even when nobody wants it any more.
    c.cancel();
    await expect(c.result).rejects.toBeInstanceOf(PictureCancelled);
    finish.c!('C');
    await settled();
    finish.b!('B');
    await expect(b2.result).resolves.toBe('B');
    expect(calls).toEqual(['c', 'b']);
    b2.cancel(); // after it settled: nothing happens
  });

  it('passes a failure to every wish for the key and goes on with the next', async () => {
    const calls: string[] = [];
    const queue = new PictureQueue<null, string>(async (_, key) => {
      calls.push(key);
      if (key === 'bad') throw new Error('no');
      return key.toUpperCase();
    });
    const ok = queue.wish('ok', null);
    const bad1 = queue.wish('bad', null);
    const bad2 = queue.wish('bad', null);
    await expect(bad1.result).rejects.toThrow('no');
    await expect(bad2.result).rejects.toThrow('no');
    await expect(ok.result).resolves.toBe('OK');
    expect(calls).toEqual(['bad', 'ok']);
  });

  it('waits for the gate before each job, and takes the latest wish when it opens', async () => {
    const { calls, finish, run } = manualRender();
    const gates: (() => void)[] = [];
    const queue = new PictureQueue<null, string>(
      run,
      () => new Promise<void>((resolve) => gates.push(resolve)),
    );
    queue.wish('a', null);
    await settled();
    expect(calls).toEqual([]);
    expect(gates).toHaveLength(1);
    queue.wish('b', null); // while the gate is shut: no second gate
    await settled();
    expect(gates).toHaveLength(1);
    gates[0]!();
    await settled();
    expect(calls).toEqual(['b']);
    finish.b!('B');
    await settled();
    expect(gates).toHaveLength(2);
    expect(calls).toEqual(['b']);
    gates[1]!();
    await settled();
    expect(calls).toEqual(['b', 'a']);
  });

  it('clear drops every waiting wish', async () => {
    const { calls, run } = manualRender();
    const queue = new PictureQueue<null, string>(run);
    const a = queue.wish('a', null);
    const b = queue.wish('b', null);
    await settled();
    queue.clear(new Error('gone'));
    await expect(a.result).rejects.toThrow('gone');
    expect(queue.waiting).toEqual([]);
    expect(calls).toEqual(['b']);
    void b;
  });
});
