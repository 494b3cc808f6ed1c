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

/**
 * Opens the front camera at about 640x480 and plays it in `video` (muted, inline). Resolves to
 * null, with the stream already stopped, when `wanted()` turned false while the camera opened
 * (the shopper stopped it, or started it again): an old start must never hold a camera.
 */
export async function startCamera(
  video: HTMLVideoElement,
  wanted: () => boolean = () => true,
): Promise<MediaStream | null> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('absent');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
    });
  } catch (error) {
    if (!wanted()) return null;
    throw new CameraError(cameraProblem(error));
  }
  if (!wanted()) {
    stopStream(stream, video);
    return null;
  }
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
  } catch (error) {
    stopStream(stream, video);
    if (!wanted()) return null;
    throw new CameraError(cameraProblem(error));
  }
  if (!wanted()) {
    stopStream(stream, video);
    return null;
  }
  return stream;
}

/** Stops one stream, and takes it off `video` if it is still the one playing there. */
export function stopStream(stream: MediaStream, video?: HTMLVideoElement | null): void {
  stream.getTracks().forEach((track) => track.stop());
  if (video && video.srcObject === stream) video.srcObject = null;
}

/** Stops whatever `video` is playing. */
export function stopCamera(video: HTMLVideoElement | undefined | null): void {
  const stream = video?.srcObject as MediaStream | null | undefined;
  if (stream) stopStream(stream, video);
  else if (video) video.srcObject = null;
}
