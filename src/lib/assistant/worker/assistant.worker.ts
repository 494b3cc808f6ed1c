/** Worker entry: the assistant's training and ranking run here, off the UI thread. */
import { expose, transfer } from 'comlink';
import { AssistantCore, type Example, type Snapshot } from './core';

const core = new AssistantCore();

const api = {
  async train(examples: Example[], onEpoch?: (p: { epoch: number; epochs: number }) => void) {
    const snapshot = await core.train(examples, (p) =>
      onEpoch?.({ epoch: p.epoch, epochs: p.epochs }),
    );
    return transfer(snapshot, [snapshot.weights]);
  },
  load(examples: Example[], snapshot: Snapshot) {
    return core.load(examples, snapshot);
  },
  rank(text: string) {
    return core.rank(text);
  },
};

export type AssistantWorkerApi = typeof api;
expose(api);
