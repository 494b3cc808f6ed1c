/**
 * The hybrid recommender's model: its maths, its parameters as plain typed arrays, inference,
 * fold-in of a user and the snapshot format. Every engine (the plain typed-array trainer in
 * js-engine.ts, a later TensorFlow.js one) trains exactly this model; this file is the one
 * place that defines it.
 *
 * Prediction for user u and item i:
 *
 *   r̂(u,i) = μ + b_u + b_i + c̄_i + p̃_u · q̃_i
 *
 *   c̄_i = mean_{f∈F(i)} c_f                     content bias: one learned scalar per feature
 *   ā_i = mean_{f∈F(i)} a_f                     content vector: one learned embedding per feature
 *   g_i = σ(γ₀ + γ₁·ln(1 + n_i))                learned blend gate; n_i = Σ weights of i's rows
 *   q̃_i = q_i + g_i·ā_i                         effective item vector (collaborative + content)
 *   p̃_u = p_u + |N(u)|^-½ · Σ_{j∈N(u)} y_j      effective user vector (SVD++ history term)
 *
 * F(i) is the item's feature list (category, product type, brand, colour, tags, price band,
 * title words; for movies the genres and the decade); an item without features has c̄_i = 0
 * and ā_i = 0. N(u) is the list of the user's training rows (explicit ratings and implicit
 * events alike, one entry per row). An item with no rows keeps q_i = 0 and b_i = 0, so its
 * score comes from its features alone.
 *
 * Training minimises, over the rows (u, i, r, w) with weight w (1 = explicit rating, lower
 * for implicit events, times `implicitWeight` for rows below 1):
 *
 *   Σ w · [ (r − r̂)² + λ_bu b_u² + λ_bi b_i² + λ_p |p_u|² + λ_q |q_i|²
 *           + Σ_{f∈F(i)} (λ_c c_f² + λ_a |a_f|²) + λ_y Σ_{j∈N(u)} |y_j|² + λ_γ |γ|² ]
 *
 * where the λ_γ term counts only for items with features (only they use the gate). Every
 * parameter a row touches is regularised once per row, as per-sample SGD does, so a user with
 * many ratings gets proportionally more regularisation (weighted-λ). `foldInUser` solves the
 * same objective for one user in closed form.
 *
 * After training the model stores p̃_u (not p_u) in `userFactors`: inference needs only that.
 * `itemHistory` (the y_j) stays for folding in users from their ratings.
 *
 * Ranking score (top-N). A model fitted to explicit ratings answers "how much would u like i
 * if u saw it", and ranks obscure, highly rated items first; top-N asks "which items will u
 * pick", and that is learned from which items users interacted with at all. So the model has
 * a second, implicit part, weighted ALS (iALS / WRMF) over the whole user × item matrix:
 *
 *   s(u,i) = x_u · y_i
 *
 *   minimise  Σ_{u,i} c_ui (p_ui − x_u·y_i)² + λ_r Σ_u |x_u|² + λ_r Σ_i |y_i − ē_i|² + λ_e Σ_f |e_f|²
 *
 *   p_ui = 1 if u has a row for i, else 0 (every unobserved pair counts, as a weak "no")
 *   c_ui = 1 + α · Σ_rows w·r                    confidence: more, stronger, better-rated rows
 *   ē_i  = mean_{f∈F(i)} e_f                     content prior: items are pulled towards the
 *                                                vector their features predict, not towards 0
 *
 * Each half-step is closed form. With Y the item matrix and G = YᵀY (the "Gram trick": the
 * sum over all unobserved items is G minus the observed ones, so a solve costs only u's rows):
 *
 *   x_u = (G + Σ_{i∈N(u)} (c_ui − 1) y_i y_iᵀ + λ_r I)⁻¹ Σ_{i∈N(u)} c_ui y_i
 *
 * the item step is the same with users and items swapped plus λ_r ē_i on the right, and the
 * feature step fits e by ridge regression of the y_i on their features. An item nobody touched
 * gets y_i = (XᵀX + λ_r I)⁻¹ λ_r ē_i: it ranks below items people chose, but among such items
 * its features decide. `foldInUser` solves x_u the same way, so a new rating or event changes
 * the list at once. Both parts are trained by one `trainHybrid` call and live in one snapshot.
 *
 * The full ranking score adds two item-item terms over the items H(u) the user chose:
 *
 *   s(u,i) = β·x_u·y_i + Σ_{j∈H(u)} w(j→i) + γ·mean_{j∈H(u)} cos_F(j,i)
 *
 *   w(j→i)     "who chose j also chose i", learned from the same matrix (item-item.ts: EASE on
 *              a catalog of a few thousand chosen items, cosine item-kNN above), sparse
 *   cos_F(j,i) cosine of the two items' features (idf-weighted): a like counts at once for the
 *              items that share its category, brand or words, even in a model that knows
 *              nothing of them yet; a mean, so it stays at most γ however long the history
 *
 * Every term is a sum over H(u), including the latent one: with the fold-in's system
 * A_u = G + Σ_j (c_uj − 1) y_j y_jᵀ + λ_r I, x_u·y_i = Σ_j c_uj · y_jᵀ A_u⁻¹ y_i + λ_r x̄ᵀA_u⁻¹y_i
 * (Hu, Koren and Volinsky 2008, §5; the last part is the average user x̄ the fold-in shrinks
 * towards, nobody's item). So `contributions` gives each chosen item's exact share of the score,
 * and "because you liked X" names the item that really contributed most.
 */
