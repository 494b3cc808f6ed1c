/** Export and import with encryption, for the privacy center (loaded with My data only). */
import {
  exportData,
  importData,
  parseImport,
  type ExportFile,
  type ImportError,
} from '../../db/backup';
import type { AisleDB } from '../../db';
import { deidentify, openEncryptedExport, sealExport, type EncryptedExport } from '../export';

export type ExportKind = 'encrypted' | 'plain' | 'deidentified';

/** The text of an export file of the kind asked for. Locked profiles make it fail ('locked'). */
export async function exportText(
  db: AisleDB,
  kind: ExportKind,
  passphrase?: string,
): Promise<string> {
  const file = await exportData(db);
  if (kind === 'plain') return JSON.stringify(file, null, 2);
  if (kind === 'deidentified') return JSON.stringify(deidentify(file), null, 2);
  if (!passphrase) throw new Error('An encrypted export needs a passphrase');
  return sealExport(file, passphrase, db.keyring.protectedProfiles());
}

/** An encrypted export, decrypted and checked, ready to import. */
export interface OpenedImport {
  readonly file: ExportFile;
  /** The profiles that were protected, to protect again with the file's passphrase. */
  readonly protect: readonly string[];
  readonly passphrase: string;
}

/**
 * Opens an encrypted export without touching the database: a wrong passphrase or a changed file
 * throws WrongPassphraseError; an invalid content is its ImportError.
 */
export async function openEncryptedImport(
  envelope: EncryptedExport,
  passphrase: string,
): Promise<OpenedImport | ImportError> {
  const { json, protect } = await openEncryptedExport(envelope, passphrase);
  const parsed = parseImport(json);
  return parsed.ok ? { file: parsed.file, protect, passphrase } : parsed.error;
}

/** Imports an opened encrypted export; its protected profiles are stored sealed, as before. */
export function importOpened(db: AisleDB, opened: OpenedImport): Promise<void> {
  return importData(db, opened.file, { passphrase: opened.passphrase, profiles: opened.protect });
}
