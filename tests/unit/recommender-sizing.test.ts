import { describe, expect, it } from 'vitest';
import { resolveConfig, trainHybrid } from '../../src/lib/recommender/shared/js-engine';
import { DEFAULT_HYBRID_CONFIG } from '../../src/lib/recommender/shared/model';
import {
  LARGE_DATA_CONFIG,
  LARGE_DATA_ROWS,
  configForSize,
  rankingForSize,
} from '../../src/lib/recommender/shared/sizing';
import type { RatingData } from '../../src/lib/recommender/shared/types';

describe('configForSize', () => {
  it('keeps the defaults below LARGE_DATA_ROWS and sizes the rating part from there', () => {
    expect(configForSize(0)).toEqual({});
    expect(configForSize(80_000)).toEqual({});
    expect(configForSize(LARGE_DATA_ROWS - 1)).toEqual({});
    expect(configForSize(LARGE_DATA_ROWS)).toEqual(LARGE_DATA_CONFIG);
    expect(configForSize(900_188)).toEqual(LARGE_DATA_CONFIG);
    // A copy: callers may change it without changing the next answer.
    expect(configForSize(LARGE_DATA_ROWS)).not.toBe(configForSize(LARGE_DATA_ROWS));
  });

  it('sizes the rating part, and of the ranking part only what costs time', () => {
    const keys = Object.keys(LARGE_DATA_CONFIG);
    const ranking = keys.filter((k) => /^(rank|regRank|itemItem|latent|content)/.test(k));
    expect(ranking.sort()).toEqual(['itemItemTopK', 'rankIterations']);
    expect(keys.every((k) => k in DEFAULT_HYBRID_CONFIG)).toBe(true);
  });
});

describe('resolveConfig with a data size', () => {
  it('lays the caller over the sized values over the defaults', () => {
    expect(resolveConfig({})).toEqual(DEFAULT_HYBRID_CONFIG);
    expect(resolveConfig({}, 1000)).toEqual(DEFAULT_HYBRID_CONFIG);
    const big = resolveConfig({ dim: 24, seed: 7 }, LARGE_DATA_ROWS);
    expect(big).toEqual({ ...DEFAULT_HYBRID_CONFIG, ...LARGE_DATA_CONFIG, dim: 24, seed: 7 });
  });

  it('is what trainHybrid trains with, from its number of rows', () => {
    const n = LARGE_DATA_ROWS;
    const data: RatingData = {
      numUsers: 1000,
      numItems: 50,
      n,
      users: Uint32Array.from({ length: n }, (_, r) => r % 1000),
      items: Uint32Array.from({ length: n }, (_, r) => Math.floor(r / 1000) % 50),
      ratings: new Float32Array(n).fill(4),
    };
    const fast = { epochs: 0, rankIterations: 0 };
    expect(trainHybrid(data, undefined, fast).model.config).toEqual({
      ...DEFAULT_HYBRID_CONFIG,
      ...LARGE_DATA_CONFIG,
      ...fast,
    });
    const small = { ...data, n: 1000 };
    expect(trainHybrid(small, undefined, fast).model.config).toEqual({
      ...DEFAULT_HYBRID_CONFIG,
      ...fast,
    });
  });
});

describe('rankingForSize', () => {
  it('gives the tfjs engine the ranking part’s sizing only', () => {
    expect(rankingForSize(1000)).toEqual({});
    expect(rankingForSize(LARGE_DATA_ROWS)).toEqual({
      rankIterations: LARGE_DATA_CONFIG.rankIterations,
      itemItemTopK: LARGE_DATA_CONFIG.itemItemTopK,
    });
  });
});
