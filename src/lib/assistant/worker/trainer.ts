/**
 * Trains the intent model with TensorFlow.js on the shared backend ladder (src/lib/ml): the
 * linear softmax classifier over sparse tf-idf features, by Adam on mini-batches, plus the
 * BM25 index. Runs in the worker (and in the eval page, which imports this same file).
 *
 * A batch is a sparse matrix of its nonzeros (no padding): logits = X · W + bias by a gather of
 * W's rows and a scatterND, with the transposed pair as gradient (sparseMatMul).
 */
import type { Tensor, Tensor2D, GradSaveFunc } from '@tensorflow/tfjs';
import { pickBackend, type Tf } from '../../ml/tf';
import { seededRandom } from '../../random/seeded';
import { augment } from '../shared/augment';
import {
  buildBm25,
  buildCentroids,
  buildVocabulary,
  featureRows,
  vectorise,
  type Bm25Index,
  type LinearWeights,
  type SparseVec,
  type Vocabulary,
} from '../shared/model';
import type { WordVectors } from '../shared/word-vectors';

export interface TrainOptions {
  epochs: number;
  batch: number;
  learningRate: number;
  /** Noisy copies per example (augment.ts). */
  copies: number;
  labelSmoothing: number;
  /**
   * L2 penalty on W, λ·ΣW² added to the batch's mean loss. Off: a small penalty helps the
   * classifier alone on validation but lowers its confidences, so the blend and the verdict
   * thresholds would have to be chosen again; a larger one underfits.
   */
  weightDecay: number;
  seed: number;
}

/**
 * Batch size for n examples: at most `batch`, but small enough for STEPS_PER_EPOCH Adam steps
 * per epoch. With one fixed size a small FAQ or a 10-shot set gets only a few steps an epoch,
 * and its classifier stays undertrained. The cost of an epoch is in its nonzeros, not in its
 * steps, so smaller batches cost little; on Banking77, smaller batches and fewer epochs also
 * scored better on validation in less time.
 */
export const STEPS_PER_EPOCH = 32;
export const MIN_BATCH = 32;

export function batchSize(n: number, batch: number): number {
  return Math.max(1, Math.min(batch, Math.max(MIN_BATCH, Math.ceil(n / STEPS_PER_EPOCH))));
}

export const DEFAULT_TRAIN: TrainOptions = {
  epochs: 6,
  batch: 256,
  learningRate: 0.05,
  copies: 0,
  labelSmoothing: 0.05,
  weightDecay: 0,
  seed: 7,
};

export interface TrainedModel {
  intents: string[];
  vocab: Vocabulary;
  linear: LinearWeights;
  bm25: Bm25Index;
  centroids: LinearWeights;
  backend: string;
  ms: number;
}

/**
 * Sparse X · W for a batch, without padding: X is given as its nonzeros (example `seg`, feature
 * row `idx`, value `val`), so the work is proportional to the nonzeros, not to batch × longest
 * question (a few long questions would make padding cost several times the real work).
 * Forward: gather W's rows, scale, scatterND-add them into [B, C]. Gradient (the transpose):
 * gather dy's rows per nonzero, scale, scatterND-add into [F, C]. Both ops exist on every
 * backend of the ladder (tf.gather's own gradient needs UnsortedSegmentSum, missing on WASM).
 * gatherND, not gather: WASM's Gather kernel copies element by element, an order of magnitude
 * slower for these shapes.
 */
function sparseMatMul(tf: Tf, x: BatchTensors, batch: number) {
  return tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
    const w = args[0] as Tensor2D;
    return {
      value: tf.scatterND(x.seg2, tf.gatherND(w, x.idx2).mul(x.val), [batch, w.shape[1]]),
      gradFunc: (dy: Tensor) => tf.scatterND(x.idx2, tf.gatherND(dy, x.seg2).mul(x.val), w.shape),
    };
  }) as (w: Tensor) => Tensor;
}

/** A batch's nonzeros as gatherND / scatterND indices ([nnz, 1]) and values ([nnz, 1]). */
interface BatchTensors {
  idx2: Tensor2D;
  seg2: Tensor2D;
  val: Tensor2D;
}

