/**
 * A photo in which the whole-picture look found no face is looked at again in tiles (see
 * shared/tiles.ts for why and where): each tile is cut here, on an OffscreenCanvas, landmarked,
 * and its faces are mapped back onto the whole picture, so that the view's checks (several
 * faces, too small) judge them as faces of the photo.
 *
 * Photos only: the live camera is never tiled. Its video graph tracks a face from frame to frame
 * and a tiled look needs an image graph (a second model in memory) and 0.2 to 0.5 s of the
 * worker's time, a visible stall in the live picture; and live, a face once found is tracked as
 * the shopper steps back, so "too small" is said there without tiles.
 */
import type { FaceLandmarkerResult, NormalizedLandmark } from '@mediapipe/tasks-vision';
import {
  boxOf,
  fromTile,
  insideMargin,
  mergeFinds,
  tileLevels,
  type TileFind,
} from '../shared/tiles';

type Detect = (image: TexImageSource) => FaceLandmarkerResult;

interface Find extends TileFind {
  landmarks: NormalizedLandmark[];
  matrix: FaceLandmarkerResult['facialTransformationMatrixes'][number] | undefined;
}

type Sized = Partial<Record<`${'video' | 'natural' | 'display'}${'Width' | 'Height'}`, number>>;

/** The picture's own size, whatever kind of source it is (a video's, not its element's). */
export function sizeOf(image: TexImageSource): { width: number; height: number } {
  const s = image as Sized & { width?: number; height?: number };
  return {
    width: s.videoWidth || s.naturalWidth || s.displayWidth || s.width || 0,
    height: s.videoHeight || s.naturalHeight || s.displayHeight || s.height || 0,
  };
}

/**
 * Faces found in tiles of `image`, in the whole picture's coordinates: coarse tiles first, finer
 * ones only while none is found (a photo with no face at all costs every level: about 30 tiles).
 * The matrices are the tiles' own: their rotation (the head's pose, all the checks read) holds,
 * their translation is relative to the tile.
 */
export function detectInTiles(
  detect: Detect,
  image: TexImageSource,
  maxFaces: number,
): FaceLandmarkerResult {
  const result: FaceLandmarkerResult = {
    faceLandmarks: [],
    faceBlendshapes: [],
    facialTransformationMatrixes: [],
  };
  const { width, height } = sizeOf(image);
  if (!width || !height || typeof OffscreenCanvas === 'undefined') return result;
  if (image instanceof ImageData) return result; // raw pixels cannot be drawn; no caller has them
  for (const tiles of tileLevels(width, height)) {
    const size = tiles[0]!.size;
    const canvas = new OffscreenCanvas(size, size);
    const ctx = canvas.getContext('2d');
    if (!ctx) return result;
    const finds: Find[] = [];
    for (const tile of tiles) {
      ctx.clearRect(0, 0, size, size);
      ctx.drawImage(image, tile.x, tile.y, size, size, 0, 0, size, size);
      const found = detect(canvas);
      found.faceLandmarks.forEach((points, f) => {
        const landmarks = fromTile(points, tile, width, height).map((p) => ({
          ...p,
          visibility: 0,
        }));
        const box = boxOf(landmarks, width, height);
        const matrix = found.facialTransformationMatrixes?.[f];
        finds.push({ landmarks, matrix, box, margin: insideMargin(box, tile) });
      });
    }
    const faces = mergeFinds(finds).slice(0, maxFaces);
    if (!faces.length) continue;
    result.faceLandmarks = faces.map((f) => f.landmarks);
    result.facialTransformationMatrixes = faces.map(
      (f) => f.matrix ?? { rows: 4, columns: 4, data: [] },
    );
    return result;
  }
  return result;
}
