/**
 * The My data store: what the privacy center shows (stored rows per table, storage use) and
 * what it does (export, import, erase, profiles). The view and its sections only render this
 * and call its methods; every read and write goes through db/ functions, and the table counts
 * are a live read, so they follow any change (an import, a removed conversation) by themselves.
 * Create it while a component is being created (it starts effects).
 */
import { untrack } from 'svelte';
import {
  MIN_PASSPHRASE,
  WrongPassphraseError,
  addProfile,
  removeProfile,
  renameProfile,
  storageEstimate,
  toStorageError,
  type Profile,
} from '../../db';
import {
  eraseAllData,
  importData,
  parseImport,
  readImportFile,
  tableStats,
  type ImportError,
  type TableStat,
} from '../../db/backup';
import { live } from '../../db/live.svelte';
import { i18n } from '../../i18n/locale.svelte';
import { notify, reportStorageError, storageErrorText } from '../../shell/notices.svelte';
import {
  refreshProfiles,
  replaceDatabase,
  selectProfile,
  session,
} from '../../shell/session.svelte';
import { asEncryptedExport, type EncryptedExport } from '../export';
import { exportText, importOpened, openEncryptedImport, type ExportKind } from './backup';
import { vault } from './vault.svelte';

export type { ExportKind } from './backup';
export type { EncryptedExport } from '../export';

/** An import file that was refused, said in the shopper's language (with where, if known). */
export function importErrorText(error: ImportError): string {
  const t = i18n.t.errors;
  return [t.import[error.code], error.path ? t.at(error.path) : ''].filter(Boolean).join(' ');
}

/** Saves text as a dated JSON file in the browser's downloads. */
function download(text: string, suffix: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `private-aisle-${new Date().toISOString().slice(0, 10)}${suffix}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const SUFFIX: Record<ExportKind, string> = {
  encrypted: '-encrypted',
  plain: '',
  deidentified: '-deidentified',
};

export class MyDataStore {
  /** A storage action is running: the buttons that start another wait. */
  busy = $state(false);
  /** Why the last import file was refused ('' when it wasn't). */
  importProblem = $state('');
  /** The browser's storage use and quota; null where it can't tell. */
  usage = $state.raw<{ usage: number; quota: number } | null>(null);
  /** Whether the browser keeps our data under storage pressure; null where it can't tell. */
  persisted = $state<boolean | null>(null);

  readonly #stats = live(
    () => session.db,
    (db) => tableStats(db),
    [] as TableStat[],
  );

  constructor() {
    // A change in the stored rows changes the storage use too.
    $effect(() => {
      void this.#stats.current;
      untrack(() => void this.refreshUsage());
    });
  }

  /** Rows and their rough size, per table. */
  get stats(): TableStat[] {
    return this.#stats.current;
  }
  /** Storage is open: the actions can run. */
  get ready(): boolean {
    return session.db !== null;
  }
  get profiles(): Profile[] {
    return session.profiles;
  }
  /** A protected profile's data leaves encrypted unless the user chooses otherwise. */
  get anyProtected(): boolean {
    return vault.anyProtected(session.db);
  }

  /** The last member profile stays: someone must own the device's data. */
  canRemove(profile: Profile): boolean {
    return profile.kind === 'member' && this.profiles.filter((p) => p.kind === 'member').length > 1;
  }

  async refreshUsage(): Promise<void> {
    this.usage = await storageEstimate();
    this.persisted = (await navigator.storage?.persisted?.()) ?? null;
  }

  /** Runs a storage action with one busy flag and a localized error notice on failure. */
  async #run(action: (db: NonNullable<typeof session.db>) => Promise<void>): Promise<void> {
    const db = session.db;
    if (!db) return;
    this.busy = true;
    try {
      await action(db);
    } catch (e) {
      reportStorageError(e);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Writes an export file of the given kind. Returns why it could not ('' when it was saved):
   * a too short passphrase, a locked profile, a storage failure.
   */
  async exportAs(kind: ExportKind, passphrase = ''): Promise<string> {
    const db = session.db;
    if (!db) return '';
    if (kind === 'encrypted' && [...passphrase].length < MIN_PASSPHRASE) {
      return i18n.t.privacy.encryption.errors.short(MIN_PASSPHRASE);
    }
    this.busy = true;
    try {
      download(await exportText(db, kind, passphrase), SUFFIX[kind]);
      notify(i18n.t.myData.exported);
      return '';
    } catch (e) {
      const code = toStorageError(e).code;
      return code === 'locked' ? i18n.t.privacy.exports.unlockFirst : storageErrorText(e);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Reads an import file and replaces all personal data with it. An encrypted file is not
   * imported: it comes back, for the passphrase to be asked (then `importEncrypted`).
   */
  async importFile(file: File): Promise<EncryptedExport | null> {
    this.importProblem = '';
    let envelope: EncryptedExport | null = null;
    await this.#run(async () => {
      let text: string;
      try {
        text = await readImportFile(file);
      } catch (e) {
        this.importProblem = importErrorText(e as ImportError);
        return;
      }
      envelope = asEncryptedExport(text) ?? null;
      if (envelope) return;
      const parsed = parseImport(text);
      if (!parsed.ok) {
        this.importProblem = importErrorText(parsed.error);
        return;
      }
      const content = parsed.file;
      await replaceDatabase(async (same) => {
        await importData(same, content);
        return same;
      });
      notify(i18n.t.myData.imported);
    });
    return envelope;
  }

  /** Imports an encrypted export file. Returns why it could not ('' when it was imported). */
  async importEncrypted(envelope: EncryptedExport, passphrase: string): Promise<string> {
    if (!session.db) return '';
    this.busy = true;
    try {
      const opened = await openEncryptedImport(envelope, passphrase);
      if (!('file' in opened)) return importErrorText(opened);
      await replaceDatabase(async (same) => {
        await importOpened(same, opened);
        return same;
      });
      notify(i18n.t.privacy.exports.imported);
      return '';
    } catch (e) {
      return e instanceof WrongPassphraseError
        ? i18n.t.privacy.exports.wrongFilePassphrase
        : storageErrorText(e);
    } finally {
      this.busy = false;
    }
  }

  /** Deletes everything this app stored on the device and starts afresh. */
  erase(): Promise<void> {
    return this.#run(async () => {
      await replaceDatabase(eraseAllData);
      i18n.reset();
      notify(i18n.t.myData.erased);
    });
  }

  /** Adds a member profile; false when the name is empty or it could not be stored. */
  async addProfile(name: string): Promise<boolean> {
    const clean = name.trim();
    if (!clean) return false;
    let added = false;
    await this.#run(async (db) => {
      await addProfile(db, clean, 'member');
      await refreshProfiles();
      added = true;
    });
    return added;
  }

  renameProfile(id: string, name: string): Promise<void> {
    return this.#run(async (db) => {
      await renameProfile(db, id, name);
      await refreshProfiles();
    });
  }

  /** Removes a profile with everything of it. */
  removeProfile(id: string): Promise<void> {
    return this.#run(async (db) => {
      await removeProfile(db, id);
      await refreshProfiles();
    });
  }

  selectProfile(id: string): Promise<void> {
    return this.#run(() => selectProfile(id));
  }
}
