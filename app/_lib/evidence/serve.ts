import "server-only";

/**
 * A stored copy as an HTTP response. The bytes are content-addressed, so the SHA-256 is a strong
 * ETag. nosniff and a sandboxing CSP keep a document from ever running as a page on our origin;
 * documents download rather than open inline.
 */
export function fileResponse(request: Request, f: { sha256: string; mime: string; content: Buffer | ArrayBuffer | Uint8Array; kind: "photo" | "document"; downloadName: string }, cacheControl: string): Response {
  const etag = `"${f.sha256}"`;
  const headers = new Headers({
    "Content-Type": f.mime,
    "Cache-Control": cacheControl,
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Content-Disposition": `${f.kind === "photo" ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(f.downloadName)}`,
  });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const src = f.content instanceof ArrayBuffer ? new Uint8Array(f.content) : f.content;
  const body = new Uint8Array(src.byteLength);
  body.set(src);
  headers.set("Content-Length", String(body.byteLength));
  return new Response(body, { status: 200, headers });
}

/** A download name: the uploaded name's stem (no path, no control characters) with the served type's extension. */
export function downloadName(originalName: string, id: number, ext: string): string {
  const stem = originalName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "").replace(/[\u0000-\u001f\u007f"]/g, "").slice(0, 80);
  return `${stem || `附件-${id}`}.${ext}`;
}