import { addItemItemScores, weightOf, type ItemNeighbours } from './item-item';

/** Hyper-parameters of the hybrid model and its trainer. */
export interface HybridConfig {
  /** Latent factors per user / item / feature. */
  dim: number;
  epochs: number;
  /** Initial SGD learning rate for biases and factors. */
  lr: number;
  /** Multiplies the learning rates after every epoch. */
  lrDecay: number;
  /** Learning rate of the two gate parameters γ. */
  gateLr: number;
  regUserBias: number;
  regItemBias: number;
  /** λ_p, on the user's own factors p_u. */
  regUser: number;
  /** λ_q, on the item's collaborative factors q_i. */
  regItem: number;
  /** λ_y, on the history factors y_j (applied per row of the user, so scaled by |N(u)|). */
  regHistory: number;
  /** λ_a, on the feature embeddings a_f. */
  regFeature: number;
  /** λ_c, on the feature biases c_f. */
  regFeatureBias: number;
  /** λ_γ, on the gate parameters. */
  regGate: number;
  /** Standard deviation of the random initial user and feature factors. */
  initStd: number;
  seed: number;
  /** Multiplies the weight of implicit rows (weight < 1); 1 keeps the data's weights. */
  implicitWeight: number;
  /** Latent factors of the ranking part (x_u, y_i). */
  rankDim: number;
  /** ALS sweeps (users, items, features) of the ranking part; 0 leaves it at zero. */
  rankIterations: number;
  /** α: confidence per unit of w·r of an observed pair. */
  rankAlpha: number;
  /** λ_r, on x_u and on y_i − ē_i. */
  regRank: number;
  /** λ_e, on the feature embeddings e_f of the ranking part. */
  regRankFeature: number;
  /** β: the latent term's weight in the ranking score. */
  latentWeight: number;
  /** γ: the content term's weight in the ranking score. */
  contentWeight: number;
  /** EASE's λ for the item-item weights w(j→i). */
  itemItemLambda: number;
  /** w(j→i) kept per source item j (the strongest); 0 leaves the item-item part out. */
  itemItemTopK: number;
  /** Up to this many chosen items, w is EASE's (a dense inverse); above, cosine item-kNN. */
  itemItemMaxDense: number;
}

/**
 * Tuned on MovieLens 100K (80K ratings per split, genres and decade as features) over the five
 * canonical splits (the README has the scores). Strong regularisation is what makes data this
 * small work; retune the regularisers for data an order of magnitude larger or smaller. The
 * ranking part (leave-last-out, sampled HR@10): more factors or sweeps than these gain nothing
 * measurable, and the score is flat over a wide range of λ_r and α.
 */
export const DEFAULT_HYBRID_CONFIG: Readonly<HybridConfig> = Object.freeze({
  dim: 32,
  epochs: 30,
  lr: 0.015,
  lrDecay: 0.95,
  gateLr: 0.01,
  regUserBias: 0.02,
  regItemBias: 0.02,
  regUser: 0.1,
  regItem: 0.1,
  regHistory: 0.003,
  regFeature: 0.005,
  regFeatureBias: 0.02,
  regGate: 0,
  initStd: 0.1,
  seed: 42,
  implicitWeight: 1,
  rankDim: 24,
  rankIterations: 8,
  rankAlpha: 1,
  regRank: 20,
  regRankFeature: 1,
  latentWeight: 0.3,
  contentWeight: 0.01,
  itemItemLambda: 400,
  itemItemTopK: 100,
  itemItemMaxDense: 4000,
});

/** A trained hybrid model: dimensions and flat `Float32Array`s, row-major (row × dim). */
export interface HybridModel {
  numUsers: number;
  numItems: number;
  numFeatures: number;
  dim: number;
  /** μ: the weighted mean of the training ratings. */
  globalMean: number;
  /** The configuration it was trained with (fold-in reuses its regularisation). */
  config: HybridConfig;
  /** b_u, numUsers. */
  userBias: Float32Array;
  /** p̃_u (own factors plus history term), numUsers × dim. */
  userFactors: Float32Array;
  /** b_i, numItems. */
  itemBias: Float32Array;
  /** q_i, numItems × dim. */
  itemFactors: Float32Array;
  /** y_j, numItems × dim. */
  itemHistory: Float32Array;
  /** n_i: the summed weight of the item's training rows (the gate's input). */
  itemCounts: Float32Array;
  /** c_f, numFeatures. */
  featureBias: Float32Array;
  /** a_f, numFeatures × dim. */
  featureFactors: Float32Array;
  /** [γ₀, γ₁]. */
  gate: Float32Array;
  /** CSR item → features, as ItemFeatures: numItems + 1 offsets into featureIds. */
  itemFeatureOffsets: Uint32Array;
  itemFeatureIds: Uint32Array;
  /** Factors of the ranking part. */
  rankDim: number;
  /** x_u, numUsers × rankDim. */
  rankUserFactors: Float32Array;
  /** y_i (content prior included), numItems × rankDim. */
  rankItemFactors: Float32Array;
  /** w(j→i) as CSR by source j: numItems + 1 offsets into neighbourItems / neighbourWeights. */
  neighbourOffsets: Uint32Array;
  neighbourItems: Uint32Array;
  neighbourWeights: Float32Array;
}

