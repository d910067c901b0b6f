// @ts-check
/**
 * Server-action bodies, checked by the front server (scripts/server.mjs) before Next.js parses
 * them. Next.js answers 500 when it cannot decode an action's body (a broken multipart body, a
 * missing boundary, a reply that is not JSON), because it takes any error there for a bug. Such a
 * body is the client's fault: the front server reads it (its length is already bounded), checks
 * that it has the shape a real form submission has, answers 400 if not, and otherwise hands the
 * very same bytes to Next.js.
 *
 * Plain JavaScript: it runs with `node`, not through a TypeScript loader.
 */
import { createRequire } from "node:module";
import { Readable } from "node:stream";

const require = createRequire(import.meta.url);
/** @type {(opts: object) => import("node:stream").Writable} */
const busboy = require("next/dist/compiled/busboy");


/**
 * Whether the front server must read and check this request's body first: a POST that Next.js
 * would decode as a server action (a `Next-Action` header, or a multipart form posted to a page).
 * Route handlers (/api/…) read their own bodies and are left alone.
 * @param {{ method?: string; url?: string; headers: import("node:http").IncomingHttpHeaders }} req
 */
export function isActionRequest(req) {
  if (req.method !== "POST" || String(req.url ?? "").startsWith("/api/")) return false;
  return Boolean(req.headers["next-action"]) || /^multipart\/form-data/i.test(String(req.headers["content-type"] ?? ""));
}

/**
 * Strings a browser's reply carries that React reads as more than text: "$$…" (a text that
 * starts with "$"), the form ("$K1"), "$undefined", a temporary reference, "$NaN", "$Infinity",
 * "$-Infinity", "$-0", a date, a bigint, a promise. Any other "$…" is a reference to an outlined value, fine only when that
 * value came before it; React fails on a missing one ("Invalid forward reference") with a 500.
 */
const PLAIN_TAG = /^\$(?:\$|K[0-9a-f]+$|[uNIHTD-]|n-?\d{1,300}$|@[0-9a-f]+$)/;
const OUTLINED = /^\$[hQWiF]([0-9a-f]{1,8})$/;

/**
 * Whether a numeric key's text is JSON whose "$" strings React can resolve, given the numeric
 * keys that came before it.
 * @param {string} text
 * @param {Set<number>} before
 */
function isReplyJson(text, before) {
  let ok = true;
  try {
    JSON.parse(text, (_key, value) => {
      if (ok && typeof value === "string" && value.startsWith("$") && !PLAIN_TAG.test(value)) {
        const m = OUTLINED.exec(value);
        ok = m !== null && before.has(parseInt(m[1] ?? "", 16));
      }
      return value;
    });
  } catch {
    return false;
  }
  return ok;
}

/** @param {string} s */
function isJson(s) {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * Null when the body could be a real submission, else the reason (Chinese, for a 400).
 * A React reply (what a form sends to an action) is multipart with JSON at numeric keys ("0" the
 * arguments, "1", "2" … outlined values) and form fields at "<n>_<name>"; a simple reply is a
 * JSON text. A multipart form without `Next-Action` (no-JavaScript submit) only has to parse.
 * React's decoder takes a part for an outlined value when `+name` is a number, so " 0", "\t1",
 * "0x1" and "" count as numeric keys too, and each of them, every time it comes, must be JSON.
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @param {Buffer} body
 * @param {number} limit
 * @returns {Promise<string | null>}
 */
export async function checkActionBody(headers, body, limit) {
  const contentType = String(headers["content-type"] ?? "");
  const fetchAction = Boolean(headers["next-action"]);
  if (!/^multipart\/form-data/i.test(contentType)) {
    if (!fetchAction) return null;
    return isJson(body.toString("utf8")) ? null : "提交的数据格式不正确";
  }
  let hasRoot = false;
  /** @type {Set<number>} the numeric keys so far */
  const outlined = new Set();
  let badValue = false;
  let parser;
  try {
    parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { fieldSize: limit } });
  } catch {
    return "提交的表单格式不正确（缺少分隔符）";
  }
  // A part without a name (its Content-Disposition has no name="…"), which no browser sends:
  // Next.js's decoder reads every part's name and fails on the missing one with a 500.
  let nameless = false;
  /** @type {Map<string, NoScriptForm>} a form's action metadata by the action's field prefix */
  const forms = new Map();
  const parsed = await new Promise((resolve) => {
    parser.on("field", (/** @type {string | undefined} */ name, /** @type {string} */ value) => {
      if (typeof name !== "string") nameless = true;
      else if (!fetchAction) noScriptField(forms, name, value);
      else if (Number.isFinite(Number(name))) {
        if (!isReplyJson(value, outlined)) badValue = true;
        // The arguments: always an array (Next.js applies the action to it and fails on anything else).
        else if (name === "0" && !hasRoot) {
          hasRoot = true;
          if (!value.trimStart().startsWith("[")) badValue = true;
        }
        outlined.add(Number(name));
      }
    });
    // A file cut off mid-way errors on its own stream too: handled here, or it would end the process.
    parser.on("file", (/** @type {string | undefined} */ name, /** @type {import("node:stream").Readable} */ stream) => {
      if (typeof name !== "string") nameless = true;
      stream.on("error", () => undefined).resume();
    });
    parser.on("error", () => resolve(false));
    parser.on("close", () => resolve(true));
    parser.end(body);
  });
  if (!parsed || nameless) return "提交的表单格式不正确";
  if (!fetchAction) return [...forms.values()].every(noScriptFormOk) ? null : "提交的数据格式不正确";
  if (!hasRoot) return "提交的数据不完整";
  return badValue ? "提交的数据格式不正确" : null;
}

