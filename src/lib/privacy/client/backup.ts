/** Export and import with encryption, for the privacy center (loaded with My data only). */
import { exportData, importData, parseImport, type ImportError } from '../../db/backup';
import { protectProfile, type AisleDB } from '../../db';
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

/**
 * Imports an encrypted export: a wrong passphrase or a changed file throws before anything is
 * touched; an invalid content returns its ImportError; profiles that were protected are
 * protected again with the file's passphrase.
 */
export async function importEncrypted(
  db: AisleDB,
  envelope: EncryptedExport,
  passphrase: string,
): Promise<ImportError | undefined> {
  const { json, protect } = await openEncryptedExport(envelope, passphrase);
  const parsed = parseImport(json);
  if (!parsed.ok) return parsed.error;
  await importData(db, parsed.file);
  const present = new Set(parsed.file.tables.profiles.map((p) => p.id));
  for (const id of protect) if (present.has(id)) await protectProfile(db, id, passphrase);
  return undefined;
}