/**
 * A user given directly (from `foldInUser`): bias and effective factors p̃ for ratings, and
 * the ranking factors x for top-N.
 */
export interface UserVector {
  bias: number;
  factors: Float32Array;
  rankFactors: Float32Array;
  /** H(u): the distinct items the user chose (the item-item terms sum over them). */
  history: Uint32Array;
  /** c_uj of each history item (1 + α Σ w·r), for `contributions`. */
  confidence: Float64Array;
  /** Cholesky factor of the fold-in's A_u (rankDim²), for `contributions`; null when empty. */
  system: Float64Array | null;
}

export const RATING_MIN = 1;
export const RATING_MAX = 5;

export const clampRating = (r: number): number =>
  r < RATING_MIN ? RATING_MIN : r > RATING_MAX ? RATING_MAX : r;

/** g_i: how much of the content vector the item uses. */
export function itemGate(model: HybridModel, i: number): number {
  const x = model.gate[0]! + model.gate[1]! * Math.log1p(model.itemCounts[i]!);
  return 1 / (1 + Math.exp(-x));
}

/** b_i + c̄_i: the item's bias including its content bias. */
export function itemBiasOf(model: HybridModel, i: number): number {
  const { itemFeatureOffsets: off, itemFeatureIds: ids, featureBias } = model;
  const f0 = off[i]!;
  const f1 = off[i + 1]!;
  let c = 0;
  for (let x = f0; x < f1; x++) c += featureBias[ids[x]!]!;
  return model.itemBias[i]! + (f1 > f0 ? c / (f1 - f0) : 0);
}

/** q̃_i = q_i + g_i·ā_i, the item's effective vector (for scoring and item-item similarity). */
export function itemVector(model: HybridModel, i: number, out?: Float32Array): Float32Array {
  const { dim, itemFeatureOffsets: off, itemFeatureIds: ids, featureFactors: A } = model;
  const v = out ?? new Float32Array(dim);
  const qo = i * dim;
  for (let f = 0; f < dim; f++) v[f] = model.itemFactors[qo + f]!;
  const f0 = off[i]!;
  const f1 = off[i + 1]!;
  if (f1 > f0) {
    const scale = itemGate(model, i) / (f1 - f0);
    for (let x = f0; x < f1; x++) {
      const ao = ids[x]! * dim;
      for (let f = 0; f < dim; f++) v[f] = v[f]! + scale * A[ao + f]!;
    }
  }
  return v;
}

function userOf(model: HybridModel, user: number | UserVector): UserVector {
  if (typeof user !== 'number') return user;
  const o = user * model.dim;
  const ro = user * model.rankDim;
  // A trained user given by index: the model keeps no histories, so only the latent term.
  return {
    bias: model.userBias[user]!,
    factors: model.userFactors.subarray(o, o + model.dim),
    rankFactors: model.rankUserFactors.subarray(ro, ro + model.rankDim),
    history: NO_ITEMS,
    confidence: new Float64Array(0),
    system: null,
  };
}

const NO_ITEMS = new Uint32Array(0);

/** From this many items on, scoreItems computes p·a_f once per feature (featureDots). */
const MANY_ITEMS = 256;

/** p·a_f for every content feature f. */
function featureDots(model: HybridModel, p: ArrayLike<number>): Float64Array {
  const { dim, numFeatures, featureFactors: A } = model;
  const out = new Float64Array(numFeatures);
  for (let a = 0; a < numFeatures; a++) {
    const o = a * dim;
    let s = 0;
    for (let f = 0; f < dim; f++) s += p[f]! * A[o + f]!;
    out[a] = s;
  }
  return out;
}

