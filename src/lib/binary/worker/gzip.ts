/**
 * Gzip through the platform's (De)CompressionStream: the same in a worker, a page and Node (the
 * build), and deterministic (no name, no time in the header), so the same bytes give the same
 * file.
 */

async function piped(bytes: BlobPart, stream: GenericTransformStream): Promise<ArrayBuffer> {
  return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer();
}

export async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await piped(bytes, new CompressionStream('gzip')));
}

export function gunzip(file: Blob): Promise<ArrayBuffer> {
  return piped(file, new DecompressionStream('gzip'));
}
