/**
 * The try-on gallery as My data shows it: the active profile's snapshots, newest first, each with
 * an object URL for its <img> (revoked when the list changes or the view goes). The list follows
 * the database by itself, so a snapshot saved or erased anywhere shows at once.
 */
import { eraseGalleryPicture, galleryFor, type GalleryItem } from '../../db';
import { live } from '../../db/live.svelte';
import { i18n } from '../../i18n/locale.svelte';
import { notify, reportStorageError } from '../../shell/notices.svelte';
import { session } from '../../shell/session.svelte';

export interface GalleryPicture {
  id: number;
  item: GalleryItem;
  /** An object URL of the picture, valid while it is listed. */
  url: string;
}

export class TryOnGallery {
  /** The pictures to show; none while the profile is locked or storage is unavailable. */
  pictures = $state.raw<GalleryPicture[]>([]);
  busy = $state(false);

  readonly #rows = live(
    () => session.db && ([session.db, session.profileId] as const),
    ([db, profileId]) => galleryFor(db, profileId),
    [],
  );

  /** Create while a component is being created. */
  constructor() {
    $effect(() => {
      const rows = this.#rows.error ? [] : this.#rows.current;
      const shown = rows.map((item) => ({
        id: item.id!,
        item,
        url: URL.createObjectURL(new Blob([item.image], { type: item.mimeType })),
      }));
      this.pictures = shown;
      return () => shown.forEach((p) => URL.revokeObjectURL(p.url));
    });
  }

  /** Erases one snapshot; says so, or why it could not. */
  async erase(id: number): Promise<void> {
    const db = session.db;
    if (!db) return;
    this.busy = true;
    try {
      await eraseGalleryPicture(db, id);
      notify(i18n.t.tryOn.gallery.erased);
    } catch (e) {
      reportStorageError(e);
    } finally {
      this.busy = false;
    }
  }
}