/** Raw scores r̂(u,i) for the given items, unclamped so that rankings keep their order. */
export function scoreItems(
  model: HybridModel,
  user: number | UserVector,
  items: ArrayLike<number>,
): Float32Array {
  const { bias, factors: p } = userOf(model, user);
  const dim = model.dim;
  const q = new Float32Array(dim);
  const out = new Float32Array(items.length);
  // A user with no taste yet (all zero) scores by biases alone: no item vectors needed.
  const neutral = p.every((x) => x === 0);
  // Many items (a whole catalog): p·q̃_i = p·q_i + g_i·mean over the item's features of p·a_f,
  // with p·a_f computed once per feature instead of once per item and feature.
  const perFeature = !neutral && items.length >= MANY_ITEMS ? featureDots(model, p) : null;
  const { itemFeatureOffsets: off, itemFeatureIds: ids } = model;
  const { featureBias } = model;
  for (let k = 0; k < items.length; k++) {
    const i = items[k]!;
    if (perFeature) {
      // itemBiasOf and the content part of p·q̃_i, in one pass over the item's features.
      let s = model.globalMean + bias + model.itemBias[i]!;
      const qo = i * dim;
      for (let f = 0; f < dim; f++) s += p[f]! * model.itemFactors[qo + f]!;
      const f0 = off[i]!;
      const f1 = off[i + 1]!;
      if (f1 > f0) {
        let c = 0;
        let cb = 0;
        for (let x = f0; x < f1; x++) {
          c += perFeature[ids[x]!]!;
          cb += featureBias[ids[x]!]!;
        }
        s += (cb + itemGate(model, i) * c) / (f1 - f0);
      }
      out[k] = s;
      continue;
    }
    let s = model.globalMean + bias + itemBiasOf(model, i);
    if (!neutral) {
      itemVector(model, i, q);
      for (let f = 0; f < dim; f++) s += p[f]! * q[f]!;
    }
    out[k] = s;
  }
  return out;
}

/**
 * Ranking scores s(u,i) (model.ts's header) for the given items: higher = more likely to be
 * picked. Use these for top-N lists and `scoreItems` for "how many stars".
 */
export function rankItems(
  model: HybridModel,
  user: number | UserVector,
  items: ArrayLike<number>,
): Float32Array {
  const u = userOf(model, user);
  const x = u.rankFactors;
  const { rankDim: d, rankItemFactors: Y, itemFeatureOffsets: off, itemFeatureIds: ids } = model;
  const beta = model.config.latentWeight;
  const gamma = model.config.contentWeight;
  const out = new Float32Array(items.length);
  const chosen = u.history.length > 0;
  let near: Float64Array | null = null;
  let profile: Float64Array | null = null;
  let c: ContentIndex | null = null;
  if (chosen) {
    near = new Float64Array(model.numItems);
    addItemItemScores(neighboursOf(model), u.history, 1, near);
    if (gamma > 0 && model.numFeatures > 0) {
      // cos_F over the history = weight_i · Σ_{f∈F(i)} idf_f² · Σ_{j∋f} weight_j, per feature.
      c = contentIndex(model);
      profile = new Float64Array(model.numFeatures);
      const share = gamma / u.history.length;
      for (const j of u.history) {
        for (let k = off[j]!; k < off[j + 1]!; k++) profile[ids[k]!]! += share * c.weight[j]!;
      }
      for (let f = 0; f < model.numFeatures; f++) profile[f]! *= c.idf[f]! ** 2;
      // A history item's cosine with itself (1) is not a term: its own sum leaves it out.
      for (const j of u.history) if (c.weight[j]! > 0) near[j]! -= share;
    }
  }
  for (let k = 0; k < items.length; k++) {
    const i = items[k]!;
    const yo = i * d;
    let s = 0;
    for (let f = 0; f < d; f++) s += x[f]! * Y[yo + f]!;
    s *= beta;
    if (near) s += near[i]!;
    if (profile && c) {
      let t = 0;
      for (let q = off[i]!; q < off[i + 1]!; q++) t += profile[ids[q]!]!;
      s += c.weight[i]! * t;
    }
    out[k] = s;
  }
  return out;
}

const neighboursOf = (model: HybridModel): ItemNeighbours => ({
  offsets: model.neighbourOffsets,
  items: model.neighbourItems,
  weights: model.neighbourWeights,
});

/**
 * The content term's constants: idf_f = ln(1 + numItems / df_f) and each item's 1/|φ_i|, so that
 * cos_F(j,i) = Σ_{f∈F(j)∩F(i)} idf_f² / (|φ_j|·|φ_i|). Made once per model.
 */
interface ContentIndex {
  idf: Float64Array;
  weight: Float64Array;
}
const contentIndexes = new WeakMap<Uint32Array, ContentIndex>();
function contentIndex(model: HybridModel): ContentIndex {
  let c = contentIndexes.get(model.itemFeatureIds);
  if (c) return c;
  const { numItems: nI, numFeatures: nF, itemFeatureOffsets: off, itemFeatureIds: ids } = model;
  const df = new Uint32Array(nF);
  for (let x = 0; x < off[nI]!; x++) df[ids[x]!]!++;
  const idf = new Float64Array(nF);
  for (let f = 0; f < nF; f++) idf[f] = Math.log1p(nI / Math.max(1, df[f]!));
  const weight = new Float64Array(nI);
  for (let i = 0; i < nI; i++) {
    let norm = 0;
    for (let x = off[i]!; x < off[i + 1]!; x++) norm += idf[ids[x]!]! ** 2;
    weight[i] = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  }
  c = { idf, weight };
  contentIndexes.set(model.itemFeatureIds, c);
  return c;
}

