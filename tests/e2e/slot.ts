/**
 * Several checkouts or agents can run the end-to-end suite side by side on one machine:
 * AISLE_SLOT=N gives each its own build folder, ports and output folder (slot 0 is the default).
 */
export const SLOT = Number(process.env.AISLE_SLOT ?? 0);
export const OUT_DIR = SLOT ? `dist-${SLOT}` : 'dist';
export const OUTPUT_DIR = SLOT ? `tests/.output/slot-${SLOT}` : 'tests/.output';
export const port = (base: number) => base + SLOT * 100;
