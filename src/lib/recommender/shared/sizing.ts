/**
 * The rating part's hyper-parameters by data size: what `trainHybrid` fills in for the values its
 * caller does not give.
 *
 * Why: DEFAULT_HYBRID_CONFIG was tuned on MovieLens 100K (80K ratings per split), where strong
 * regularisation (λ_p = λ_q = 0.1) over 30 epochs of 32 factors wins. A million ratings want the
 * opposite trade: far more data per parameter, so weaker regularisation, and every epoch costs
 * ten times as much, so fewer of them. Tuned on MovieLens 1M, on a validation split (10%, seed
 * 4242) carved from the 90% training part of the harness's 90/10 split (seed 42), never on its
 * test part (validation RMSE on 810K training rows; Node 20 wall time on a loaded 2-core machine,
 * the trainer's rating part only):
 *
 *   defaults (32 factors, λ 0.1), 24 epochs                           0.848   ~24 s
 *   32 factors, λ_p = λ_q 0.05, lr 0.02 × 0.92 per epoch, 16 epochs    0.839   ~11 s
 *   the same with 16 factors                                           0.840    ~6 s
 *   16 factors, λ_y 0.0003 (not 0.003), lr 0.06 × 0.7, 8 epochs         0.838    ~3 s
 *
 * λ_y is applied once per row of the user, so with users of hundreds of rows the default is
 * strong; λ_y = 0 overfits (0.845). Twice the factors gained 0.001 at twice the cost.
 *
 * Where the two settings cross (ML-1M subsampled by user, same validation rows, defaults vs the
 * large-data settings): 265K rows 0.862 vs 0.870, 407K 0.8535 vs 0.8549, 810K 0.848 vs 0.838.
 * From LARGE_DATA_ROWS on, the large-data settings are within 0.002 of the defaults or better,
 * and about five times faster to train.
 *
 * The ranking part: on ML-1M's top-N training set 4 iALS sweeps give the HR@10 of 8 (0.819 vs
 * 0.820) in 60% of the time. The item-item part is left out: EASE's dense inverse of 3,706 items
 * alone would take longer than the whole training budget (15 s) here, and the cosine item-kNN
 * that would stand in for it lowered top-N on a validation row per user carved from the top-N
 * training set (sampled HR@10 0.737 with it, 0.813 without; scaled down 300×, 0.812, and 7 s
 * more). A catalog of a few thousand items with fewer rows (a shop's purchases) keeps EASE.
 */
import type { HybridConfig } from './model';

/** Training rows from which `configForSize` returns the large-data settings. */
export const LARGE_DATA_ROWS = 400_000;

/** The settings for LARGE_DATA_ROWS rows and more (tuned on ML-1M, see above). */
export const LARGE_DATA_CONFIG: Readonly<Partial<HybridConfig>> = Object.freeze({
  dim: 16,
  epochs: 8,
  lr: 0.06,
  lrDecay: 0.7,
  regUser: 0.05,
  regItem: 0.05,
  regHistory: 0.0003,
  rankIterations: 4,
  itemItemTopK: 0,
});

/**
 * Hyper-parameters for training on `numRatings` rows, to be laid over DEFAULT_HYBRID_CONFIG and
 * under the caller's own values: nothing below LARGE_DATA_ROWS, the large-data settings from there.
 */
export function configForSize(numRatings: number): Partial<HybridConfig> {
  return numRatings >= LARGE_DATA_ROWS ? { ...LARGE_DATA_CONFIG } : {};
}

/**
 * Only the ranking part's sized values: the tfjs engine tunes its own rating part
 * (TFJS_TUNING) but shares the ranking part's code, so it shares its time budget too.
 */
export function rankingForSize(numRatings: number): Partial<HybridConfig> {
  const { rankIterations, itemItemTopK } = configForSize(numRatings);
  return numRatings >= LARGE_DATA_ROWS ? { rankIterations, itemItemTopK } : {};
}
