/** The builder for general goods: it cycles through a category's item kinds (goods-data.ts). */
import { L, enColour, price, zhColour } from './draw';
import type { Draft, Rng } from './draw';
import type { ItemKind } from './goods-data';

export function goods(kinds: ItemKind[], brands: readonly string[]) {
  return (r: Rng, index: number): Draft => {
    // Cycle through the kinds so that every kind appears.
    const k = kinds[index % kinds.length] as ItemKind;
    const v = r.pick(k.variants);
    const main = r.pick(k.palette);
    const brand = r.pick(brands);
    const accents = k.accents?.filter((c) => c !== main) ?? [];
    const accent = accents.length > 0 && r.chance(0.3) ? r.pick(accents) : undefined;
    const line = r.pick(k.lines);
    const withAccent = accent
      ? L(` with ${enColour(accent)} accents`, `，${zhColour(accent)}点缀`)
      : L('', '');
    return {
      name: L(
        `${v.name.en} ${k.noun.en} in ${enColour(main)}, by ${brand}`,
        `${brand} ${zhColour(main)}${v.name['zh-CN']}${k.noun['zh-CN']}`,
      ),
      description: L(
        `${v.name.en} ${k.noun.en} in ${enColour(main)}${withAccent.en}. ${line.en}`,
        `${zhColour(main)}${v.name['zh-CN']}${k.noun['zh-CN']}${withAccent['zh-CN']}。${line['zh-CN']}`,
      ),
      brand,
      priceCents: price(r, k.price),
      colours: accent ? [main, accent] : [main],
      tags: [k.tag, ...v.tags, ...k.tags],
    };
  };
}
