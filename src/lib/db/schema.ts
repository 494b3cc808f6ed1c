/** IndexedDB schema for Private Aisle. Everything here stays on the device. */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Product } from '../catalog/types';
import { Holds } from './holds';
import { Keyring, type VaultMessage } from './sealing/keyring';
import { encryptionMiddleware } from './sealing/middleware';
import { VAULT_PREFIX } from './tables';

import type { Dataset, EventType, Rating, ShopEvent, Stars } from '../recommender/shared/rows';
import type { CartLine, Order, OrderItem, OrderStatus } from '../cart/shared/types';
export type { Dataset, EventType, Rating, ShopEvent, Stars };
export type { CartLine, Order, OrderItem, OrderStatus };

export const DB_NAME = 'private-aisle';

export type ProfileKind = 'member' | 'guest';

export interface Profile {
  id: string;
  name: string;
  kind: ProfileKind;
  createdAt: number;
}

export interface Setting {
  key: string;
  value: unknown;
}

export interface ModelSnapshot {
  id: string;
  name: string;
  version: number;
  createdAt: number;
  meta: Record<string, unknown>;
  weights: ArrayBuffer;
  /** Set for a model of one profile: then it is sealed with that profile's data when protected. */
  profileId?: string;
}

/** A try-on picture the shopper chose to keep (the only way a camera frame is ever stored). */
export interface GalleryItem {
  id?: number; // auto-increment
  profileId: string;
  /** The products worn in the picture (two when comparing side by side). */
  productIds: string[];
  createdAt: number;
  /** The encoded picture (e.g. image/jpeg), and its type. */
  image: ArrayBuffer;
  mimeType: string;
}

/** One turn of a conversation with the shop's assistant. */
export interface ChatMessage {
  id?: number; // auto-increment
  profileId: string;
  role: 'shopper' | 'assistant';
  text: string;
  at: number;
  /** The intent the assistant recognised (assistant turns only). */
  intent?: string;
}

/** Shown; clicked; saved from the banner; redeemed (applied to an order placed). */
export type PromotionEventType = 'impression' | 'click' | 'save' | 'redeem';

/** What happened to a promotion shown on this device: what the bandit learns from. */
export interface PromotionEvent {
  id?: number; // auto-increment
  profileId: string;
  promotionId: string;
  type: PromotionEventType;
  at: number;
  /** The context features the bandit chose with, so that it can learn from this event. */
  context?: number[];
}

/** A shop's own FAQ, imported from My data; the assistant trains on it with the built-in one. */
export interface KnowledgeBase {
  id: string;
  name: string;
  importedAt: number;
  /** Validated entries, in the shape of the built-in knowledge base. */
  entries: unknown[];
}

/** One step of the schema history. Dexie only needs the tables a step changes. */
export interface SchemaStep {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * The schema as a history: never edit a shipped step, append a new one
 * (version N+1, with an upgrade if existing rows need changing).
 */
export const SCHEMA_HISTORY: readonly SchemaStep[] = [
  {
    version: 1,
    stores: {
      products: 'id, category',
      profiles: 'id',
      ratings: '[profileId+productId], profileId, productId',
      events: '++id, profileId, productId, type, at',
      settings: 'key',
    },
  },
  {
    version: 2,
    stores: {
      profiles: 'id, kind',
      ratings: '[profileId+productId], profileId, productId, updatedAt',
      orders: 'id, profileId, placedAt',
      modelSnapshots: 'id, [name+version], createdAt',
    },
    upgrade: async (tx) => {
      // Profiles from version 1 were all household members; guests came with version 2.
      await tx
        .table<Partial<Profile>>('profiles')
        .toCollection()
        .modify((p) => {
          if (p.kind !== 'member' && p.kind !== 'guest') p.kind = 'member';
        });
      // The upgrade time is the best estimate we have for an unknown rating time.
      const now = Date.now();
      await tx
        .table<Partial<Rating>>('ratings')
        .toCollection()
        .modify((r) => {
          if (typeof r.updatedAt !== 'number') r.updatedAt = now;
        });
    },
  },
  {
    version: 3,
    stores: { datasets: 'id' },
  },
  {
    version: 4,
    stores: {
      gallery: '++id, profileId, createdAt',
      conversations: '++id, profileId, at',
      promotionEvents: '++id, profileId, promotionId, type, at',
      knowledgeBases: 'id',
    },
  },
  {
    version: 5,
    stores: { cart: '++id, profileId' },
    // Orders before this version were made up by the app (a demo history), never placed by the
    // shopper: they go.
    upgrade: (tx) => tx.table('orders').clear(),
  },
];

export const SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

export class AisleDB extends Dexie {
  declare products: EntityTable<Product, 'id'>;
  declare profiles: EntityTable<Profile, 'id'>;
  declare ratings: Table<Rating, [string, string]>;
  declare events: EntityTable<ShopEvent, 'id'>;
  declare orders: EntityTable<Order, 'id'>;
  declare cart: EntityTable<CartLine, 'id'>;
  declare settings: EntityTable<Setting, 'key'>;
  declare modelSnapshots: EntityTable<ModelSnapshot, 'id'>;
  declare datasets: EntityTable<Dataset, 'id'>;
  declare gallery: EntityTable<GalleryItem, 'id'>;
  declare conversations: EntityTable<ChatMessage, 'id'>;
  declare promotionEvents: EntityTable<PromotionEvent, 'id'>;
  declare knowledgeBases: EntityTable<KnowledgeBase, 'id'>;

  /** Protected profiles and this session's keys (encryption at rest, ./sealing). */
  readonly keyring = new Keyring();
  /** Background work holding this instance, stopped and awaited before it is replaced. */
  readonly holds = new Holds();

  constructor(name: string = DB_NAME) {
    super(name);
    for (const step of SCHEMA_HISTORY) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    this.use(encryptionMiddleware(this.keyring));
    this.on('ready', () => this.#loadKeyring());
    // Protection is a state every tab of the origin obeys at once (see VaultMessage).
    if (typeof BroadcastChannel !== 'undefined') {
      const channel = new BroadcastChannel(`private-aisle-vault:${name}`);
      (channel as { unref?: () => void }).unref?.(); // Node (unit tests): never keeps it running
      channel.onmessage = ({ data }: MessageEvent<VaultMessage>) => {
        if (data.kind === 'reload') void this.#loadKeyring().catch(() => undefined);
        else this.keyring.receive(data);
      };
      this.keyring.connect((message) => {
        try {
          channel.postMessage(message);
        } catch {
          // closed with its database, or keys this runtime cannot clone: the tab's own state holds
        }
      });
      this.#channel = channel;
    }
  }

  readonly #channel: BroadcastChannel | null = null;

  async #loadKeyring(): Promise<void> {
    this.keyring.load(await this.settings.where('key').startsWith(VAULT_PREFIX).toArray());
  }

  override close(options?: { disableAutoOpen: boolean }): void {
    // A close that reopens on next use (Dexie's, when another tab upgrades) keeps the channel.
    if (options?.disableAutoOpen !== false) this.#channel?.close();
    super.close(options);
  }
}
