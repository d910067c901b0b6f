import type { CapturedAction } from "./actions";

/*
 * Mutated server-action requests for the fuzz spec (e2e/hardening-fuzz.spec.ts): a seeded PRNG,
 * a small multipart reader/writer, and the mutations issue 14 lists.
 */

/** mulberry32: small, fast, deterministic for a given seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  value: Buffer;
}

export function boundaryOf(contentType: string): string {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw new Error(`no boundary in ${contentType}`);
  return (m[1] ?? m[2])!.trim();
}

/** The parts of a well-formed multipart body (as the browser sent it). */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delim = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delim);
  while (at !== -1) {
    const start = at + delim.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delim, start);
    if (next === -1) break;
    const chunk = body.subarray(start + 2, next - 2);
    const split = chunk.indexOf("\r\n\r\n");
    const head = chunk.subarray(0, split).toString("utf8");
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? "";
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
    parts.push({ name, filename, contentType, value: Buffer.from(chunk.subarray(split + 4)) });
    at = next;
  }
  return parts;
}

export function buildMultipart(parts: Part[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"`;
    head += "\r\n";
    if (p.contentType) head += `Content-Type: ${p.contentType}\r\n`;
    chunks.push(Buffer.from(head + "\r\n", "utf8"), p.value, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** Values a form field should never have to fear. */
export function nastyValues(rng: () => number): string[] {
  return [
    "",
    " ",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "-1e309",
    "1e-400",
    "-1",
    "-0",
    "-99999999999",
    "1,70.3",
    "1，70.3",
    "12.5.6",
    "0x1F",
    "１２３４",
    "99999999999999999999999999",
    "1111111111",
    "3.14159265358979323846",
    "true",
    "null",
    "undefined",
    "[]",
    "{}",
    '{"$ref":"1"}',
    "[object Object]",
    "$K1",
    "$@9",
    "2023-13-45",
    "2023-02-30",
    "9999-12-31",
    "0000-00-00",
    "\u0000",
    "a\u0000b",
    "\u0007\u0008",
    "\u202e反转文字",
    "\u2066隔离\u2069",
    "\ufeff项目",
    "\r\n\r\n",
    "\ud800",
    "😀".repeat(50),
    "'; drop table projects; --",
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
    "../../etc/passwd",
    "%00%0d%0a",
    "长".repeat(501),
    "x".repeat(5_000),
    "字".repeat(Math.floor(50_000 + rng() * 200_000)),
  ];
}

export interface FuzzRequest {
  label: string;
  /** The action the mutation was made from. */
  target: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  /** A status the request must get (the mutations whose answer the issue fixes). */
  expectStatus?: number;
}

/** Part names the form itself sent (not React's own "0" or the action's bound arguments). */
const formParts = (parts: Part[]) => parts.filter((p) => p.name !== "0" && !/^\$ACTION/.test(p.name));

/** One mutated request from a captured action; `files` are replacement file contents for a file field. */
export function mutate(rng: () => number, target: string, a: CapturedAction, files: Record<string, Buffer>): FuzzRequest {
  const origin = new URL(a.url).origin;
  const contentType = a.headers["content-type"] ?? "";
  const boundary = boundaryOf(contentType);
  const parts = parseMultipart(a.body, boundary);
  const base = { target, url: a.url };
  const headers = { ...a.headers, origin };
  const fields = formParts(parts);
  const field = pick(rng, fields);
  const idx = parts.indexOf(field);
  const withParts = (label: string, ps: Part[]): FuzzRequest => ({ ...base, label, headers, body: buildMultipart(ps, boundary) });
  const replaced = (v: Buffer | string, extra: Partial<Part> = {}) => parts.map((p, i) => (i === idx ? { ...p, value: Buffer.from(v), ...extra } : p));

  const r = rng();
  if (r < 0.45) {
    const v = pick(rng, nastyValues(rng));
    return withParts(`${field.name}=${JSON.stringify(v.slice(0, 20))}${v.length > 20 ? `…(${v.length})` : ""}`, replaced(v));
  }
  if (r < 0.5) return withParts(`missing ${field.name}`, parts.filter((_, i) => i !== idx));
  if (r < 0.55) return withParts(`duplicated ${field.name}`, [...parts.slice(0, idx + 1), { ...field, value: Buffer.from(pick(rng, nastyValues(rng))) }, ...parts.slice(idx + 1)]);
  if (r < 0.58) return withParts(`extra field`, [...parts, { name: `${field.name.split("_")[0]}_zz${Math.floor(rng() * 1000)}`, value: Buffer.from("额外") }]);
  if (r < 0.62) {
    const ver = fields.filter((p) => /ver|version/i.test(p.name));
    const p = ver.length ? pick(rng, ver) : field;
    const v = pick(rng, ["-1", "0", "999999999", "abc", "1.5", "", "1e309"]);
    return withParts(`version ${p.name}=${v}`, parts.map((q) => (q === p ? { ...q, value: Buffer.from(v) } : q)));
  }
  if (r < 0.67 && Object.keys(files).length) {
    const fileField = parts.find((p) => p.filename !== undefined);
    const kind = pick(rng, Object.keys(files));
    return withParts(`file ${kind}`, parts.map((p) => (p === fileField ? { ...p, value: files[kind]! } : p)));
  }
  if (r < 0.71) {
    const junk = Buffer.from(Array.from({ length: 64 + Math.floor(rng() * 4000) }, () => Math.floor(rng() * 256)));
    return { ...base, label: "junk multipart body", headers, body: junk, expectStatus: 400 };
  }
  if (r < 0.75) {
    const whole = buildMultipart(parts, boundary);
    return { ...base, label: "truncated body", headers, body: whole.subarray(0, Math.floor(rng() * (whole.length - 10))), expectStatus: 400 };
  }
  if (r < 0.78) return { ...base, label: "broken boundary", headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}X` }, body: buildMultipart(parts, boundary), expectStatus: 400 };
  if (r < 0.8) return { ...base, label: "no boundary", headers: { ...headers, "content-type": "multipart/form-data" }, body: buildMultipart(parts, boundary), expectStatus: 400 };
  if (r < 0.83) {
    // Broken JSON, JSON of the wrong shape (not an array, the form missing or where the state goes),
    // and references to values the body does not carry.
    const v = pick(rng, ["{not json", "", "[", '"\\u', '["$K1"', "\u0000", "1", "null", '"x"', "[]", "[1]", '["$K1"]', "[null,null]", '[{},"x"]', '[{},{}]', '[{},"$K9"]', '[{},"$@1"]', '[{},"$Q1"]', '[{"x":"$F1"},"$K1"]', '[{"x":"$Z"},"$K1"]']);
    return withParts(`reply root ${JSON.stringify(v)}`, parts.map((p) => (p.name === "0" ? { ...p, value: Buffer.from(v) } : p)));
  }
  if (r < 0.86) {
    const v = pick(rng, ["<xml/>", "a=1&b=2", "\u0000\u0001", "[1,2", "not json at all"]);
    return { ...base, label: `text body ${JSON.stringify(v)}`, headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, body: Buffer.from(v), expectStatus: 400 };
  }
  if (r < 0.89) return { ...base, label: "unknown action id", headers: { ...headers, "next-action": "7f" + Math.floor(rng() * 1e12).toString(16).padStart(40, "0") }, body: a.body };
  if (r < 0.92) {
    const v = pick(rng, ["http://[", "http://a b", "https://:99999", "::::", "http://%zz"]);
    return { ...base, label: `malformed Origin ${v}`, headers: { ...headers, origin: v }, body: a.body, expectStatus: 400 };
  }
  if (r < 0.95) return withParts("every field nasty", parts.map((p) => (p.name === "0" || p.filename !== undefined ? p : { ...p, value: Buffer.from(pick(rng, nastyValues(rng))) })));
  if (r < 0.965) {
    // One part's name lost (as a byte dropped from a captured save did): Next.js's decoder answered 500.
    const whole = buildMultipart(parts, boundary);
    const mark = Buffer.from(`; name="${field.name}"`);
    const at = whole.indexOf(mark);
    const body = Buffer.concat([whole.subarray(0, at), Buffer.from(`; nme="${field.name}"`), whole.subarray(at + mark.length)]);
    return { ...base, label: `part without a name (${field.name})`, headers, body, expectStatus: 400 };
  }
  if (r < 0.98) return withParts(`${field.name} wrong type (a file)`, replaced("文件内容", { filename: "a.txt", contentType: "text/plain" }));
  return withParts(`${field.name} with bidi and control characters`, replaced(`\u202e${field.value.toString("utf8")}\u0007`));
}

/** What a stack trace looks like in a body (Node's frames, or a file path with line numbers). */
export const STACK_TRACE = /\n\s+at [^\n]+[(:]\d+|node:internal|\/node_modules\/|webpack-internal|\.(?:ts|js|mjs):\d+:\d+/;