/** One forward pass of the model on a batch: logits [B, C]. */
function logitsOf(tf: Tf, w: Tensor, b: Tensor, x: BatchTensors, batch: number) {
  return sparseMatMul(tf, x, batch)(w).add(b);
}

/**
 * A batch's nonzeros below row `dense` as flat arrays (example, row, value), and its rows from
 * `dense` on (the word-vector blocks, `dims` wide in all, the same in every question) as a dense
 * [batch, dims] matrix: a plain matMul, several times cheaper than gathering them one by one.
 */
export function flattenBatch(xs: readonly SparseVec[], dense = Infinity, dims = 0) {
  let nnz = 0;
  for (const x of xs) for (const r of x.idx) if (r < dense) nnz++;
  const seg = new Int32Array(nnz);
  const idx = new Int32Array(nnz);
  const val = new Float32Array(nnz);
  const denseVal = new Float32Array(xs.length * dims);
  let at = 0;
  xs.forEach((x, i) => {
    for (let k = 0; k < x.idx.length; k++) {
      const r = x.idx[k]!;
      if (r >= dense) denseVal[i * dims + r - dense] = x.val[k]!;
      else {
        seg[at] = i;
        idx[at] = r;
        val[at++] = x.val[k]!;
      }
    }
  });
  return { seg, idx, val, dense: denseVal };
}

function batchTensors(
  tf: Tf,
  flat: Pick<ReturnType<typeof flattenBatch>, 'seg' | 'idx' | 'val'>,
): BatchTensors {
  const n = flat.val.length;
  return {
    idx2: tf.tensor2d(flat.idx, [n, 1], 'int32'),
    seg2: tf.tensor2d(flat.seg, [n, 1], 'int32'),
    val: tf.tensor2d(flat.val, [n, 1]),
  };
}

/** The ladder's self-check: one training step of this model on a tiny fixed batch. */
export async function selfCheck(tf: Tf): Promise<number[]> {
  const out: number[] = [];
  tf.tidy(() => {
    const w = tf.variable(tf.tensor2d([0.1, -0.2, 0.3, 0.05, -0.1, 0.2, 0.4, 0.0, -0.3], [3, 3]));
    const b = tf.variable(tf.zeros([3]));
    // Two examples: rows 0 and 2 (0.6, 0.8), row 1 alone (1).
    const x = batchTensors(tf, {
      seg: new Int32Array([0, 0, 1]),
      idx: new Int32Array([0, 2, 1]),
      val: new Float32Array([0.6, 0.8, 1]),
    });
    const y = tf.oneHot(tf.tensor1d([2, 0], 'int32'), 3).cast('float32');
    const opt = tf.train.sgd(0.5);
    opt.minimize(() => tf.losses.softmaxCrossEntropy(y, logitsOf(tf, w, b, x, 2)));
    out.push(...w.dataSync(), ...b.dataSync());
    opt.dispose();
    w.dispose();
    b.dispose();
  });
  return out;
}

let picked: Promise<{ tf: Tf; backend: string }> | null = null;

/** The tfjs backend for this worker: the shared ladder with this model's own check. */
export function assistantTf(prefer?: 'webgpu' | 'webgl' | 'wasm' | 'cpu') {
  // A software GPU (SwiftShader) passes the check but is far slower than WASM for this
  // sparse model: then WASM goes first.
  return (picked ??= pickBackend(selfCheck, { prefer, tolerance: 1e-3 })
    .then((p) => (p.software && !prefer ? pickBackend(selfCheck, { prefer: 'wasm' }) : p))
    .then((p) => ({ tf: p.tf, backend: p.backend })));
}

/**
 * What is rebuilt from the examples rather than trained or stored: the vocabulary, the BM25
 * index and the class centroids (deterministic; the same for training and for a stored snapshot).
 */
