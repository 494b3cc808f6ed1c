import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FaceLandmarkerResult } from '@mediapipe/tasks-vision';
import { checkFaces, MIN_FACE_SHARE } from '../../src/lib/tryon/shared/checks';
import { faceGeometry, toPixels } from '../../src/lib/tryon/shared/geometry';
import {
  boxOf,
  fromTile,
  insideMargin,
  MAX_TILES_PER_LEVEL,
  mergeFinds,
  overlapShare,
  TILE_SHARES,
  tileLevels,
  tileStarts,
  type Box,
  type Tile,
} from '../../src/lib/tryon/shared/tiles';
import { detectInTiles } from '../../src/lib/tryon/worker/tiled';
import { syntheticFace } from './tryon-face';

const matrix = new Array<number>(16).fill(0);
/** A face as found in a tile: normalised to the tile's own (square) picture. */
const tileFace = (spec: Parameters<typeof syntheticFace>[0] = {}) =>
  syntheticFace({ aspect: 1, ...spec });

describe('try-on tiles', () => {
  it('lays tiles half-overlapping along a side, flush with both ends', () => {
    expect(tileStarts(1000, 500)).toEqual([0, 250, 500]);
    expect(tileStarts(667, 500)).toEqual([0, 167]);
    expect(tileStarts(400, 500)).toEqual([0]);
    for (const [length, size] of [
      [1000, 267],
      [471, 188],
      [1280, 720],
    ] as const) {
      const starts = tileStarts(length, size);
      expect(starts[0]).toBe(0);
      expect(starts.at(-1)! + size).toBe(length);
      for (let i = 1; i < starts.length; i++)
        expect(starts[i]! - starts[i - 1]!).toBeLessThanOrEqual(size / 2);
    }
  });

  it('tiles each level coarse to fine; every face up to half a tile lies whole in one', () => {
    const [W, H] = [1000, 667];
    const levels = tileLevels(W, H);
    expect(levels.map((l) => l[0]!.size)).toEqual(TILE_SHARES.map((s) => Math.round(H * s)));
    expect(levels.map((l) => l.length)).toEqual([6, 28]);
    for (const tiles of levels) {
      const size = tiles[0]!.size;
      for (const t of tiles) {
        expect(t.x).toBeGreaterThanOrEqual(0);
        expect(t.y).toBeGreaterThanOrEqual(0);
        expect(t.x + t.size).toBeLessThanOrEqual(W);
        expect(t.y + t.size).toBeLessThanOrEqual(H);
      }
      const face = size / 2;
      for (let x = 0; x + face <= W; x += 37)
        for (let y = 0; y + face <= H; y += 29) {
          const box = { left: x, top: y, right: x + face, bottom: y + face };
          expect(
            tiles.some((t) => insideMargin(box, t) >= 0),
            `${size}: ${x},${y}`,
          ).toBe(true);
        }
    }
  });

  it('leaves out a level with too many tiles (a panorama)', () => {
    const levels = tileLevels(6000, 500);
    expect(levels.length).toBeLessThan(TILE_SHARES.length);
    for (const tiles of levels) expect(tiles.length).toBeLessThanOrEqual(MAX_TILES_PER_LEVEL);
  });

  it('maps a face from its tile onto the whole picture', () => {
    const [W, H] = [1000, 667];
    const tile: Tile = { x: 367, y: 133, size: 267 };
    const points = tileFace({ cx: 0.4, cy: 0.45, eyes: 0.2 });
    points[0] = { x: 0.5, y: 0.25, z: -0.1 };
    const mapped = fromTile(points, tile, W, H);
    expect(mapped[0]!.x).toBeCloseTo((367 + 0.5 * 267) / W, 9);
    expect(mapped[0]!.y).toBeCloseTo((133 + 0.25 * 267) / H, 9);
    // z is in x's scale: a tile's x unit is tile.size pixels, the picture's W.
    expect(mapped[0]!.z).toBeCloseTo((-0.1 * 267) / W, 9);
    // The same face in pixels, whether read in the tile or in the picture: shifted, same size.
    const inTilePx = faceGeometry(toPixels(points, tile.size, tile.size));
    const inFramePx = faceGeometry(toPixels(mapped, W, H));
    expect(inFramePx.faceWidth).toBeCloseTo(inTilePx.faceWidth, 6);
    expect(inFramePx.noseTip.x).toBeCloseTo(inTilePx.noseTip.x + tile.x, 6);
    expect(inFramePx.noseTip.y).toBeCloseTo(inTilePx.noseTip.y + tile.y, 6);
  });

  it('a face large in its tile but small in the picture is too small; one large in both is fine', () => {
    const [W, H] = [1000, 667];
    const small = fromTile(tileFace({ eyes: 0.12 }), { x: 367, y: 133, size: 267 }, W, H);
    // 0.12 x 1.56 x 267 px = 50 px of face width: 19% of the tile, 7.5% of the picture's height.
    expect(checkFaces([{ landmarks: small, matrix }], W, H)).toMatchObject({
      ok: false,
      issue: 'tooSmall',
    });
    const tile = { x: 0, y: 0, size: 500 };
    const large = fromTile(tileFace({ eyes: 0.3 }), tile, W, H);
    const check = checkFaces([{ landmarks: large, matrix }], W, H);
    expect(check.ok).toBe(true);
    expect(check.geometry!.faceWidth).toBeGreaterThan(MIN_FACE_SHARE * H);
  });

  it('measures boxes, their overlap and how far inside a tile a box lies', () => {
    const box = boxOf(
      [
        { x: 0.1, y: 0.2, z: 0 },
        { x: 0.3, y: 0.5, z: 0 },
      ],
      100,
      200,
    );
    expect(box).toEqual({ left: 10, top: 40, right: 30, bottom: 100 });
    const a: Box = { left: 0, top: 0, right: 10, bottom: 10 };
    expect(overlapShare(a, a)).toBe(1);
    expect(overlapShare(a, { left: 5, top: 0, right: 15, bottom: 10 })).toBe(0.5);
    expect(overlapShare(a, { left: 2, top: 2, right: 6, bottom: 6 })).toBe(1); // inside
    expect(overlapShare(a, { left: 20, top: 0, right: 30, bottom: 10 })).toBe(0);
    const tile: Tile = { x: 0, y: 0, size: 100 };
    expect(insideMargin({ left: 40, top: 40, right: 60, bottom: 60 }, tile)).toBe(2);
    expect(insideMargin({ left: -5, top: 40, right: 15, bottom: 60 }, tile)).toBe(-0.25);
  });

  it('merges one face seen in several tiles, keeping the find furthest inside its tile', () => {
    const face = (left: number, top: number, w: number, margin: number, id: string) => ({
      box: { left, top, right: left + w, bottom: top + w },
      margin,
      id,
    });
    const merged = mergeFinds([
      face(126, 170, 49, -0.2, 'crew 1, cut'),
      face(266, 85, 48, 0.5, 'crew 2'),
      face(125, 171, 50, 1.1, 'crew 1, whole'),
      face(411, 179, 50, 0.3, 'crew 3'),
      face(267, 86, 46, 0.2, 'crew 2 again'),
    ]);
    expect(merged.map((f) => f.id)).toEqual(['crew 1, whole', 'crew 2', 'crew 3']);
    expect(mergeFinds([])).toEqual([]);
  });

  it('three faces from tiles say "several faces"', () => {
    const [W, H] = [600, 471];
    const tile = (x: number, y: number): Tile => ({ x, y, size: 353 });
    const faces = [
      [tile(0, 0), 0.4],
      [tile(124, 0), 0.45],
      [tile(247, 118), 0.5],
    ] as const;
    const finds = faces.map(([t, cx]) => {
      const landmarks = fromTile(tileFace({ cx, eyes: 0.1 }), t, W, H);
      const box = boxOf(landmarks, W, H);
      return { landmarks, box, margin: insideMargin(box, t) };
    });
    const merged = mergeFinds(finds);
    expect(merged).toHaveLength(3);
    expect(
      checkFaces(
        merged.map((f) => ({ landmarks: f.landmarks, matrix })),
        W,
        H,
      ),
    ).toEqual({
      ok: false,
      issue: 'severalFaces',
    });
  });
});

