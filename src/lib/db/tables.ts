/**
 * What each table of the schema is, declared once. The sealing of protected profiles, the kiosk
 * wipe, export and import, and profile removal all read this policy instead of keeping lists of
 * their own, so a new table is one entry here: the compiler asks for it (the policy is keyed by
 * the schema's table names) and a unit test checks the opened schema against it.
 */
import type { Collection, TableProp } from 'dexie';
import { BANDIT_KEY } from '../promotions/shared/keys';
import { SHOP_MODEL_SNAPSHOT } from '../recommender/shared/keys';
import type { AisleDB } from './schema';

/** A table of the schema, by name. */
export type TableName = TableProp<AisleDB>;

/** How a protected profile's rows are sealed. */
export interface Sealing {
  /** Fields kept in clear so that IndexedDB's keys and the profile index keep working. */
  readonly clear: readonly string[];
  /** An auto-increment key: assigned after sealing, so it can't be bound into the row's AAD. */
  readonly autoKey?: string;
}

/** The shop's data (the generated catalog, a shop's imported ratings or FAQ): no shopper's. */
export interface ShopTablePolicy {
  readonly data: 'shop';
}

/** The shopper's own data: in the export file, and replaced by an import. */
export interface PersonalTablePolicy {
  readonly data: 'personal';
  /**
   * How a row names its profile, so that it goes with the profile: an indexed `profileId`, an
   * optional `profileId` without an index ('scanned'), or not at all.
   */
  readonly byProfile: 'indexed' | 'scanned' | false;
  /** Sealed with its profile's key while that profile is protected. */
  readonly sealed: Sealing | false;
  /**
   * What goes when a kiosk shopper's session ends: the shopper's rows ('shopper'), those and
   * every row created since the session began ('shopper+new': a shared model may have learned
   * from the shopper), or the settings learned from the shopper ('derived', SETTINGS.shopperDerived).
   */
  readonly kioskWipe: 'shopper' | 'shopper+new' | 'derived' | false;
  /** Kept, coarsened, in the de-identified export (src/lib/privacy/export.ts). */
  readonly deidentified: boolean;
}

export type TablePolicy = ShopTablePolicy | PersonalTablePolicy;

export const TABLES = {
  /** The generated catalog, replaced when its version changes. */
  products: { data: 'shop' },
  /** Who shops on this device (members and the guest). */
  profiles: {
    data: 'personal',
    byProfile: false,
    sealed: false,
    kioskWipe: false,
    deidentified: true,
  },
  /** Star ratings. The product id is part of the key: sealed, it is kept as a keyed pseudonym. */
  ratings: {
    data: 'personal',
    byProfile: 'indexed',
    sealed: { clear: ['profileId', 'productId'] },
    kioskWipe: 'shopper',
    deidentified: true,
  },
  /** Views, clicks, adds to cart and purchases. */
  events: {
    data: 'personal',
    byProfile: 'indexed',
    sealed: { clear: ['id', 'profileId'], autoKey: 'id' },
    kioskWipe: 'shopper',
    deidentified: true,
  },
  /** Orders the shopper placed. */
  orders: {
    data: 'personal',
    byProfile: 'indexed',
    sealed: { clear: ['id', 'profileId'] },
    kioskWipe: 'shopper',
    deidentified: true,
  },
  /** What the shopper has in the cart, or saved for later. */
  cart: {
    data: 'personal',
    byProfile: 'indexed',
    sealed: { clear: ['id', 'profileId'], autoKey: 'id' },
    kioskWipe: 'shopper',
    deidentified: false,
  },
  /** Preferences and device state; see SETTINGS for the rows with a role of their own. */
  settings: {
    data: 'personal',
    byProfile: false,
    sealed: false,
    kioskWipe: 'derived',
    deidentified: false,
  },
  /** Trained models: the shop's shared ones, and a profile's own (with a profileId). */
  modelSnapshots: {
    data: 'personal',
    byProfile: 'scanned',
    sealed: { clear: ['id', 'profileId'] },
    kioskWipe: 'shopper+new',
    deidentified: false,
  },
  /** A shop's imported ratings data set. */
  datasets: { data: 'shop' },
  /** Try-on pictures the shopper kept. */
  gallery: {
    data: 'personal',
    byProfile: 'indexed',
    sealed: { clear: ['id', 'profileId'], autoKey: 'id' },
    kioskWipe: 'shopper',
    deidentified: false,
  },
  /** Chats with the shop's assistant. */
  conversations: {
    data: 'personal',
    byProfile: 'indexed',
    sealed: { clear: ['id', 'profileId'], autoKey: 'id' },
    kioskWipe: 'shopper',
    deidentified: false,
  },
  /** What happened to the promotions shown. */
  promotionEvents: {
    data: 'personal',
    byProfile: 'indexed',
    sealed: { clear: ['id', 'profileId'], autoKey: 'id' },
    kioskWipe: 'shopper',
    deidentified: true,
  },
  /** A shop's imported FAQ. */
  knowledgeBases: { data: 'shop' },
} as const satisfies Record<TableName, TablePolicy>;

