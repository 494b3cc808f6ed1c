/** Public API of the local data layer. */
export * from './schema';
export { StorageError, toStorageError, type StorageErrorCode } from './errors';
export { openDatabase, DEFAULT_PROFILE_ID, GUEST_PROFILE_ID } from './database';
export { demoOrders } from './demo-orders';
export * from './repo';
export * from './backup';
export * from './storage';
