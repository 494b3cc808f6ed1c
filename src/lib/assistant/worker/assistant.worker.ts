/** Worker entry: the assistant's training and ranking run here, off the UI thread. */
import { expose, transfer } from 'comlink';
import { loadWordVectors, wordVectorsUrl } from '../shared/word-vectors';
import { AssistantCore, type Example, type Snapshot } from './core';

// The word-vector table (4.5 MB, precached) loads once; without it the model still works on its
// hashed features alone, and a snapshot trained with it no longer fits (core.load says so).
const core = loadWordVectors(wordVectorsUrl(self.location.href, import.meta.env.BASE_URL))
  .catch((e: unknown) => {
    console.warn('The assistant works without word vectors:', e);
    return null;
  })
  .then((vectors) => new AssistantCore(vectors));

const api = {
  async train(examples: Example[], onEpoch?: (p: { epoch: number; epochs: number }) => void) {
    const snapshot = await (
      await core
    ).train(examples, (p) => onEpoch?.({ epoch: p.epoch, epochs: p.epochs }));
    return transfer(snapshot, [snapshot.weights]);
  },
  async load(examples: Example[], snapshot: Snapshot) {
    return (await core).load(examples, snapshot);
  },
  async rank(text: string) {
    return (await core).rank(text);
  },
};

export type AssistantWorkerApi = typeof api;
expose(api);