/** cos_F(j,i): the idf-weighted cosine of two items' feature lists. */
export function contentSimilarity(model: HybridModel, j: number, i: number): number {
  if (model.numFeatures === 0) return 0;
  const { itemFeatureOffsets: off, itemFeatureIds: ids } = model;
  const c = contentIndex(model);
  let s = 0;
  for (let a = off[j]!; a < off[j + 1]!; a++) {
    for (let b = off[i]!; b < off[i + 1]!; b++) if (ids[a] === ids[b]) s += c.idf[ids[a]!]! ** 2;
  }
  return s * c.weight[j]! * c.weight[i]!;
}

/**
 * Each history item's exact share of s(u,i) (model.ts's header), parallel to user.history: the
 * latent term β·c_uj·y_jᵀA_u⁻¹y_i, plus w(j→i), plus γ·cos_F(j,i)/|H|. With the average user's
 * part (nobody's item) they add up to rankItems' score for a folded-in user. `content` is the
 * content terms' sum, γ·mean_j cos_F(j,i).
 */
export function contributions(
  model: HybridModel,
  user: UserVector,
  item: number,
): { terms: Float64Array; content: number } {
  const { rankDim: d, rankItemFactors: Y, config } = model;
  const terms = new Float64Array(user.history.length);
  let content = 0;
  let z: Float64Array | null = null;
  if (user.system) {
    z = Float64Array.from(Y.subarray(item * d, (item + 1) * d));
    choleskyBack(user.system, z, d);
  }
  const nb = neighboursOf(model);
  for (let h = 0; h < user.history.length; h++) {
    const j = user.history[h]!;
    let latent = 0;
    if (z) for (let f = 0; f < d; f++) latent += Y[j * d + f]! * z[f]!;
    const similar =
      (config.contentWeight / user.history.length) * contentSimilarity(model, j, item);
    content += similar;
    terms[h] = config.latentWeight * user.confidence[h]! * latent + weightOf(nb, j, item) + similar;
  }
  return { terms, content };
}

/** y_i: the item's ranking vector (for "similar items" in the sense of "chosen together"). */
export function rankItemVector(model: HybridModel, i: number): Float32Array {
  return model.rankItemFactors.slice(i * model.rankDim, (i + 1) * model.rankDim);
}

/** Predicted rating, clamped to the 1-5 scale. */
export function predict(model: HybridModel, user: number | UserVector, item: number): number {
  return clampRating(scoreItems(model, user, [item])[0]!);
}

/** The k items most similar to item i by cosine of their effective vectors q̃ (i excluded). */
export function similarItems(
  model: HybridModel,
  i: number,
  k: number,
): { item: number; score: number }[] {
  const dim = model.dim;
  const target = itemVector(model, i);
  const tNorm = Math.hypot(...target);
  const v = new Float32Array(dim);
  const top: { item: number; score: number }[] = [];
  if (tNorm === 0 || k <= 0) return top;
  for (let j = 0; j < model.numItems; j++) {
    if (j === i) continue;
    itemVector(model, j, v);
    let dot = 0;
    let norm = 0;
    for (let f = 0; f < dim; f++) {
      dot += target[f]! * v[f]!;
      norm += v[f]! * v[f]!;
    }
    if (norm === 0) continue;
    const score = dot / (tNorm * Math.sqrt(norm));
    if (top.length === k && score <= top[k - 1]!.score) continue;
    // Insertion into a short sorted list: k is small, so this beats sorting every item.
    let at = Math.min(top.length, k - 1);
    if (top.length < k) top.push({ item: j, score });
    while (at > 0 && top[at - 1]!.score < score) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = { item: j, score };
  }
  return top;
}

/**
 * Folds a user in from their rows, given the trained item side: the closed-form minimiser of
 * the training objective over that user's p_u and b_u (weighted ridge regression), plus the
 * history term built from `ratedItems`; and the ranking part's x_u, solved the same way as in
 * training. Milliseconds, so a new rating can change the recommendations at once without
 * retraining.
 */
