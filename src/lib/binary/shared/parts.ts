/**
 * Binary files made of parts (pure; the build writes them in Node, a worker reads them): typed
 * arrays and texts one after another, each padded to 4 bytes so the reader takes typed views of
 * the file without copying (an 8-byte type at an odd place is copied). The model shipped for
 * Help and the shop's search index are such files, gzip-compressed (../worker/gzip.ts).
 */

type Numbers =
  Uint8Array | Int8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;
type NumbersOf<T extends Numbers> = new (buffer: ArrayBuffer, offset: number, length: number) => T;

/** Parts, each padded to 4 bytes. */
export class Writer {
  readonly #parts: Uint8Array[] = [];
  #length = 0;
  array(a: Numbers): this {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const pad = (4 - (bytes.length % 4)) % 4;
    this.#parts.push(bytes, new Uint8Array(pad));
    this.#length += bytes.length + pad;
    return this;
  }
  u32(...values: number[]): this {
    return this.array(Uint32Array.from(values));
  }
  text(s: string): this {
    const bytes = new TextEncoder().encode(s);
    return this.u32(bytes.length).array(bytes);
  }
  /** Indices as u16 when every one fits, else u32 (the reader knows which from the count). */
  indices(values: readonly number[], count: number): this {
    return this.array(count <= 0x10000 ? Uint16Array.from(values) : Uint32Array.from(values));
  }
  bytes(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.#length);
    let at = 0;
    for (const p of this.#parts) out.set(p, (at += p.length) - p.length);
    return out;
  }
}

export class Reader {
  #at = 0;
  constructor(readonly buffer: ArrayBuffer) {}
  array<T extends Numbers>(Type: NumbersOf<T> & { BYTES_PER_ELEMENT: number }, n: number): T {
    const size = n * Type.BYTES_PER_ELEMENT;
    if (this.#at + size > this.buffer.byteLength) throw new Error('truncated file');
    const at = this.#at;
    const out =
      at % Type.BYTES_PER_ELEMENT
        ? new Type(this.buffer.slice(at, at + size), 0, n)
        : new Type(this.buffer, at, n);
    this.#at += size + ((4 - (size % 4)) % 4);
    return out;
  }
  u32(): number {
    return this.array(Uint32Array, 1)[0]!;
  }
  /** A text holding JSON. */
  json<T>(): T {
    return JSON.parse(this.text()) as T;
  }
  text(): string {
    return new TextDecoder().decode(this.array(Uint8Array, this.u32()));
  }
  indices(n: number, count: number): Uint16Array | Uint32Array {
    return count <= 0x10000 ? this.array(Uint16Array, n) : this.array(Uint32Array, n);
  }
  get done(): boolean {
    return this.#at === this.buffer.byteLength;
  }
}
