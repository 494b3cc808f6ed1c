import { describe, expect, it } from 'vitest';
import {
  liveIssue,
  problemCode,
  problemText,
  statusOf,
  type Problem,
} from '../../src/lib/tryon/client/status';
import { tryOnEn, tryOnZhCN } from '../../src/lib/tryon/messages';
import type { FaceCheck } from '../../src/lib/tryon/shared/checks';
import type { FaceGeometry } from '../../src/lib/tryon/shared/geometry';

const idle = { busy: '', problem: null, face: false, mode: 'idle' } as const;

describe('try-on status line', () => {
  it('says a slow step first, then a problem, then the face, then how to begin', () => {
    const model: Problem = { kind: 'model' };
    expect(statusOf({ ...idle, busy: 'starting', problem: model })).toEqual({ kind: 'starting' });
    expect(statusOf({ ...idle, busy: 'loading', face: true })).toEqual({ kind: 'loading' });
    expect(statusOf({ ...idle, problem: model, face: true, mode: 'camera' })).toEqual({
      kind: 'problem',
      problem: model,
    });
    expect(statusOf({ ...idle, face: true, mode: 'photo' })).toEqual({ kind: 'face' });
    expect(statusOf(idle)).toEqual({ kind: 'pick' });
    // A face left over from a stopped camera is not "found".
    expect(statusOf({ ...idle, face: true })).toEqual({ kind: 'pick' });
    // The camera running, no face yet and nothing wrong: nothing to say.
    expect(statusOf({ ...idle, mode: 'camera' })).toEqual({ kind: 'none' });
  });

  it('names each problem with a stable code and its own text, in both languages', () => {
    const cases: [Problem, string, { title: string; hint: string }][] = [
      [{ kind: 'camera', problem: 'denied' }, 'denied', tryOnEn.camera.denied],
      [{ kind: 'photo' }, 'photo', tryOnEn.photoProblem],
      [{ kind: 'model' }, 'model', tryOnEn.modelProblem],
      [{ kind: 'face', issue: 'severalFaces' }, 'severalFaces', tryOnEn.issues.severalFaces],
    ];
    for (const [problem, code, text] of cases) {
      expect(problemCode(problem)).toBe(code);
      expect(problemText(tryOnEn, problem)).toBe(text);
      expect(problemText(tryOnZhCN, problem).title).not.toBe(text.title);
    }
  });
});

describe('live face issue', () => {
  const geometry = {} as FaceGeometry;
  const ok: FaceCheck = { ok: true, geometry };
  const small: FaceCheck = { ok: false, issue: 'tooSmall' };
  const points = [{ x: 1, y: 2, z: 0 }];

  it('a held pose says nothing new; a lost face says why; a face seen again clears it', () => {
    expect(liveIssue('noFace', small, { points, held: true })).toBe('noFace');
    expect(liveIssue(null, small, { points, held: true })).toBe(null);
    expect(liveIssue(null, small, null)).toBe('tooSmall');
    expect(liveIssue('tooSmall', ok, { points, held: false })).toBe(null);
    expect(liveIssue('tooSmall', ok, null)).toBe(null);
  });
});
