/**
 * The shop's search index as a file: the build indexes the catalog (src/build/search-index.ts)
 * and ships the index beside the app, precached, so the device restores it in milliseconds
 * instead of indexing the catalog itself (pure; gzip is the caller's).
 *
 * Layout (binary/shared/parts.ts): "PASI", u32 format, the strings as JSON (version, synonyms,
 * bigrams, ids, terms, vocabulary, brands, colours), then postStart u32, postDoc i32, postScore
 * f32, category u8, brand u32, price f64, band u8, colourStart u32, colourIds u32, each with its
 * length first.
 */
import { Reader, Writer } from '../../binary/shared/parts';
import type { CatalogIndexData } from './index';

const MAGIC = 0x49534150; // "PASI"
const FORMAT = 1;

type Strings = Pick<
  CatalogIndexData,
  'version' | 'synonyms' | 'bigrams' | 'ids' | 'terms' | 'vocabulary' | 'brands' | 'colours'
>;

export function encodeCatalogIndex(data: CatalogIndexData): Uint8Array<ArrayBuffer> {
  const { version, synonyms, bigrams, ids, terms, vocabulary, brands, colours } = data;
  const strings: Strings = { version, synonyms, bigrams, ids, terms, vocabulary, brands, colours };
  const w = new Writer().u32(MAGIC, FORMAT).text(JSON.stringify(strings));
  for (const a of [
    data.postStart,
    data.postDoc,
    data.postScore,
    data.category,
    data.brand,
    data.price,
    data.band,
    data.colourStart,
    data.colourIds,
  ])
    w.u32(a.length).array(a);
  return w.bytes();
}

export function decodeCatalogIndex(buffer: ArrayBuffer): CatalogIndexData {
  const r = new Reader(buffer);
  if (buffer.byteLength < 8 || r.u32() !== MAGIC) throw new Error('not a search index');
  if (r.u32() !== FORMAT) throw new Error('unknown search index format');
  const strings = r.json<Strings>();
  const data: CatalogIndexData = {
    ...strings,
    postStart: r.array(Uint32Array, r.u32()),
    postDoc: r.array(Int32Array, r.u32()),
    postScore: r.array(Float32Array, r.u32()),
    category: r.array(Uint8Array, r.u32()),
    brand: r.array(Uint32Array, r.u32()),
    price: r.array(Float64Array, r.u32()),
    band: r.array(Uint8Array, r.u32()),
    colourStart: r.array(Uint32Array, r.u32()),
    colourIds: r.array(Uint32Array, r.u32()),
  };
  if (!r.done) throw new Error('search index: unexpected bytes at the end');
  return data;
}