describe('try-on tiled look (worker, canvas stubbed)', () => {
  afterEach(() => vi.unstubAllGlobals());

  /**
   * A 1000x667 picture with faces (centre and width in pixels) that the stand-in detector finds in
   * a tile when the face lies whole in it and is at least 13% of the tile's side.
   */
  function scene(faces: { cx: number; cy: number; width: number }[]) {
    let drawn: [number, number, number] = [0, 0, 0];
    class FakeCanvas {
      constructor(
        readonly width: number,
        readonly height: number,
      ) {}
      getContext() {
        return {
          clearRect: () => undefined,
          drawImage: (_: unknown, sx: number, sy: number, size: number) =>
            void (drawn = [sx, sy, size]),
        };
      }
    }
    vi.stubGlobal('OffscreenCanvas', FakeCanvas);
    vi.stubGlobal('ImageData', class {});
    const tiles: number[][] = [];
    const detect = (): FaceLandmarkerResult => {
      const [x, y, size] = drawn;
      tiles.push([...drawn]);
      const seen = faces.filter(
        (f) =>
          f.width >= 0.13 * size &&
          f.cx - f.width / 2 >= x &&
          f.cx + f.width / 2 <= x + size &&
          f.cy - f.width / 2 >= y &&
          f.cy + f.width / 2 <= y + size,
      );
      return {
        faceLandmarks: seen.map((f) =>
          syntheticFace({
            aspect: 1,
            cx: (f.cx - x) / size,
            cy: (f.cy - y) / size,
            eyes: f.width / 1.56 / size,
          }).map((p) => ({ ...p, visibility: 0 })),
        ),
        faceBlendshapes: [],
        facialTransformationMatrixes: seen.map(() => ({ rows: 4, columns: 4, data: matrix })),
      };
    };
    const image = { width: 1000, height: 667 } as ImageBitmap;
    return { detect, image, tiles };
  }

  it('a small face: found in the fine tiles only, once, where it is in the picture', () => {
    const { detect, image, tiles } = scene([{ cx: 480, cy: 285, width: 40 }]);
    const result = detectInTiles(detect, image, 3);
    expect(tiles).toHaveLength(6 + 28); // nothing at the coarse level: every fine tile looked at
    expect(result.faceLandmarks).toHaveLength(1);
    const geometry = faceGeometry(toPixels(result.faceLandmarks[0]!, 1000, 667));
    expect(geometry.faceWidth).toBeCloseTo(40, 0);
    expect(geometry.noseBridge.x).toBeCloseTo(480, 0);
    expect(result.facialTransformationMatrixes).toHaveLength(1);
    expect(checkFaces([{ landmarks: result.faceLandmarks[0]!, matrix }], 1000, 667)).toMatchObject({
      ok: false,
      issue: 'tooSmall',
    });
  });

  it('a group: found at the coarse level (the fine one is skipped), each face once, up to maxFaces', () => {
    const crew = [
      { cx: 150, cy: 200, width: 70 },
      { cx: 480, cy: 150, width: 70 },
      { cx: 800, cy: 330, width: 70 },
    ];
    const { detect, image, tiles } = scene(crew);
    expect(detectInTiles(detect, image, 3).faceLandmarks).toHaveLength(3);
    expect(tiles).toHaveLength(6);
    expect(detectInTiles(detect, image, 2).faceLandmarks).toHaveLength(2);
  });

  it('no face: every level looked at, nothing found; no pixels: nothing looked at', () => {
    const { detect, image, tiles } = scene([]);
    expect(detectInTiles(detect, image, 3).faceLandmarks).toEqual([]);
    expect(tiles).toHaveLength(34);
    const empty = { width: 0, height: 0 } as ImageBitmap;
    expect(detectInTiles(detect, empty, 3).faceLandmarks).toEqual([]);
    expect(tiles).toHaveLength(34);
  });
});
