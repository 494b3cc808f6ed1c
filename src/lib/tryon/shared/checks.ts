/**
 * Is this frame good enough to try something on? Face problems become message codes the view
 * turns into friendly text with a way forward.
 */
import { faceGeometry, noseOffset, toPixels, type FaceGeometry, type Point3 } from './geometry';
import { poseFromMatrix } from './pose';

export type FaceIssue = 'noFace' | 'severalFaces' | 'tooSmall' | 'tooTurned';

export interface DetectedFace {
  landmarks: Point3[];
  matrix: number[];
}

/** A face narrower than this share of the frame's shorter side is too far away. */
export const MIN_FACE_SHARE = 0.1;
/** Turned further than this (radians) and the landmarks on the far side are guesses. */
export const MAX_YAW = (40 * Math.PI) / 180;
/** The nose tip this close to a cheek's outline (see noseOffset): turned too far, matrix or not. */
export const MAX_NOSE_OFFSET = 0.9;
export const MAX_PITCH = (35 * Math.PI) / 180;

export type FaceCheck =
  { ok: true; geometry: FaceGeometry } | { ok: false; issue: FaceIssue; geometry?: FaceGeometry };

export function checkFaces(
  faces: readonly DetectedFace[],
  width: number,
  height: number,
): FaceCheck {
  if (faces.length === 0) return { ok: false, issue: 'noFace' };
  if (faces.length > 1) return { ok: false, issue: 'severalFaces' };
  const face = faces[0]!;
  const geometry = faceGeometry(toPixels(face.landmarks, width, height));
  return checkGeometry(geometry, face.matrix, width, height);
}

export function checkGeometry(
  geometry: FaceGeometry,
  matrix: readonly number[] | undefined,
  width: number,
  height: number,
): FaceCheck {
  if (geometry.faceWidth < MIN_FACE_SHARE * Math.min(width, height))
    return { ok: false, issue: 'tooSmall', geometry };
  const pose = matrix?.length === 16 ? poseFromMatrix(matrix) : null;
  // The matrix's yaw and pitch when it has them; the image's own reading always.
  if (
    Math.abs(noseOffset(geometry)) > MAX_NOSE_OFFSET ||
    (pose && (Math.abs(pose.yaw) > MAX_YAW || Math.abs(pose.pitch) > MAX_PITCH))
  )
    return { ok: false, issue: 'tooTurned', geometry };
  return { ok: true, geometry };
}
