/**
 * Public API of the local data layer. Export, import and erase live in './backup', imported
 * directly by the privacy center so that their validation code loads only with that view.
 */
export * from './schema';
export { StorageError, toStorageError, type StorageErrorCode } from './errors';
export { openDatabase, DEFAULT_PROFILE_ID, GUEST_PROFILE_ID } from './database';
export * from './repo';
export * from './catalog';
export * from './cart';
export * from './assistant';
export * from './promotions';
export * from './recommender';
export * from './sealing';
export * from './storage';
export * from './tryon';
export { ASSET_CACHE, isAppCache } from './tables';
