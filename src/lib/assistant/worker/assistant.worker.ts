/** Worker entry: the assistant's training and ranking run here, off the UI thread. */
import { expose, transfer } from 'comlink';
import { vectorWords } from '../shared/text';
import {
  decodeWordVectors,
  loadWordVectors,
  wordVectorsUrl,
  type WordVectors,
} from '../shared/word-vectors';
import { AssistantCore, type Example, type Snapshot } from './core';
import { readPrebuiltFile } from './prebuilt-file';

const core = new AssistantCore();

// The whole word-vector table (4.5 MB) arrives after the model: the page downloads it and hands
// it over (`openVectors`), or says it has it cached. Until then a shipped model answers with the
// rows it carries; training and stored weights wait for the whole. Without it the model still
// works on its hashed features alone (a snapshot trained with it no longer fits: core.load).
let handOver: (downloaded: Blob | undefined) => void;
const table: Promise<WordVectors | null> = new Promise<Blob | undefined>(
  (resolve) => (handOver = resolve),
)
  .then((downloaded) =>
    downloaded
      ? downloaded.arrayBuffer().then(decodeWordVectors)
      : loadWordVectors(wordVectorsUrl(self.location.href, import.meta.env.BASE_URL)),
  )
  .then(
    (vectors) => (core.useVectors(vectors), vectors),
    (e: unknown) => {
      console.warn('The assistant works without word vectors:', e);
      return null;
    },
  );

/** The whole table, for what needs it (training, stored weights). */
async function whole(): Promise<AssistantCore> {
  core.vectors = await table;
  return core;
}

const api = {
  /** Nothing: the page calls it so the worker's code loads while the model downloads. */
  start() {},
  /**
   * The whole word-vector table: its bytes if the page just downloaded it, else it is cached.
   * False when it cannot be read (a copy that should not be kept).
   */
  async openVectors(downloaded?: Blob): Promise<boolean> {
    handOver(downloaded);
    return (await table) !== null;
  },
  async train(examples: Example[], onEpoch?: (p: { epoch: number; epochs: number }) => void) {
    const snapshot = await (
      await whole()
    ).train(examples, (p) => onEpoch?.({ epoch: p.epoch, epochs: p.epochs }));
    return transfer(snapshot, [snapshot.weights]);
  },
  async load(examples: Example[], snapshot: Snapshot) {
    return (await whole()).load(examples, snapshot);
  },
  /**
   * Loads the model shipped with the app from its file (prebuilt-file.ts); the backend
   * it was trained on when it fits, else null.
   */
  async loadShipped(examples: Example[], file: Blob): Promise<string | null> {
    const shipped = await readPrebuiltFile(file);
    return core.loadShipped(examples, shipped) ? shipped.snapshot.meta.backend : null;
  },
  async rank(text: string) {
    // A word the part of the table lacks may be in the whole: wait for it.
    if (core.partial && vectorWords(text).some((w) => !core.vectors?.rows.has(w))) await table;
    return core.rank(text);
  },
};

export type AssistantWorkerApi = typeof api;
expose(api);