export function buildIndex(
  examples: readonly { text: string; intent: string }[],
  intents: readonly string[],
  vectors: WordVectors | null,
) {
  const classOf = new Map(intents.map((k, i) => [k, i]));
  const texts = examples.map((e) => e.text);
  const vocab = buildVocabulary(texts, 1, vectors);
  const docClass = examples.map((e) => classOf.get(e.intent)!);
  const bm25 = buildBm25(vocab, texts, docClass);
  const centroids = buildCentroids(vocab, texts, docClass, intents.length);
  return { vocab, bm25, centroids };
}

/**
 * Trains on (text, intent) pairs. `onEpoch` reports progress; the returned weights are plain
 * arrays (inference runs in JS, model.ts).
 */
export async function trainModel(
  examples: readonly { text: string; intent: string }[],
  options: Partial<TrainOptions> = {},
  onEpoch?: (p: { epoch: number; epochs: number; loss: number }) => void,
  prefer?: 'webgpu' | 'webgl' | 'wasm' | 'cpu',
  vectors: WordVectors | null = null,
): Promise<TrainedModel> {
  const opt = { ...DEFAULT_TRAIN, ...options };
  const started = performance.now();
  const { tf, backend } = await assistantTf(prefer);

  const intents = [...new Set(examples.map((e) => e.intent))].sort();
  const classOf = new Map(intents.map((k, i) => [k, i]));
  const C = intents.length;
  const { vocab, bm25, centroids } = buildIndex(examples, intents, vectors);

  const train = augment(examples, opt.copies, opt.seed);
  const xs = train.map((e) => vectorise(vocab, e.text));
  const ys = Int32Array.from(train, (e) => classOf.get(e.intent)!);
  const S = vocab.idf.length;
  const D = featureRows(vocab) - S;

  const w = tf.variable(tf.zeros([Math.max(S, 1), C]));
  const wd = D ? tf.variable(tf.zeros([D, C])) : null;
  const b = tf.variable(tf.zeros([C]));
  const optimizer = tf.train.adam(opt.learningRate, 0.9, 0.999, 1e-7);
  const rnd = seededRandom(opt.seed);
  const batch = batchSize(xs.length, opt.batch);
  const order = Array.from({ length: xs.length }, (_, i) => i);
  try {
    for (let epoch = 1; epoch <= opt.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let sum = 0;
      let batches = 0;
      for (let s = 0; s < order.length; s += batch) {
        const ids = order.slice(s, s + batch);
        const flat = flattenBatch(
          ids.map((i) => xs[i]!),
          S,
          D,
        );
        const cost = tf.tidy(() => {
          const x = batchTensors(tf, flat);
          const y = tf
            .oneHot(
              tf.tensor1d(
                Int32Array.from(ids, (i) => ys[i]!),
                'int32',
              ),
              C,
            )
            .cast('float32');
          const xd = wd && tf.tensor2d(flat.dense, [ids.length, D]);
          return optimizer.minimize(() => {
            const logits = logitsOf(tf, w, b, x, ids.length);
            const ce = tf.losses.softmaxCrossEntropy(
              y,
              xd ? logits.add(tf.matMul(xd, wd!)) : logits,
              undefined,
              opt.labelSmoothing,
            );
            return (
              opt.weightDecay > 0
                ? ce.add(
                    (wd ? w.square().sum().add(wd.square().sum()) : w.square().sum()).mul(
                      opt.weightDecay,
                    ),
                  )
                : ce
            ) as Tensor<never>;
          }, true)!;
        });
        sum += (await cost.data())[0]!;
        cost.dispose();
        batches++;
      }
      onEpoch?.({ epoch, epochs: opt.epochs, loss: sum / Math.max(1, batches) });
    }
    // One row-major rows × classes matrix for inference: the hashed rows, then the dense ones.
    const all = new Float32Array((S + D) * C);
    all.set((await w.data()).subarray(0, S * C));
    if (wd) all.set(await wd.data(), S * C);
    const linear: LinearWeights = { classes: C, w: all, b: (await b.data()) as Float32Array };
    return { intents, vocab, linear, bm25, centroids, backend, ms: performance.now() - started };
  } finally {
    optimizer.dispose();
    w.dispose();
    wd?.dispose();
    b.dispose();
  }
}
