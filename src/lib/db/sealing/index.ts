/**
 * Encryption at rest, as the rest of the app sees it: the passphrase operations on a profile and
 * the errors they throw. The middleware, keyring and crypto stay the data layer's own.
 */
export {
  AlreadyProtectedError,
  MIN_PASSPHRASE,
  NotProtectedError,
  WeakPassphraseError,
  changePassphrase,
  loadKeyring,
  lockProfile,
  protectProfile,
  removeProtection,
  unlockProfile,
  type RekeyOptions,
} from './protection';
export { TamperedError, WrongPassphraseError } from './crypto';
export { ProfileLockedError } from './keyring';
