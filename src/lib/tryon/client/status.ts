/**
 * What the Try on view tells the shopper, decided from the session's state: pure rules, kept out
 * of the session so that they can be tested without a camera, a worker or a DOM.
 */
import type { FaceCheck, FaceIssue } from '../shared/checks';
import type { Tracked } from '../shared/tracker';
import type { tryOnEn } from '../messages';
import type { CameraProblem } from './camera';

/** Where the picture comes from. */
export type SourceMode = 'idle' | 'camera' | 'photo';
/** A slow step under way: opening the camera, or getting the face finder ready. */
export type Busy = '' | 'loading' | 'starting';

/** The one thing that went wrong, if any, with the picture or the face in it. */
export type Problem =
  | { kind: 'camera'; problem: CameraProblem }
  | { kind: 'photo' }
  | { kind: 'model' }
  | { kind: 'face'; issue: FaceIssue };

export type TryOnStatus =
  | { kind: 'starting' }
  | { kind: 'loading' }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'face' }
  | { kind: 'pick' }
  | { kind: 'none' };

/** The status line: a slow step first, then a problem, then the face, then how to begin. */
export function statusOf(s: {
  busy: Busy;
  problem: Problem | null;
  face: boolean;
  mode: SourceMode;
}): TryOnStatus {
  if (s.busy) return { kind: s.busy };
  if (s.problem) return { kind: 'problem', problem: s.problem };
  if (s.face && s.mode !== 'idle') return { kind: 'face' };
  if (s.mode === 'idle') return { kind: 'pick' };
  return { kind: 'none' };
}

/** A stable code for a problem (the status's `data-problem`). */
export function problemCode(p: Problem): string {
  switch (p.kind) {
    case 'camera':
      return p.problem;
    case 'face':
      return p.issue;
    default:
      return p.kind;
  }
}

/** The problem in words: a title and what to do next. */
export function problemText(
  t: typeof tryOnEn,
  p: Problem,
): { readonly title: string; readonly hint: string } {
  switch (p.kind) {
    case 'camera':
      return t.camera[p.problem];
    case 'photo':
      return t.photoProblem;
    case 'model':
      return t.modelProblem;
    case 'face':
      return t.issues[p.issue];
  }
}

/**
 * The face issue after a live frame. A dropped frame or two keeps the last pose and says nothing
 * new; a lost face says why; a face seen again clears it.
 */
export function liveIssue(
  previous: FaceIssue | null,
  check: FaceCheck,
  tracked: Tracked | null,
): FaceIssue | null {
  if (!tracked) return check.ok ? null : check.issue;
  return tracked.held ? previous : null;
}
