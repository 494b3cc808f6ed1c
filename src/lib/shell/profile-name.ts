import { i18n } from '../i18n/locale.svelte';
import type { Profile } from '../db';

/** The built-in profiles are named in the UI language; people's own profiles keep their name. */
export function profileName(p: Profile): string {
  if (p.kind === 'guest') return i18n.t.profile.guest;
  if (p.id === 'me') return i18n.t.profile.me;
  return p.name;
}