type Policies = typeof TABLES;
type TablesWhere<P> = { [K in TableName]: Policies[K] extends P ? K : never }[TableName];

export type PersonalTable = TablesWhere<{ data: 'personal' }>;
export type ProfileTable = TablesWhere<{ byProfile: 'indexed' | 'scanned' }>;
export type SealedTable = TablesWhere<{ sealed: Sealing }>;
export type DeidentifiedTable = TablesWhere<{ deidentified: true }>;

/** A table's policy, widened for code that reads any table's. */
export const policyOf = (table: TableName): TablePolicy => TABLES[table];

const names = Object.keys(TABLES) as TableName[];
const personal = (t: TableName): PersonalTablePolicy | undefined => {
  const p = policyOf(t);
  return p.data === 'personal' ? p : undefined;
};

/** The shopper's own tables, in the export file's order. */
export const PERSONAL_TABLES = names.filter((t) => personal(t)) as PersonalTable[];

/** Tables whose rows are sealed while their profile is protected. */
export const SEALED_TABLES = names.filter((t) => personal(t)?.sealed) as SealedTable[];

/** Tables kept, coarsened, in the de-identified export. */
export const DEIDENTIFIED_TABLES = names.filter(
  (t) => personal(t)?.deidentified,
) as DeidentifiedTable[];

/** Tables whose rows belong to a profile (they go with it). */
export const PROFILE_TABLES = names.filter((t) => personal(t)?.byProfile) as ProfileTable[];

/**
 * A profile's rows of a table that belongs to profiles, as stored (deleting them needs no key).
 * A table without a profile index has few rows (model snapshots): a scan is fine.
 */
export function profileRows(db: AisleDB, table: ProfileTable, profileId: string): Collection {
  const rows = db.table(table);
  return TABLES[table].byProfile === 'indexed'
    ? rows.where('profileId').equals(profileId)
    : rows.filter((r: { profileId?: string }) => r.profileId === profileId);
}

export function isSealedTable(name: string): name is SealedTable {
  return (SEALED_TABLES as readonly string[]).includes(name);
}

export function sealingOf(table: SealedTable): Sealing {
  return TABLES[table].sealed;
}

// ---------- settings rows with a role of their own (every other setting is the shopper's) ----------

/** The version of the stored catalog. */
export const CATALOG_VERSION_KEY = 'catalogVersion';
/** Prefix of a protected profile's key record (`vault:<profileId>`). */
export const VAULT_PREFIX = 'vault:';
export const vaultKey = (profileId: string) => `${VAULT_PREFIX}${profileId}`;

export const SETTINGS = {
  /** Describe the device, not the shopper: never exported, and kept by an import. */
  device: { keys: [CATALOG_VERSION_KEY], prefixes: [VAULT_PREFIX] },
  /** Learned from whoever shopped (the promotions bandit): erased when a kiosk session ends. */
  shopperDerived: [BANDIT_KEY],
} as const;

/**
 * Shared rows learned from every profile's data and kept in clear (the bandit's state, the shop
 * recommender's snapshot). Protecting a profile deletes them in the same transaction; they are
 * learned again without it, since shared reads leave a protected profile's rows out.
 */
export const LEARNED_FROM_PROFILES = {
  settings: SETTINGS.shopperDerived,
  snapshots: [SHOP_MODEL_SNAPSHOT],
} as const;

export function isDeviceSetting(key: string): boolean {
  const { keys, prefixes } = SETTINGS.device;
  return (keys as readonly string[]).includes(key) || prefixes.some((p) => key.startsWith(p));
}

/**
 * Cache Storage holds the app's own files (the precache, and the heavy assets fetched on first
 * use: try-on models, word vectors, wasm) and nothing of a shopper's. Erasing data or ending a
 * kiosk session keeps these, so the app still works offline; any other cache goes.
 */
export const ASSET_CACHE = 'private-aisle-assets';
export function isAppCache(name: string): boolean {
  return name.startsWith('workbox-precache') || name === ASSET_CACHE;
}
