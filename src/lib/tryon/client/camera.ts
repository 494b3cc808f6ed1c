/**
 * The front camera, for live try-on. Frames go from the <video> to the landmarker and the canvas,
 * and nowhere else. The stream is stopped as soon as it is not shown (view left, tab hidden).
 */
export type CameraProblem = 'denied' | 'absent' | 'failed';

export class CameraError extends Error {
  constructor(readonly problem: CameraProblem) {
    super(`camera ${problem}`);
  }
}

/** What went wrong, in the three cases the shopper can act on. */
export function cameraProblem(error: unknown): CameraProblem {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError')
    return 'denied';
  if (
    name === 'NotFoundError' ||
    name === 'OverconstrainedError' ||
    name === 'DevicesNotFoundError'
  )
    return 'absent';
  return 'failed';
}

/** Opens the front camera at about 640x480 and plays it in `video` (muted, inline). */
export async function startCamera(video: HTMLVideoElement): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('absent');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
    });
  } catch (error) {
    throw new CameraError(cameraProblem(error));
  }
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
  } catch (error) {
    stopCamera(video);
    throw new CameraError(cameraProblem(error));
  }
  return stream;
}

export function stopCamera(video: HTMLVideoElement | undefined | null): void {
  const stream = video?.srcObject as MediaStream | null | undefined;
  stream?.getTracks().forEach((track) => track.stop());
  if (video) video.srcObject = null;
}
