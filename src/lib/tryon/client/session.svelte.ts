/**
 * One Try on session, from opening the view to leaving it: the picture (live camera or a photo
 * kept in memory), the face landmarker and the detect loop, the tracker that steadies a live face,
 * the products worn, the status line and snapshots. Views only render it and call its methods.
 *
 * The camera is let go of whenever it is not shown: the tab hidden (it starts again on return),
 * the view left (dispose), a kiosk ending the shopper's session. Every start bumps a run number,
 * so an older camera start, photo or detect loop that is still finishing knows to give way.
 *
 *   const tryOn = new TryOnSession(() => router.route.params.get('product'));
 *   onDestroy(() => tryOn.dispose());
 */
import { untrack } from 'svelte';
import { addGalleryPicture } from '../../db';
import { i18n } from '../../i18n/locale.svelte';
import { KIOSK_RESET_EVENT, kiosk } from '../../kiosk/client/kiosk.svelte';
import { notify, reportStorageError } from '../../shell/notices.svelte';
import { session } from '../../shell/session.svelte';
import { checkFaces } from '../shared/checks';
import { faceGeometry, toPixels, type FaceGeometry } from '../shared/geometry';
import { FaceTracker } from '../shared/tracker';
import * as camera from './camera';
import { TryOnChoice } from './choice.svelte';
import { createLandmarker, type FaceFrame, type Landmarker } from './landmarker';
import { offlineAssets } from '../../shell/offline-assets.svelte';
import { decodePhoto } from './photo';
import { anchorsOf, renderTryOn, sceneRequest, type FrameLook, type ThreeInput } from './render';
import { createSceneRenderer, type SceneRenderer } from './scene';
import { is3d } from '../shared/placement3d';
import { downloadBlob, shareBlob, snapshot, snapshotFileName } from './snapshot';
import { liveIssue, statusOf, type Busy, type Problem, type SourceMode } from './status';

type LandmarkerKind = 'image' | 'video';
/** The 3D layers of the products on canvas A and B, and which product each is of. */
type Layers3d = Partial<Record<'a' | 'b', { id: string; input: ThreeInput }>>;

/** How often a live frame's light and hair are looked at again, ms. */
const LOOK_EVERY_MS = 1000;

export class TryOnSession {
  readonly choice: TryOnChoice;
  mode = $state<SourceMode>('idle');
  busy = $state<Busy>('');
  problem = $state.raw<Problem | null>(null);
  /** The face on the picture, in pixels; null when none is usable. */
  face = $state.raw<FaceGeometry | null>(null);
  /** The picture's size (the canvases take it). */
  size = $state.raw({ width: 640, height: 480 });
  saving = $state(false);
  /** The frame's light and hair (analysed off the UI thread), for the 3D products. */
  look = $state.raw<FrameLook>({});
  /** Earrings not drawn because the wearer's hair covers that ear (the stage says so). */
  hiddenByHair = $state.raw<('right' | 'left')[]>([]);
  /** The 3D renderer (a worker), started with the first 3D product; null where WebGL is missing. */
  #renderer: Promise<SceneRenderer | null> | null = null;
  /** The latest 3D layers of the products on canvas A and B, and which product each is. */
  #three = $state.raw<Layers3d>({});
  #threeRequest = 0;

  /** Bound by the stage: the hidden <video> the camera plays in, and the one or two canvases. */
  video = $state.raw<HTMLVideoElement>();
  canvasA = $state.raw<HTMLCanvasElement>();
  canvasB = $state.raw<HTMLCanvasElement>();

  readonly status = $derived(
    statusOf({ busy: this.busy, problem: this.problem, face: !!this.face, mode: this.mode }),
  );
  /** A picture with a product on it, ready to save, download or share. */
  get ready(): boolean {
    return this.mode !== 'idle' && !this.busy && !!this.choice.product;
  }

  #photo: ImageBitmap | null = null;
  #run = 0;
  #resumeWhenVisible = false;
  /** One landmarker per mode, created on first use and closed by dispose(). */
  #landmarkers: Partial<Record<LandmarkerKind, Promise<Landmarker>>> = {};

