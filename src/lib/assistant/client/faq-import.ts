/**
 * "Import a FAQ" from My data: the whole file is validated first, then stored in one put, so a
 * bad file changes nothing and a good one replaces the previous import at once. The assistant
 * notices the new knowledge base the next time it prepares, and retrains.
 */
import { putKnowledgeBase, type AisleDB } from '../../db';
import { MAX_FAQ_IMPORT_BYTES, parseFaqImport, type FaqImportCode } from '../shared/knowledge';

/** One imported FAQ at a time: a new file replaces it. */
export const SHOP_FAQ_ID = 'shop-faq';

export type FaqImportOutcome =
  | { ok: true; intents: number; questions: number }
  | {
      ok: false;
      code: FaqImportCode | 'unreadable' | 'storage';
      where?: string;
      detail?: string;
    };

export async function importFaq(db: AisleDB, file: File): Promise<FaqImportOutcome> {
  if (file.size > MAX_FAQ_IMPORT_BYTES) return { ok: false, code: 'too-large' };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, code: 'unreadable' };
  }
  const parsed = parseFaqImport(text, file.name);
  if (!parsed.ok) return { ok: false, ...parsed.error };
  await putKnowledgeBase(db, {
    id: SHOP_FAQ_ID,
    name: file.name,
    importedAt: Date.now(),
    entries: parsed.entries,
  });
  return { ok: true, intents: parsed.entries.length, questions: parsed.questions };
}
