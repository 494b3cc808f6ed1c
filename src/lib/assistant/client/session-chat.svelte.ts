/**
 * The app's one chat: a ChatStore over the session's database and profile, created when Help or
 * My data first needs it and kept for the app's life, so the trained model and the conversation
 * survive moving between views.
 */
import { i18n } from '../../i18n/locale.svelte';
import { vault } from '../../privacy/client/vault.svelte';
import { reportStorageError } from '../../shell/notices.svelte';
import { session } from '../../shell/session.svelte';
import { ChatStore, type ChatSource } from './chat.svelte';

const source: ChatSource = {
  get db() {
    return session.db;
  },
  get profileId() {
    return session.profileId;
  },
  get ready() {
    return session.ready;
  },
  get locked() {
    return vault.isLocked(session.db, session.profileId);
  },
  get locale() {
    return i18n.locale;
  },
};

let chat: ChatStore | undefined;

export function sessionChat(): ChatStore {
  if (!chat)
    $effect.root(() => {
      chat = new ChatStore(source, {
        navigate: (hash) => (location.hash = hash),
        onStorageError: reportStorageError,
      });
    });
  return chat!;
}
