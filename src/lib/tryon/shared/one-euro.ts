/**
 * The One Euro filter (Casiez, Roussel & Vogel, CHI 2012): a low-pass filter whose cutoff rises
 * with speed, so a still face does not jitter and a moving one does not lag.
 *   cutoff = minCutoff + beta * |smoothed derivative|
 */
export interface OneEuroOptions {
  /** Hz; lower = smoother when still. */
  minCutoff?: number;
  /** How fast the cutoff rises with speed; higher = less lag when moving. */
  beta?: number;
  /** Hz, for the derivative. */
  dCutoff?: number;
}

const alpha = (cutoff: number, dt: number) => {
  const tau = 1 / (2 * Math.PI * cutoff);
  return 1 / (1 + tau / dt);
};

export class OneEuroFilter {
  private x: number | null = null;
  private dx = 0;
  private t = 0;
  private readonly minCutoff: number;
  private readonly beta: number;
  private readonly dCutoff: number;

  constructor(options: OneEuroOptions = {}) {
    this.minCutoff = options.minCutoff ?? 1;
    this.beta = options.beta ?? 0.007;
    this.dCutoff = options.dCutoff ?? 1;
  }

  /** The filtered value of `value` seen at `timeMs`. */
  filter(value: number, timeMs: number): number {
    if (this.x === null || timeMs <= this.t) {
      // First sample (or a clock that did not advance): nothing to smooth against yet.
      if (this.x === null) {
        this.x = value;
        this.t = timeMs;
      }
      return this.x;
    }
    const dt = (timeMs - this.t) / 1000;
    const dxRaw = (value - this.x) / dt;
    this.dx += alpha(this.dCutoff, dt) * (dxRaw - this.dx);
    const cutoff = this.minCutoff + this.beta * Math.abs(this.dx);
    this.x += alpha(cutoff, dt) * (value - this.x);
    this.t = timeMs;
    return this.x;
  }

  reset(): void {
    this.x = null;
    this.dx = 0;
    this.t = 0;
  }
}

/** One filter per coordinate of a list of points (x, y and, where given, z: the 3D pose uses it). */
export class PointsFilter {
  private filters: OneEuroFilter[] = [];
  constructor(private readonly options: OneEuroOptions = {}) {}

  filter<P extends { x: number; y: number; z?: number }>(
    points: readonly P[],
    timeMs: number,
  ): P[] {
    while (this.filters.length < points.length * 3)
      this.filters.push(new OneEuroFilter(this.options));
    return points.map((p, i) => ({
      ...p,
      x: this.filters[3 * i]!.filter(p.x, timeMs),
      y: this.filters[3 * i + 1]!.filter(p.y, timeMs),
      ...(p.z === undefined ? {} : { z: this.filters[3 * i + 2]!.filter(p.z, timeMs) }),
    }));
  }

  reset(): void {
    this.filters = [];
  }
}
