/**
 * Snapshots: the only way a try-on picture leaves the canvas, and only when the shopper asks.
 * Kept in the gallery (db/tryon.ts), downloaded or shared only on an explicit action.
 */

/** One picture of the canvases, side by side (two when comparing), as a JPEG blob. */
export async function snapshot(canvases: readonly HTMLCanvasElement[]): Promise<Blob> {
  const gap = canvases.length > 1 ? 8 : 0;
  const height = Math.max(...canvases.map((c) => c.height));
  const width = canvases.reduce((s, c) => s + c.width, 0) + gap * (canvases.length - 1);
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  let x = 0;
  for (const c of canvases) {
    ctx.drawImage(c, x, (height - c.height) / 2);
    x += c.width + gap;
  }
  return new Promise((resolve, reject) =>
    out.toBlob((b) => (b ? resolve(b) : reject(new Error('snapshot failed'))), 'image/jpeg', 0.9),
  );
}

export function snapshotFileName(productIds: readonly string[], at = new Date()): string {
  const stamp = at.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `try-on-${productIds.join('-vs-')}-${stamp}.jpg`;
}

/** Saves the picture to the device through the browser's download, nothing else. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The Web Share sheet, where the browser has one that takes files; false where it has not. */
export async function shareBlob(blob: Blob, name: string, title: string): Promise<boolean> {
  const file = new File([blob], name, { type: blob.type });
  if (!navigator.canShare?.({ files: [file] })) return false;
  try {
    await navigator.share({ files: [file], title });
  } catch (e) {
    // The shopper closing the sheet is not an error.
    if ((e as { name?: string }).name !== 'AbortError') throw e;
  }
  return true;
}
