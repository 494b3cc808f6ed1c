import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addGalleryPicture,
  eraseGalleryPicture,
  galleryFor,
  openDatabase,
  StorageError,
  type AisleDB,
} from '../../src/lib/db';

const opened: AisleDB[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function freshDb(): Promise<AisleDB> {
  const db = await openDatabase(`tryon-gallery-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

const jpeg = (byte: number) => new Blob([new Uint8Array([byte, 1, 2])], { type: 'image/jpeg' });

describe('try-on gallery repository', () => {
  it('keeps snapshots per profile, newest first, and erases one', async () => {
    const db = await freshDb();
    const first = await addGalleryPicture(db, 'me', ['hat-001'], jpeg(1));
    await new Promise((r) => setTimeout(r, 2));
    const second = await addGalleryPicture(db, 'me', ['hat-001', 'hat-002'], jpeg(2));
    await addGalleryPicture(db, 'guest', ['glasses-001'], new Blob([new Uint8Array([3])]));

    const mine = await galleryFor(db, 'me');
    expect(mine.map((g) => g.id)).toEqual([second, first]);
    expect(mine[0]).toMatchObject({ profileId: 'me', productIds: ['hat-001', 'hat-002'] });
    expect(mine[0]!.mimeType).toBe('image/jpeg');
    expect([...new Uint8Array(mine[0]!.image)]).toEqual([2, 1, 2]);
    // A blob with no type is kept as a JPEG.
    expect((await galleryFor(db, 'guest'))[0]!.mimeType).toBe('image/jpeg');

    await eraseGalleryPicture(db, first);
    expect((await galleryFor(db, 'me')).map((g) => g.id)).toEqual([second]);
  });

  it('reports failures as StorageErrors', async () => {
    const db = await freshDb();
    db.close();
    await expect(galleryFor(db, 'me')).rejects.toBeInstanceOf(StorageError);
    await expect(addGalleryPicture(db, 'me', [], jpeg(1))).rejects.toBeInstanceOf(StorageError);
  });
});
