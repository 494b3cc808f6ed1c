/**
 * Vite plugin helper: files made at build time (from pinned npm packages) and served from our own
 * origin: `vite build` writes them into the output, `vite dev` serves them from memory. Only the
 * named paths are ever made, and only when first asked for.
 */
import type { Plugin, ResolvedConfig } from 'vite';

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript',
  wasm: 'application/wasm',
};

/** `paths`: under the base URL; `read(path)`: its bytes (the caller keeps what it makes). */
export function ownOriginAssets(
  name: string,
  paths: readonly string[],
  read: (path: string) => Uint8Array,
): Plugin {
  let config: ResolvedConfig;
  return {
    name,
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle() {
      for (const fileName of paths)
        this.emitFile({ type: 'asset', fileName, source: read(fileName) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const fileName = path.startsWith(config.base) ? path.slice(config.base.length) : '';
        if (!paths.includes(fileName)) return next();
        const body = read(fileName);
        res.setHeader(
          'Content-Type',
          CONTENT_TYPES[fileName.split('.').pop()!] ?? 'application/octet-stream',
        );
        res.setHeader('Content-Length', body.length);
        res.end(body);
      });
    },
  };
}
