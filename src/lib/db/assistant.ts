/**
 * The assistant's storage: a profile's conversation, its orders (for "where is my order") and the
 * shop's imported FAQs. The chat store and My data call these; nothing else touches the tables.
 */
import { guard } from './errors';
import type { AisleDB, ChatMessage, KnowledgeBase } from './schema';

/** A profile's conversation, oldest turn first. */
export function conversationOf(db: AisleDB, profileId: string): Promise<ChatMessage[]> {
  return guard(() => db.conversations.where('profileId').equals(profileId).sortBy('at'));
}

/** Stores one turn; returns its id. */
export function addChatMessage(db: AisleDB, message: ChatMessage): Promise<number> {
  return guard(async () => (await db.conversations.add(message)) as number);
}

/** Erases a profile's conversation (each family member erases their own). */
export function eraseConversation(db: AisleDB, profileId: string): Promise<void> {
  return guard(async () => {
    await db.conversations.where('profileId').equals(profileId).delete();
  });
}

/** The imported FAQs, entries included (what the assistant trains on). */
export function knowledgeBases(db: AisleDB): Promise<KnowledgeBase[]> {
  return guard(() => db.knowledgeBases.toArray());
}

/** The imported FAQs by id and file name (what My data lists). */
export function listKnowledgeBases(db: AisleDB): Promise<Pick<KnowledgeBase, 'id' | 'name'>[]> {
  return guard(async () =>
    (await db.knowledgeBases.toArray()).map(({ id, name }) => ({ id, name })),
  );
}

/** Stores an imported FAQ, replacing the one with the same id. */
export function putKnowledgeBase(db: AisleDB, kb: KnowledgeBase): Promise<void> {
  return guard(async () => {
    await db.knowledgeBases.put(kb);
  });
}

export function removeKnowledgeBase(db: AisleDB, id: string): Promise<void> {
  return guard(() => db.knowledgeBases.delete(id));
}
