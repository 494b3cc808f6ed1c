import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineProducts as products } from '../../src/lib/shell/catalog';
import { TryOnChoice } from '../../src/lib/tryon/client/choice.svelte';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A choice following a route whose `?product=` is `route.product`. */
// Effects here run on Svelte's scheduler: `await tick()` lets them settle.
async function choose(product: string | null) {
  const route = $state({ product });
  let choice!: TryOnChoice;
  cleanups.push($effect.root(() => void (choice = new TryOnChoice(() => route.product))));
  await tick();
  return { choice, route };
}

const ofCategory = (c: string) => products.filter((p) => p.category === c && p.tryOn);

describe('TryOnChoice', async () => {
  it('starts on the first pair of glasses when no product is asked for', async () => {
    const { choice } = await choose(null);
    expect(choice.category).toBe('glasses');
    expect(choice.product?.id).toBe(ofCategory('glasses')[0]!.id);
    expect(choice.second).toBe(null);
    expect(choice.wornIds).toEqual([ofCategory('glasses')[0]!.id]);
  });

  it('wears the product the route asks for, and follows the route while open', async () => {
    const earrings = ofCategory('earrings')[1]!;
    const { choice, route } = await choose(earrings.id);
    expect(choice.category).toBe('earrings');
    expect(choice.product?.id).toBe(earrings.id);

    choice.startCompare();
    const hat = ofCategory('hats')[2]!;
    route.product = hat.id;
    await tick();
    expect(choice.category).toBe('hats');
    expect(choice.product?.id).toBe(hat.id);
    expect(choice.compareId).toBe(null);

    // A product that cannot be tried on, or no product at all, changes nothing.
    route.product = products.find((p) => !p.tryOn)!.id;
    await tick();
    route.product = 'no-such-product';
    await tick();
    expect(choice.product?.id).toBe(hat.id);
  });

  it('compares with another product of the category; a new category starts afresh', async () => {
    const { choice } = await choose(null);
    const hats = ofCategory('hats');
    choice.pickCategory('hats');
    expect(choice.product?.id).toBe(hats[0]!.id);
    choice.startCompare();
    expect(choice.second?.id).toBe(hats[1]!.id);
    expect(choice.inCategory).toEqual(hats);
    choice.pick(hats[1]!.id);
    choice.startCompare();
    expect(choice.second?.id).toBe(hats[0]!.id);
    expect(choice.wornIds).toEqual([hats[1]!.id, hats[0]!.id]);
    choice.pickCategory('lipsticks');
    expect(choice.second).toBe(null);
    expect(choice.product?.category).toBe('lipsticks');
    choice.startCompare();
    choice.stopCompare();
    expect(choice.compareId).toBe(null);
  });
});
