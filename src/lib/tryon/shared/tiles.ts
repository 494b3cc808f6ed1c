/**
 * A second look for small faces in a photo, the pure part: where the tiles go, how a face found
 * in a tile maps back onto the whole picture, and which finds are the same face.
 *
 * Why tiles: the face landmarker's detector (BlazeFace short range) sees every picture squeezed
 * into 128x128 pixels, so a face narrower than about a tenth of the picture's longer side is a
 * few pixels there and is missed: a group photo or a full-body shot says "no face". Cut into
 * square tiles, each tile is squeezed instead, and a face that is 12% or more of a tile's side is
 * found. Tiles are cut at the picture's own resolution: the detector resamples to 128 anyway, so
 * scaling a tile up adds time and no detail; what makes a face large enough is the crop.
 */
import type { Point3 } from './geometry';

/** A square part of the picture, in the picture's pixels. */
export interface Tile {
  x: number;
  y: number;
  size: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Tile sides as shares of the picture's shorter side, coarse to fine. A level finds faces from
 * about 0.13 to 0.5 of its tile's side (half: the overlap puts every such face whole inside a
 * tile), so 0.75 covers faces of 0.1 to 0.37 of the shorter side and 0.4 faces of 0.05 to 0.2.
 * Measured on ../shared/data/faces: the Apollo 11 crew (pilots_pd.png, faces 0.1 of the shorter
 * side) are all found at 0.75; the full-body yoga photo (tfjs_pose_fullbody.jpg, 0.06) only at 0.4
 * (and at 0.5, in 2 of 15 tiles: too close to call).
 */
export const TILE_SHARES = [0.75, 0.4] as const;
/** A level with more tiles than this (a panorama) is skipped: its time would be out of bounds. */
export const MAX_TILES_PER_LEVEL = 40;
/** Two finds whose boxes share this much of the smaller box are one face seen twice. */
export const SAME_FACE_OVERLAP = 0.4;

/** Starts of tiles of `size` along a side of `length`: half-overlapping, ends flush. */
export function tileStarts(length: number, size: number): number[] {
  if (size >= length) return [0];
  const n = Math.ceil((length - size) / (size / 2)) + 1;
  return Array.from({ length: n }, (_, i) => Math.round(((length - size) * i) / (n - 1)));
}

/** The tiles of each level, coarse to fine (levels with too many tiles left out). */
export function tileLevels(
  width: number,
  height: number,
  shares: readonly number[] = TILE_SHARES,
  maxTiles = MAX_TILES_PER_LEVEL,
): Tile[][] {
  const levels: Tile[][] = [];
  for (const share of shares) {
    const size = Math.max(1, Math.round(Math.min(width, height) * share));
    const xs = tileStarts(width, size);
    const ys = tileStarts(height, size);
    if (xs.length * ys.length > maxTiles) continue;
    levels.push(ys.flatMap((y) => xs.map((x) => ({ x, y, size }))));
  }
  return levels;
}

/**
 * Landmarks normalised to a tile (0..1 of its side; z in x's scale) to landmarks normalised to
 * the whole width x height picture, as the landmarker gives them for a whole picture.
 */
export function fromTile(
  points: readonly Point3[],
  tile: Tile,
  width: number,
  height: number,
): Point3[] {
  return points.map((p) => ({
    x: (tile.x + p.x * tile.size) / width,
    y: (tile.y + p.y * tile.size) / height,
    z: (p.z * tile.size) / width,
  }));
}

/** The box around normalised points, in pixels of a width x height picture. */
export function boxOf(points: readonly Point3[], width: number, height: number): Box {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    left = Math.min(left, p.x * width);
    right = Math.max(right, p.x * width);
    top = Math.min(top, p.y * height);
    bottom = Math.max(bottom, p.y * height);
  }
  return { left, top, right, bottom };
}

const area = (b: Box) => Math.max(0, b.right - b.left) * Math.max(0, b.bottom - b.top);

/** The share of the smaller box that the two boxes have in common (0..1). */
export function overlapShare(a: Box, b: Box): number {
  const common = area({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  const smaller = Math.min(area(a), area(b));
  return smaller > 0 ? common / smaller : 0;
}

/**
 * How far inside its tile a face's box lies, in face widths (negative: it sticks out). A face cut
 * by a tile's edge has guessed landmarks past the cut; the same face whole in another tile is
 * the better find.
 */
export function insideMargin(box: Box, tile: Tile): number {
  const margin = Math.min(
    box.left - tile.x,
    box.top - tile.y,
    tile.x + tile.size - box.right,
    tile.y + tile.size - box.bottom,
  );
  return margin / Math.max(1, box.right - box.left);
}

export interface TileFind {
  box: Box;
  /** insideMargin of the face in the tile it was found in. */
  margin: number;
}

/**
 * One find per face: finds whose boxes overlap (SAME_FACE_OVERLAP of the smaller) are one face,
 * and the one lying furthest inside its tile is kept. Order: first seen first.
 */
export function mergeFinds<T extends TileFind>(
  finds: readonly T[],
  minOverlap = SAME_FACE_OVERLAP,
): T[] {
  const kept: T[] = [];
  for (const find of finds) {
    const same = kept.findIndex((k) => overlapShare(k.box, find.box) >= minOverlap);
    if (same < 0) kept.push(find);
    else if (find.margin > kept[same]!.margin) kept[same] = find;
  }
  return kept;
}
