/**
 * Vite plugin helper: files made at build time (from pinned npm packages) and served from our own
 * origin: `vite build` writes them into the output, `vite dev` serves them from memory.
 */
import type { Plugin, ResolvedConfig } from 'vite';

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript',
  wasm: 'application/wasm',
};

/** `files()`: path under the base URL → bytes; called when first needed, then kept by the caller. */
export function ownOriginAssets(name: string, files: () => Map<string, Uint8Array>): Plugin {
  let config: ResolvedConfig;
  return {
    name,
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle() {
      for (const [fileName, source] of files()) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0];
        if (!path?.startsWith(config.base)) return next();
        const fileName = path.slice(config.base.length);
        const body = files().get(fileName);
        if (!body) return next();
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