export function foldInUser(
  model: HybridModel,
  ratedItems: ArrayLike<number>,
  ratings: ArrayLike<number>,
  weights?: ArrayLike<number>,
  reg: { user: number; userBias: number } = {
    user: model.config.regUser,
    userBias: model.config.regUserBias,
  },
): UserVector {
  const n = ratedItems.length;
  const dim = model.dim;
  if (ratings.length !== n || (weights && weights.length !== n)) {
    throw new Error(`foldInUser: ${n} items but ${ratings.length} ratings / weights`);
  }
  const factors = new Float32Array(dim);
  for (let k = 0; k < n; k++) {
    const i = ratedItems[k]!;
    if (!(i >= 0 && i < model.numItems && Number.isInteger(i))) {
      throw new RangeError(`foldInUser: item ${i} is not in the model`);
    }
  }
  const rank = foldInRankUser(model, ratedItems, ratings, weights);
  if (n === 0) return { bias: 0, factors, ...rank };

  // History term z = |N(u)|^-½ Σ y_j.
  const z = new Float64Array(dim);
  for (let k = 0; k < n; k++) {
    const yo = ratedItems[k]! * dim;
    for (let f = 0; f < dim; f++) z[f]! += model.itemHistory[yo + f]!;
  }
  for (let f = 0; f < dim; f++) z[f]! /= Math.sqrt(n);

  // Normal equations for x = [p_u, b_u] with features [q̃_j, 1] and target r − μ − b_j − c̄_j − z·q̃_j.
  const D = dim + 1;
  const A = new Float64Array(D * D);
  const b = new Float64Array(D);
  const x = new Float64Array(D);
  const q = new Float32Array(dim);
  let wSum = 0;
  for (let k = 0; k < n; k++) {
    const i = ratedItems[k]!;
    const w = weights ? weights[k]! : 1;
    itemVector(model, i, q);
    let t = ratings[k]! - model.globalMean - itemBiasOf(model, i);
    for (let f = 0; f < dim; f++) {
      t -= z[f]! * q[f]!;
      x[f] = q[f]!;
    }
    x[dim] = 1;
    for (let r = 0; r < D; r++) {
      const wx = w * x[r]!;
      b[r]! += wx * t;
      for (let c = 0; c <= r; c++) A[r * D + c]! += wx * x[c]!;
    }
    wSum += w;
  }
  for (let r = 0; r < D; r++) {
    for (let c = 0; c < r; c++) A[c * D + r] = A[r * D + c]!;
    // A tiny ridge keeps the system solvable even with zero regularisation.
    A[r * D + r]! += (r < dim ? reg.user : reg.userBias) * wSum + 1e-9;
  }
  choleskySolve(A, b, D);
  for (let f = 0; f < dim; f++) factors[f] = b[f]! + z[f]!;
  return { bias: b[dim]!, factors, ...rank };
}

/**
 * x_u of the ranking part for a user given by their rows: the same closed-form solve as a
 * training sweep's user step. Rows of one item add up their confidence. Also the user's history
 * (distinct items), each one's confidence c_uj, and A_u's Cholesky factor, for `contributions`.
 */
function foldInRankUser(
  model: HybridModel,
  items: ArrayLike<number>,
  ratings: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
): Pick<UserVector, 'rankFactors' | 'history' | 'confidence' | 'system'> {
  const d = model.rankDim;
  const x = new Float32Array(d);
  if (items.length === 0) {
    return { rankFactors: x, history: NO_ITEMS, confidence: new Float64Array(0), system: null };
  }
  const alpha = model.config.rankAlpha;
  const extra = new Map<number, number>();
  for (let k = 0; k < items.length; k++) {
    const w = weights ? weights[k]! : 1;
    extra.set(items[k]!, (extra.get(items[k]!) ?? 0) + alpha * w * ratings[k]!);
  }
  const history = Uint32Array.from(extra.keys());
  const extras = Float64Array.from(extra.values());
  const system = new Float64Array(d * d);
  const b = alsSolve(
    rankGram(model),
    model.rankItemFactors,
    d,
    history,
    extras,
    model.config.regRank,
    meanRankUser(model),
    system,
    new Float64Array(d),
  );
  x.set(b);
  return { rankFactors: x, history, confidence: extras.map((e) => 1 + e), system };
}

/**
 * x̄, the mean of the trained users' x_u: a folded-in user is shrunk towards it rather than
 * towards 0, so someone with one or two rows starts from what the average shopper picks (the
 * popular items) and moves away as their rows add up. Zero for a model without users. Made once
 * per model.
 */
const meanUsers = new WeakMap<Float32Array, Float64Array>();
function meanRankUser(model: HybridModel): Float64Array {
  let m = meanUsers.get(model.rankUserFactors);
  if (!m) {
    const d = model.rankDim;
    m = new Float64Array(d);
    let users = 0;
    for (let u = 0; u < model.numUsers; u++) {
      const o = u * d;
      let any = false;
      for (let f = 0; f < d; f++) any ||= model.rankUserFactors[o + f] !== 0;
      if (!any) continue;
      users++;
      for (let f = 0; f < d; f++) m[f]! += model.rankUserFactors[o + f]!;
    }
    if (users > 0) for (let f = 0; f < d; f++) m[f]! /= users;
    meanUsers.set(model.rankUserFactors, m);
  }
  return m;
}

/**
 * YᵀY of a model's ranking item factors, made once per model: every fold-in needs it, and over
 * 100,000 items it costs tens of milliseconds. A model's factors never change once it serves
 * (training works on its own arrays), so the factors array is the key.
 */
const rankGrams = new WeakMap<Float32Array, Float64Array>();
function rankGram(model: HybridModel): Float64Array {
  let G = rankGrams.get(model.rankItemFactors);
  if (!G) {
    G = gram(model.rankItemFactors, model.numItems, model.rankDim);
    rankGrams.set(model.rankItemFactors, G);
  }
  return G;
}