  /** `requested`: the product id the route asks for (reactive). Create while a view is created. */
  constructor(requested: () => string | null) {
    this.choice = new TryOnChoice(requested);
    // A photo is redrawn when the product, comparison or face changes; the camera every frame.
    $effect(() => {
      void [this.choice.product, this.choice.second, this.face, this.canvasA, this.canvasB];
      void [this.size, this.look, this.#three];
      if (this.mode === 'photo') this.#draw();
    });
    // A photo's 3D products are rendered again when the product, face or light changes (a live
    // camera's on each new face, in the detect loop).
    $effect(() => {
      void [this.choice.product, this.choice.second, this.face, this.look, this.size];
      // untrack: what the render reads and writes besides these does not call for another.
      if (this.mode === 'photo') untrack(() => void this.#renderThree());
    });
    document.addEventListener('visibilitychange', this.#onVisibility);
    addEventListener(KIOSK_RESET_EVENT, this.stopCamera);
  }

  dispose(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    removeEventListener(KIOSK_RESET_EVENT, this.stopCamera);
    this.stopCamera();
    this.#keepPhoto(null);
    for (const kind of ['image', 'video'] as const) this.#closeLandmarker(kind);
    this.#setThree({}, []);
    void this.#renderer?.then((r) => r?.close());
    this.#renderer = null;
  }

  /* ------------------------------------------------------------------------------- photo */

  async usePhoto(file: File): Promise<void> {
    this.stopCamera();
    const run = this.#run;
    this.problem = null;
    this.face = null;
    this.look = {};
    let bitmap: ImageBitmap;
    try {
      bitmap = await decodePhoto(file);
    } catch {
      if (run === this.#run) this.problem = { kind: 'photo' };
      return;
    }
    if (run !== this.#run) return bitmap.close();
    this.#keepPhoto(bitmap);
    this.size = { width: bitmap.width, height: bitmap.height };
    this.mode = 'photo';
    this.busy = 'loading';
    try {
      const landmarker = await this.#landmarker('image');
      const faces = await landmarker.detect(bitmap);
      if (run !== this.#run) return; // another photo or the camera came meanwhile
      const check = checkFaces(faces, this.size.width, this.size.height);
      this.face = check.ok ? check.geometry : null;
      this.problem = check.ok ? null : { kind: 'face', issue: check.issue };
      if (check.ok) await this.#analyse(run, landmarker, bitmap, faces[0]!, true);
    } catch (e) {
      console.error(e);
      this.#closeLandmarker('image'); // a dead worker: the next photo starts a new one
      if (run === this.#run) this.problem = { kind: 'model' };
    } finally {
      if (run === this.#run) this.busy = '';
    }
  }

  /* ------------------------------------------------------------------------------ camera */

  useCamera = async (): Promise<void> => {
    const run = ++this.#run;
    this.problem = null;
    this.face = null;
    this.look = {};
    this.#keepPhoto(null);
    this.busy = 'starting';
    this.mode = 'camera';
    const video = this.video;
    try {
      if (!video) throw new camera.CameraError('failed');
      // null: stopped or started again meanwhile (that start has the camera now)
      if (!(await camera.startCamera(video, () => run === this.#run))) return;
    } catch (e) {
      if (run === this.#run) {
        this.problem = {
          kind: 'camera',
          problem: e instanceof camera.CameraError ? e.problem : 'failed',
        };
        this.mode = 'idle';
        this.busy = '';
      }
      return;
    }
    this.size = { width: video.videoWidth || 640, height: video.videoHeight || 480 };
    this.busy = 'loading';
    let landmarker: Landmarker;
    try {
      landmarker = await this.#landmarker('video');
    } catch (e) {
      console.error(e);
      if (run === this.#run) {
        this.problem = { kind: 'model' };
        this.stopCamera();
      }
      return;
    }
    if (run !== this.#run) return;
    this.busy = '';
    void this.#detectLoop(run, video, landmarker);
    const frame = () => {
      if (run !== this.#run) return;
      this.#draw();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };

  /** Lets go of the camera (the stop button, a hidden tab, a kiosk reset, the view left). */
  stopCamera = (): void => {
    this.#run++;
    camera.stopCamera(this.video);
    if (this.mode === 'camera') {
      this.mode = 'idle';
      this.face = null;
      if (this.problem?.kind === 'face') this.problem = null;
    }
    this.busy = '';
  };

  /** Landmarks as fast as they come (off the UI thread), steadied; the canvas draws the latest. */
  async #detectLoop(run: number, video: HTMLVideoElement, landmarker: Landmarker): Promise<void> {
    const tracker = new FaceTracker();
    let lastLook = -Infinity;
    while (run === this.#run) {
      try {
        const faces = await landmarker.detect(video, performance.now());
        if (run !== this.#run) return;
        const w = video.videoWidth;
        const h = video.videoHeight;
        if (!w || !h) continue;
        if (w !== this.size.width || h !== this.size.height) this.size = { width: w, height: h };
        const check = checkFaces(faces, w, h);
        const points = check.ok ? toPixels(faces[0]!.landmarks, w, h) : null;
        const tracked = tracker.update(points, performance.now());
        this.face = tracked ? faceGeometry(tracked.points) : null;
        const before = this.problem?.kind === 'face' ? this.problem.issue : null;
        const issue = liveIssue(before, check, tracked);
        if (issue !== before) this.problem = issue ? { kind: 'face', issue } : null;
        await this.#renderThree(true);
        // Light and hair change slowly: looked at about once a second, between detections.
        const now = performance.now();
        if (check.ok && now - lastLook > LOOK_EVERY_MS) {
          lastLook = now;
          const product = this.choice.product?.tryOn;
          const hair = product?.kind === 'hat' || product?.kind === 'earring';
          await this.#analyse(run, landmarker, video, faces[0]!, hair);
        }
      } catch (e) {
        if (run !== this.#run) return;
        console.error(e);
        this.#closeLandmarker('video'); // a dead worker: the next start gets a new one
        this.problem = { kind: 'model' };
        this.stopCamera();
        return;
      }
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  #onVisibility = (): void => {
    if (document.hidden && this.mode === 'camera') {
      this.#resumeWhenVisible = true;
      this.stopCamera();
    } else if (!document.hidden && this.#resumeWhenVisible) {
      this.#resumeWhenVisible = false;
      void this.useCamera();
    }
  };

  /** The frame's light (and hair, when asked) for this face; a failure leaves the defaults. */
  async #analyse(
    run: number,
    landmarker: Landmarker,
    source: ImageBitmap | HTMLVideoElement,
    face: FaceFrame,
    hair: boolean,
  ): Promise<void> {
    try {
      const found = await landmarker.analyse(source, face, { hair, light: true });
      if (run !== this.#run) return;
      this.look = { light: found.light ?? undefined, hair: found.hair ?? this.look.hair };
    } catch (e) {
      console.warn('Try on: the frame could not be analysed; default light, no hair mask', e);
    }
  }

  /**
   * Renders the 3D products (canvas A's and, when comparing, B's) on the current face, off the UI
   * thread; the newest request wins. Without WebGL anywhere they are drawn flat.
   */
  async #renderThree(live = false): Promise<void> {
    const request = ++this.#threeRequest;
    const { face, size, look } = this;
    const worn = { a: this.choice.product, b: this.choice.second };
    const wants3d = Object.values(worn).some((p) => p?.tryOn && is3d(p.tryOn));
    if (!face || !wants3d) return this.#setThree({}, []);
    this.#renderer ??= createSceneRenderer().catch((e: unknown) => {
      console.error(e);
      return null;
    });
    const renderer = await this.#renderer;
    const next: Layers3d = {};
    let hidden: ('right' | 'left')[] = [];
    for (const key of ['a', 'b'] as const) {
      const p = worn[key];
      if (!p?.tryOn || !is3d(p.tryOn)) continue;
      if (!renderer) {
        next[key] = { id: p.id, input: 'flat' };
        continue;
      }
      const scene = { ...sceneRequest(face, p.tryOn, size.width, size.height, look), live };
      if (key === 'a') hidden = scene.hidden;
      try {
        const layers = await renderer.render(scene);
        next[key] = { id: p.id, input: { placement: scene.placement, layers } };
      } catch (e) {
        console.error(e);
        next[key] = { id: p.id, input: 'flat' };
      }
    }
    if (request !== this.#threeRequest) return closeLayers(next); // a newer one is on its way
    this.#setThree(next, hidden);
  }

  #setThree(next: Layers3d, hidden: ('right' | 'left')[]): void {
    closeLayers(this.#three);
    this.#three = next;
    if (hidden.join() !== this.hiddenByHair.join()) this.hiddenByHair = hidden;
  }

  /* ---------------------------------------------------------------------------- drawing */

  /** Draws both canvases (the second only when comparing) from the current frame and face. */
  #draw(): void {
    const source = this.mode === 'camera' ? this.video : this.#photo;
    if (!source || this.mode === 'idle') return;
    const mirrored = this.mode === 'camera';
    const { face, size, look } = this;
    for (const [canvas, p, key] of [
      [this.canvasA, this.choice.product, 'a'],
      [this.canvasB, this.choice.second, 'b'],
    ] as const) {
      const ctx = p && canvas?.getContext('2d');
      if (!canvas || !p || !ctx) continue;
      const product = p.tryOn ?? null;
      // A 3D product shows once its layers are rendered (the bare frame until then).
      const layers = this.#three[key];
      const three = layers?.id === p.id ? layers.input : 'pending';
      const rendered = renderTryOn(ctx, { source, ...size, mirrored, face, product, three, look });
      canvas.dataset.product = p.id;
      if (face) canvas.dataset.anchors = JSON.stringify(anchorsOf(face, size.width, mirrored));
      else delete canvas.dataset.anchors;
      if (rendered.keys) canvas.dataset.placement = JSON.stringify(rendered.keys);
      else delete canvas.dataset.placement;
    }
  }

  #keepPhoto(bitmap: ImageBitmap | null): void {
    this.#photo?.close();
    this.#photo = bitmap;
  }

  #landmarker(kind: LandmarkerKind): Promise<Landmarker> {
    // MediaPipe's files are fetched (with progress) and cached on first use; offline, a notice says so.
    this.#landmarkers[kind] ??= offlineAssets
      .ensure('tryon')
      // Two faces are enough to say "one at a time" live; a photo's tiled look (see
      // worker/tiled.ts) reports up to three, a small group as it is.
      .then(() => createLandmarker(kind, { numFaces: kind === 'image' ? 3 : 2 }))
      .catch((e: unknown) => {
        delete this.#landmarkers[kind];
        throw e;
      });
    return this.#landmarkers[kind];
  }

  #closeLandmarker(kind: LandmarkerKind): void {
    const landmarker = this.#landmarkers[kind];
    delete this.#landmarkers[kind];
    void landmarker?.then((l) => l.close()).catch(() => undefined);
  }

  /* --------------------------------------------------------------------------- snapshots */

  #canvases(): HTMLCanvasElement[] {
    return [this.canvasA, this.choice.second ? this.canvasB : undefined].filter((c) => !!c);
  }

  /** Keeps the picture in the gallery (My data). */
  save = async (): Promise<void> => {
    const db = session.db;
    if (!db) return notify(i18n.t.errors.unavailable, 'error');
    this.saving = true;
    try {
      const profileId = session.profileId;
      const saved = await db.holds.run(async () => {
        const image = await snapshot(this.#canvases());
        return addGalleryPicture(db, profileId, this.choice.wornIds, image);
      });
      if (saved !== undefined) notify(i18n.t.tryOn.saved);
    } catch (e) {
      reportStorageError(e);
    } finally {
      this.saving = false;
    }
  };

  download = async (): Promise<void> => {
    if (kiosk.enabled) return; // a shared screen keeps no file of a shopper's face
    downloadBlob(await snapshot(this.#canvases()), snapshotFileName(this.choice.wornIds));
  };

  share = async (): Promise<void> => {
    if (kiosk.enabled) return;
    const blob = await snapshot(this.#canvases());
    const name = snapshotFileName(this.choice.wornIds);
    if (!(await shareBlob(blob, name, i18n.t.tryOn.title))) notify(i18n.t.tryOn.shareUnavailable);
  };
}

/** Frees the bitmaps of rendered 3D layers that will not be drawn again. */
function closeLayers(three: Layers3d): void {
  for (const t of Object.values(three))
    if (typeof t.input === 'object') for (const l of t.input.layers) l.bitmap.close();
}