/**
 * A form posted without JavaScript names its action in "$ACTION_<n>:<k>" fields, a React reply
 * of their own under that prefix: ":0" the action's id and a reference to its bound arguments
 * ("$@1"), ":1" those arguments (the form's previous state). React reads them as it reads a
 * script's reply (`+k` a number, "$" references), and Next.js fails with a 500 on JSON that does
 * not parse, arguments that are not an array, or a reference to a value that is not there.
 * @typedef {{ seen: Set<number>; bound: number | null; arrays: Set<number>; bad: boolean }} NoScriptForm
 * @param {Map<string, NoScriptForm>} forms
 * @param {string} name
 * @param {string} value
 */
function noScriptField(forms, name, value) {
  const m = /^(\$ACTION_\d+:)(.*)$/s.exec(name);
  if (!m || !Number.isFinite(Number(m[2]))) return;
  const prefix = m[1] ?? "";
  const form = forms.get(prefix) ?? { seen: new Set(), bound: null, arrays: new Set(), bad: false };
  forms.set(prefix, form);
  const k = Number(m[2]);
  if (!isReplyJson(value, form.seen)) form.bad = true;
  else if (k === 0 && !form.seen.has(0)) {
    const meta = JSON.parse(value);
    const bound = meta !== null && typeof meta === "object" && !Array.isArray(meta) ? meta.bound : undefined;
    const ref = typeof bound === "string" ? /^\$@([0-9a-f]{1,8})$/.exec(bound) : null;
    if (ref) form.bound = parseInt(ref[1] ?? "", 16);
    else if (bound !== null) form.bad = true;
  } else if (!form.seen.has(k) && value.trimStart().startsWith("[")) form.arrays.add(k);
  form.seen.add(k);
}

/** @param {NoScriptForm} form */
const noScriptFormOk = (form) => !form.bad && form.seen.has(0) && (form.bound === null || form.arrays.has(form.bound));

/**
 * Reads a request's whole body (its declared length is already within the limit); null when
 * the client sends more than the limit or the connection breaks.
 * @param {import("node:http").IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<Buffer | null>}
 */
export function readBody(req, limit) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on("data", (/** @type {Buffer} */ c) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on("end", () => resolve(size <= limit ? Buffer.concat(chunks) : null));
    req.on("error", () => resolve(null));
    req.on("aborted", () => resolve(null));
  });
}

/**
 * Hands an already-read body to Next.js: the spent request stream becomes a fresh stream of the
 * same bytes, swapped in the way Next.js itself swaps a body it has buffered for the proxy
 * (next/dist/server/body-streams.js, replaceRequestBody).
 * @param {import("node:http").IncomingMessage} req
 * @param {Buffer} body
 */
export function attachBody(req, body) {
  const fresh = new Readable({ read() {} });
  fresh.push(body);
  fresh.push(null);
  const target = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (req));
  const source = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (fresh));
  for (const key in fresh) {
    const v = source[key];
    target[key] = typeof v === "function" ? v.bind(req) : v;
  }
}
