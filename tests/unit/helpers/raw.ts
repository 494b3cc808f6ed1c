/** Reading IndexedDB past Dexie and the sealing middleware, as an attacker with the disk would. */

/** Every value IndexedDB holds for the database, read past Dexie and the middleware. */
export async function rawDump(name: string): Promise<{ store: string; value: unknown }[]> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const out: { store: string; value: unknown }[] = [];
  for (const store of [...idb.objectStoreNames]) {
    const values = await new Promise<unknown[]>((resolve, reject) => {
      const req = idb.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const value of values) out.push({ store, value });
  }
  idb.close();
  return out;
}

/** All text and bytes of a value, as one searchable string. */
export function flatten(x: unknown): string {
  if (x instanceof ArrayBuffer) return new TextDecoder('latin1').decode(x);
  if (ArrayBuffer.isView(x)) {
    return new TextDecoder('latin1').decode(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  }
  if (Array.isArray(x)) return x.map(flatten).join('\u0000');
  if (typeof x === 'object' && x !== null) {
    return Object.entries(x)
      .map(([k, v]) => `${k}=${flatten(v)}`)
      .join('\u0000');
  }
  return String(x);
}
