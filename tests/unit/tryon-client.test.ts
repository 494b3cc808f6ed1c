import { describe, expect, it } from 'vitest';
import { cameraProblem } from '../../src/lib/tryon/client/camera';
import { fitSize, isSupportedPhoto, MAX_PHOTO_SIDE } from '../../src/lib/tryon/client/photo';
import { snapshotFileName } from '../../src/lib/tryon/client/snapshot';

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
