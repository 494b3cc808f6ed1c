/**
 * How long a step took, as a User Timing measure named `aisle:<step>`: DevTools shows it, and the
 * benchmarks observe it (tests/bench/catalog.ts). Only the latest of each name is kept, so a kiosk
 * that runs all day keeps no growing list.
 */
export function measure(step: string, start: number): void {
  const name = `aisle:${step}`;
  performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}
