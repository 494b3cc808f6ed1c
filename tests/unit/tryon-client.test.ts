import { describe, expect, it } from 'vitest';
import { cameraProblem } from '../../src/lib/tryon/client/camera';
import { fitSize, isSupportedPhoto, MAX_PHOTO_SIDE } from '../../src/lib/tryon/client/photo';
import { snapshotFileName } from '../../src/lib/tryon/client/snapshot';
import { lipstickLayers, lipstickOver } from '../../src/lib/tryon/shared/placement';
import type { LipstickParams } from '../../src/lib/catalog/types';

describe('try-on inputs', () => {
  it('takes JPEG, PNG and WebP photos only', () => {
    expect(isSupportedPhoto({ type: 'image/jpeg', name: 'a.jpg' })).toBe(true);
    expect(isSupportedPhoto({ type: 'image/png', name: 'a' })).toBe(true);
    expect(isSupportedPhoto({ type: 'image/webp', name: 'a' })).toBe(true);
    expect(isSupportedPhoto({ type: 'image/gif', name: 'a.gif' })).toBe(false);
    expect(isSupportedPhoto({ type: 'text/plain', name: 'a.jpg' })).toBe(false);
    // No type from the system: the extension decides.
    expect(isSupportedPhoto({ type: '', name: 'IMG_1.JPEG' })).toBe(true);
    expect(isSupportedPhoto({ type: '', name: 'notes.txt' })).toBe(false);
  });

  it('scales large photos down, keeping the aspect, never up', () => {
    expect(fitSize(640, 480)).toEqual({ width: 640, height: 480 });
    expect(fitSize(4000, 3000)).toEqual({ width: MAX_PHOTO_SIDE, height: 960 });
    expect(fitSize(1000, 5000)).toEqual({ width: 256, height: MAX_PHOTO_SIDE });
  });

  it('tells a blocked camera from a missing or busy one', () => {
    expect(cameraProblem({ name: 'NotAllowedError' })).toBe('denied');
    expect(cameraProblem({ name: 'SecurityError' })).toBe('denied');
    expect(cameraProblem({ name: 'NotFoundError' })).toBe('absent');
    expect(cameraProblem({ name: 'OverconstrainedError' })).toBe('absent');
    expect(cameraProblem({ name: 'NotReadableError' })).toBe('failed');
    expect(cameraProblem(null)).toBe('failed');
  });

  it('names snapshot files after the products and the time', () => {
    const at = new Date('2026-11-28T10:20:30Z');
    expect(snapshotFileName(['hat-001'], at)).toBe('try-on-hat-001-2026-11-28-10-20-30.jpg');
    expect(snapshotFileName(['hat-001', 'hat-002'], at)).toBe(
      'try-on-hat-001-vs-hat-002-2026-11-28-10-20-30.jpg',
    );
  });
});

describe('try-on lipstick colour', () => {
  const red: LipstickParams = {
    kind: 'lipstick',
    colour: '#c01030',
    finish: 'matte',
    opacity: 0.8,
  };
  it('moves the lips towards the colour, more for matte, and leaves them alone at 0 opacity', () => {
    const lip: [number, number, number] = [200, 120, 120];
    const d = (a: number[], b: number[]) => Math.hypot(...a.map((x, i) => x - b[i]!));
    const target = [0xc0, 0x10, 0x30];
    const matte = lipstickOver(lip, red);
    const gloss = lipstickOver(lip, { ...red, finish: 'gloss' });
    expect(d(matte, target)).toBeLessThan(d(lip, target));
    expect(d(matte, target)).toBeLessThan(d(gloss, target));
    expect(lipstickOver(lip, { ...red, opacity: 0 })).toEqual(lip);
    expect(lipstickLayers(red).multiply).toBeGreaterThan(
      lipstickLayers({ ...red, finish: 'satin' }).multiply,
    );
  });

  it('keeps light and shade: a darker lip stays darker under the same lipstick', () => {
    const light = lipstickOver([210, 140, 140], red);
    const dark = lipstickOver([120, 60, 60], red);
    for (let i = 0; i < 3; i++) expect(dark[i]!).toBeLessThan(light[i]!);
  });
});
