export { openStore, type OpenStoreOptions } from './open-store.js';
export { DEFAULT_SQLITE_PATH } from './create-dialect.js';
export type { Store, NewDelivery, DeliveryRecord, DeliveryStatus, WaiverRecord } from './types.js';
