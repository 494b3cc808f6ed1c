/**
 * The recommender's workers. Vite bundles a worker only from a literal
 * `new Worker(new URL(..., import.meta.url), { type: 'module' })`, so each has its own line here.
 */
export const spawnShopTrainer = () =>
  new Worker(new URL('../worker/train.worker.ts', import.meta.url), { type: 'module' });

export const spawnDatasetTrainer = () =>
  new Worker(new URL('../worker/dataset.worker.ts', import.meta.url), { type: 'module' });

export const spawnRatingsImporter = () =>
  new Worker(new URL('../worker/import.worker.ts', import.meta.url), { type: 'module' });
