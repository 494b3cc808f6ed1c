/**
 * A `vite preview` of our own, for tests that must stop the server (a real network cut) or swap
 * the build it serves (an update). The shared server from playwright.config.ts stays untouched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { OUT_DIR } from './slot';

export class PreviewServer {
  private child: ChildProcess | undefined;
  constructor(readonly port: number) {}

  get origin(): string {
    return `http://localhost:${this.port}`;
  }

  async start(outDir = OUT_DIR): Promise<void> {
    this.child = spawn(
      process.execPath,
      [
        'node_modules/vite/bin/vite.js',
        'preview',
        '--outDir',
        outDir,
        '--port',
        String(this.port),
        '--strictPort',
      ],
      { stdio: 'ignore' },
    );
    // Up to 30 s: vite preview starts in about one on a quiet machine, several on a busy one.
    for (let i = 0; i < 300; i++) {
      if (await this.reachable()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`vite preview did not start on ${this.origin}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL'); // a graceful close would wait on the browser's keep-alive sockets
    });
    while (await this.reachable()) await new Promise((r) => setTimeout(r, 50));
  }

  private reachable(): Promise<boolean> {
    return fetch(this.origin).then(
      (r) => r.ok,
      () => false,
    );
  }
}
