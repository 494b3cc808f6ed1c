/** One polite live region for outcomes ("Saved", "Import complete") and one assertive for errors. */
import { toStorageError } from '../db/errors';
import { i18n } from '../i18n/locale.svelte';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

let notices = $state<Notice[]>([]);
let next = 1;

export function notify(
  text: string,
  kind: Notice['kind'] = 'info',
  ms = kind === 'error' ? 10000 : 5000,
) {
  // The same message twice at once (two failed writes of one action) says nothing new.
  if (notices.some((n) => n.kind === kind && n.text === text)) return;
  const id = next++;
  notices.push({ id, kind, text });
  setTimeout(() => dismiss(id), ms);
}

export function dismiss(id: number) {
  notices = notices.filter((n) => n.id !== id);
}

export const noticeList = {
  get all(): Notice[] {
    return notices;
  },
};

/** A failed read or write, said in the shopper's language (quota, locked, unavailable, ...). */
export function storageErrorText(e: unknown): string {
  return i18n.t.errors[toStorageError(e).code];
}

/** Reports a failed read or write as an error notice; nothing stored before is lost. */
export function reportStorageError(e: unknown): void {
  notify(storageErrorText(e), 'error');
}
