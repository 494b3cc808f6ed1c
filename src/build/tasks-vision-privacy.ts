/**
 * @mediapipe/tasks-vision 1.1.0 sends usage logs (task type, running mode, latencies, platform)
 * to a Google endpoint every 60 s and on close(), with no option to turn it off. The CSP would
 * block the request, but the app must not even try: this rewrites the logger in the package's
 * code so that it never starts its timer, never queues an event and never calls fetch.
 *
 * Each rewrite must match exactly once, so a different package version fails the build instead
 * of silently shipping the logger (the version is pinned in package.json).
 */
import type { Plugin } from 'vite';

export const TASKS_VISION_VERSION = '1.1.0';
export const TELEMETRY_HOST = 'odml.pa.googleapis.com';

interface Rewrite {
  why: string;
  /** A string, or a global regex (minified class names differ between the package's bundles). */
  from: string | RegExp;
  to: string;
}

const REWRITES: Rewrite[] = [
  {
    why: 'the logger: no 60 s flush timer, no sender, and born "failed" so nothing is queued',
    from: /this\.i=\[\],this\.o=new [\w$]+,this\.l=t\?\?"",this\.h=setInterval\(\(\)=>\{this\.flush\(\)\},6e4\)\}/g,
    to: 'this.i=[],this.o=null,this.l="",this.h=void 0,this.error=Error("usage logging removed")}',
  },
  {
    why: 'flush (on close()): never sends, whatever state the logger is in',
    from: 'flush(t,e){if(this.error)e?.("net-send-failed");',
    to: 'flush(t,e){if(this.i=[],1)e?.("net-send-failed");',
  },
  {
    why: 'the endpoint itself, so no code path can reach it',
    from: 'url:"https://odml.pa.googleapis.com/v1/log"',
    to: 'url:"about:blank"',
  },
  {
    why: 'the HTTP sender the logger used: a no-op that reports failure',
    from: 'async send(t,e,r){var n=this.h?new AbortController:void 0,',
    to: 'async send(t,e,r){return void r?.(0);var n=this.h?new AbortController:void 0,',
  },
  {
    why: 'the API key header that only serves the logger',
    from: 'x-goog-api-key',
    to: 'x-removed',
  },
];

/** The package's three bundles (ES module, CommonJS, global script) carry the same logger. */
export function isTasksVisionBundle(id: string): boolean {
  return /[\\/]@mediapipe[\\/]tasks-vision[\\/]vision_bundle\.(mjs|cjs|js)(\?|$)/.test(id);
}

/** Returns the package's code without usage logging; throws if the code is not the one expected. */
export function removeUsageLogging(code: string): string {
  let out = code;
  for (const r of REWRITES) {
    const count =
      typeof r.from === 'string' ? out.split(r.from).length - 1 : (out.match(r.from) ?? []).length;
    if (count !== 1)
      throw new Error(
        `tasks-vision privacy patch: expected one "${String(r.from).slice(0, 40)}…" (${r.why}), ` +
          `found ${count}. Is @mediapipe/tasks-vision still ${TASKS_VISION_VERSION}?`,
      );
    out = out.replace(r.from, () => r.to);
  }
  if (out.includes(TELEMETRY_HOST)) throw new Error('tasks-vision still names the telemetry host');
  return out;
}

/** Vite plugin: applies removeUsageLogging to tasks-vision wherever it is bundled (app, workers, dev). */
export function tasksVisionPrivacy(): Plugin {
  return {
    name: 'private-aisle:tasks-vision-privacy',
    enforce: 'pre',
    // In dev, a pre-bundled dependency would skip this transform: serve the package as is.
    config: () => ({ optimizeDeps: { exclude: ['@mediapipe/tasks-vision'] } }),
    transform(code, id) {
      if (!isTasksVisionBundle(id)) return null;
      return { code: removeUsageLogging(code), map: null };
    },
  };
}
