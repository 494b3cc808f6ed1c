/** The demo catalog, generated once in memory: the Shop never waits for IndexedDB. */
import { generateCatalog } from '../catalog/generate';

export const products = generateCatalog();
export const productById = new Map(products.map((p) => [p.id, p]));