/** VᵀV for V with `rows` rows of d factors: lower triangle, row-major d × d. */
export function gram(V: Float32Array, rows: number, d: number): Float64Array {
  const G = new Float64Array(d * d);
  for (let j = 0; j < rows; j++) {
    const o = j * d;
    for (let r = 0; r < d; r++) {
      const v = V[o + r]!;
      if (v === 0) continue;
      const gr = r * d;
      for (let c = 0; c <= r; c++) G[gr + c]! += v * V[o + c]!;
    }
  }
  return G;
}

/**
 * One closed-form step of the ranking part's ALS, for one user (or item):
 *
 *   b ← (G + Σ_k extra_k v_k v_kᵀ + λ I)⁻¹ (Σ_k (1 + extra_k) v_k + λ·prior)
 *
 * v_k = the other side's vectors V[ids[k]], extra_k = c − 1 = α Σ w·r of that pair (one entry
 * per distinct pair). G is the other side's Gram matrix (lower triangle); A and b are scratch,
 * the answer is left in b. Only the lower triangle is built, which is all Cholesky reads.
 */
export function alsSolve(
  G: Float64Array,
  V: Float32Array,
  d: number,
  ids: ArrayLike<number>,
  extra: ArrayLike<number>,
  lambda: number,
  prior: ArrayLike<number> | null,
  A: Float64Array,
  b: Float64Array,
  from = 0,
  to = ids.length,
): Float64Array {
  A.set(G);
  b.fill(0);
  for (let k = from; k < to; k++) {
    const o = ids[k]! * d;
    const e = extra[k]!;
    const c = 1 + e;
    for (let r = 0; r < d; r++) {
      const v = V[o + r]!;
      b[r]! += c * v;
      const ev = e * v;
      const ar = r * d;
      for (let cc = 0; cc <= r; cc++) A[ar + cc]! += ev * V[o + cc]!;
    }
  }
  for (let r = 0; r < d; r++) {
    A[r * d + r]! += lambda + 1e-9;
    if (prior) b[r]! += lambda * prior[r]!;
  }
  choleskySolve(A, b, d);
  return b;
}

/**
 * Solves A x = b in place (x into b) for a symmetric positive definite n × n A; A's lower
 * triangle is left holding its Cholesky factor L.
 */
function choleskySolve(A: Float64Array, b: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    let s = A[j * n + j]!;
    for (let k = 0; k < j; k++) s -= A[j * n + k]! ** 2;
    const d = Math.sqrt(Math.max(s, 1e-12));
    A[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let t = A[i * n + j]!;
      for (let k = 0; k < j; k++) t -= A[i * n + k]! * A[j * n + k]!;
      A[i * n + j] = t / d;
    }
  }
  choleskyBack(A, b, n);
}

/** Solves L Lᵀ x = b in place (x into b), L the lower triangle of `L`. */
function choleskyBack(A: Float64Array, b: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    let t = b[i]!;
    for (let k = 0; k < i; k++) t -= A[i * n + k]! * b[k]!;
    b[i] = t / A[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let t = b[i]!;
    for (let k = i + 1; k < n; k++) t -= A[k * n + i]! * b[k]!;
    b[i] = t / A[i * n + i]!;
  }
}

// ---- Snapshots -------------------------------------------------------------------------------

export const MODEL_FORMAT = 'private-aisle.hybrid';
/**
 * 2: adds the ranking part (rankDim, rankUserFactors, rankItemFactors). 3: adds its item-item
 * weights (neighbourOffsets, neighbourItems, neighbourWeights).
 */
export const MODEL_VERSION = 3;

/** JSON-safe description of a snapshot's buffer. */
export interface ModelMeta {
  format: string;
  version: number;
  numUsers: number;
  numItems: number;
  numFeatures: number;
  dim: number;
  /** Length of itemFeatureIds. */
  featureEntries: number;
  rankDim: number;
  /** Length of neighbourItems. */
  neighbourEntries: number;
  globalMean: number;
  config: HybridConfig;
}

/** A snapshot that cannot be read: discard it and retrain. */
export class ModelFormatError extends Error {
  override name = 'ModelFormatError';
}

type ArrayKey = {
  [K in keyof HybridModel]: HybridModel[K] extends Float32Array | Uint32Array ? K : never;
}[keyof HybridModel];

/** The buffer's sections in order, each 4-byte elements; the one layout for both directions. */
function layout(m: Omit<ModelMeta, 'format' | 'version' | 'globalMean' | 'config'>) {
  const { numUsers: nU, numItems: nI, numFeatures: nF, dim: d, rankDim: rd } = m;
  return [
    ['userBias', nU, Float32Array],
    ['userFactors', nU * d, Float32Array],
    ['itemBias', nI, Float32Array],
    ['itemFactors', nI * d, Float32Array],
    ['itemHistory', nI * d, Float32Array],
    ['itemCounts', nI, Float32Array],
    ['featureBias', nF, Float32Array],
    ['featureFactors', nF * d, Float32Array],
    ['gate', 2, Float32Array],
    ['itemFeatureOffsets', nI + 1, Uint32Array],
    ['itemFeatureIds', m.featureEntries, Uint32Array],
    ['rankUserFactors', nU * rd, Float32Array],
    ['rankItemFactors', nI * rd, Float32Array],
    ['neighbourOffsets', nI + 1, Uint32Array],
    ['neighbourItems', m.neighbourEntries, Uint32Array],
    ['neighbourWeights', m.neighbourEntries, Float32Array],
  ] as const satisfies readonly (readonly [ArrayKey, number, unknown])[];
}

