/**
 * Steadies a live face: One Euro filtering of the landmarks, the last pose held briefly when a
 * frame has no usable face (a blink of bad light, a hand passing), and a fresh start once the
 * face has been gone longer than that.
 */
import { PointsFilter, type OneEuroOptions } from './one-euro';
import type { Point3 } from './geometry';

export interface TrackerOptions extends OneEuroOptions {
  /** How long the last pose stays on screen without a face, ms. */
  holdMs?: number;
}

export interface Tracked {
  points: Point3[];
  /** True while showing the held pose of an earlier frame. */
  held: boolean;
}

export class FaceTracker {
  private readonly filter: PointsFilter;
  private readonly holdMs: number;
  private last: Point3[] | null = null;
  private lastSeen = -Infinity;

  constructor(options: TrackerOptions = {}) {
    const { holdMs = 400, ...filter } = options;
    this.holdMs = holdMs;
    // Pixel units: still faces barely move, a turning head moves hundreds of px per second.
    this.filter = new PointsFilter({ minCutoff: 1.5, beta: 0.02, dCutoff: 1, ...filter });
  }

  /** Feed each frame's face (pixels, z too) or null; get what to draw, or null once the face is lost. */
  update(points: readonly Point3[] | null, timeMs: number): Tracked | null {
    if (points) {
      this.last = this.filter.filter(points, timeMs);
      this.lastSeen = timeMs;
      return { points: this.last, held: false };
    }
    if (this.last && timeMs - this.lastSeen <= this.holdMs)
      return { points: this.last, held: true };
    this.reset();
    return null;
  }

  reset(): void {
    this.filter.reset();
    this.last = null;
    this.lastSeen = -Infinity;
  }
}