export function serialiseModel(model: HybridModel): { meta: ModelMeta; buffer: ArrayBuffer } {
  const meta: ModelMeta = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    numUsers: model.numUsers,
    numItems: model.numItems,
    numFeatures: model.numFeatures,
    dim: model.dim,
    featureEntries: model.itemFeatureIds.length,
    rankDim: model.rankDim,
    neighbourEntries: model.neighbourItems.length,
    globalMean: model.globalMean,
    config: { ...model.config },
  };
  const sections = layout(meta);
  const total = sections.reduce((s, [, len]) => s + len, 0);
  const buffer = new ArrayBuffer(total * 4);
  let at = 0;
  for (const [key, len, Ctor] of sections) {
    const src = model[key];
    if (src.length !== len)
      throw new ModelFormatError(`model.${key} has ${src.length}, not ${len}`);
    new Ctor(buffer, at * 4, len).set(src);
    at += len;
  }
  return { meta, buffer };
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * Reads a snapshot back (views onto `buffer`, no copy). Throws ModelFormatError on another
 * format or version, a wrong size, or corrupt contents, so a bad snapshot is discarded.
 */
export function deserialiseModel(meta: unknown, buffer: ArrayBuffer): HybridModel {
  const m = meta as Partial<ModelMeta> | null;
  if (typeof m !== 'object' || m === null || m.format !== MODEL_FORMAT) {
    throw new ModelFormatError('not a hybrid recommender snapshot');
  }
  if (m.version === 1 || m.version === 2) {
    throw new ModelFormatError(
      `snapshot version ${m.version} lacks what version ${MODEL_VERSION} ranks with: discard it and retrain`,
    );
  }
  if (m.version !== MODEL_VERSION) {
    throw new ModelFormatError(
      `unsupported snapshot version ${String(m.version)} (expected ${MODEL_VERSION})`,
    );
  }
  const { numUsers, numItems, numFeatures, dim, featureEntries, rankDim, globalMean, config } = m;
  const { neighbourEntries } = m;
  if (
    !isCount(numUsers) ||
    !isCount(numItems) ||
    !isCount(numFeatures) ||
    !isCount(featureEntries) ||
    !isCount(rankDim) ||
    !isCount(neighbourEntries) ||
    !isCount(dim) ||
    dim === 0 ||
    typeof globalMean !== 'number' ||
    !Number.isFinite(globalMean) ||
    typeof config !== 'object' ||
    config === null ||
    !Object.values(config).every(Number.isFinite)
  ) {
    throw new ModelFormatError('snapshot metadata is malformed');
  }
  if (!(buffer instanceof ArrayBuffer)) throw new ModelFormatError('snapshot buffer is missing');
  const sections = layout({
    ...{ numUsers, numItems, numFeatures, dim, featureEntries, rankDim, neighbourEntries },
  });
  const total = sections.reduce((s, [, len]) => s + len, 0);
  if (buffer.byteLength !== total * 4) {
    throw new ModelFormatError(`snapshot is ${buffer.byteLength} bytes, expected ${total * 4}`);
  }
  const arrays: Partial<Record<ArrayKey, Float32Array | Uint32Array>> = {};
  let at = 0;
  for (const [key, len, Ctor] of sections) {
    const view = new Ctor(buffer, at * 4, len);
    if (view instanceof Float32Array && !view.every(Number.isFinite)) {
      throw new ModelFormatError(`snapshot ${key} holds a non-finite value`);
    }
    arrays[key] = view;
    at += len;
  }
  const model = {
    numUsers,
    numItems,
    numFeatures,
    dim,
    rankDim,
    globalMean,
    config: { ...DEFAULT_HYBRID_CONFIG, ...config },
    ...arrays,
  };
  const off = model.itemFeatureOffsets as Uint32Array;
  const ids = model.itemFeatureIds as Uint32Array;
  let ok = off[0] === 0 && off[numItems] === featureEntries;
  for (let i = 0; ok && i < numItems; i++) ok = off[i]! <= off[i + 1]!;
  if (!ok || !ids.every((f) => f < numFeatures)) {
    throw new ModelFormatError('snapshot item features are corrupt');
  }
  const nOff = model.neighbourOffsets as Uint32Array;
  let nOk = nOff[0] === 0 && nOff[numItems] === neighbourEntries;
  for (let i = 0; nOk && i < numItems; i++) nOk = nOff[i]! <= nOff[i + 1]!;
  if (!nOk || !(model.neighbourItems as Uint32Array).every((i) => i < numItems)) {
    throw new ModelFormatError('snapshot item-item weights are corrupt');
  }
  return model as HybridModel;
}
