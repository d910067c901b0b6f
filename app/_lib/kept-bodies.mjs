// @ts-check
/**
 * Kept page bodies (issue #17): the rendered HTML of a leader page's body, kept per everything it
 * is made from, and put into the page by the front server instead of being rendered by React again.
 *
 * Why outside React: the leader's pages go out as plain HTML (components/plain-html.tsx), so no
 * client needs the React tree, yet React still renders the body, writes its RSC payload, escapes
 * it into the page and the front drops it again. Measured on the 1M-row set, the dashboard's body
 * is about four fifths of its CPU time; a body handed to React as one HTML string still costs half
 * (the payload inlined for hydration is escaped character by character).
 *
 * How (plain JavaScript: the front server, scripts/server.mjs, runs it without a build; the app's
 * bundle has its own copy of this module, so the state lives on globalThis, one per process):
 * - the front gives every signed-in page request a fresh ticket in TICKET_HEADER (overwriting
 *   whatever the client sent) and collects the page whole (scripts/precompress.mjs);
 * - the page (app/_lib/kept-body.tsx), after its guard, names the body by its inputs. A body kept
 *   under that name is handed over with the ticket, and the page renders the placeholder KEPT_AT
 *   in its place. Otherwise the page renders the body between KEPT_FROM and KEPT_TO and asks,
 *   with the ticket, for it to be kept under the name;
 * - when the page is complete, the front settles the ticket (settleTicket): it replaces the
 *   placeholder with the kept bytes, or cuts the markers out and keeps what lay between them.
 * A request without a ticket (a client router's RSC request, the front turned off) renders the
 * body as usual. Tickets are random per process and per request: a client cannot name another
 * request's ticket, and a ticket is dropped when its response closes.
 */
import { randomBytes } from "node:crypto";

export const TICKET_HEADER = "x-tuijin-kept-ticket";
/** The response header that says whether a page's body was kept ("kept") or rendered and kept ("rendered"). */
export const BODY_HEADER = "x-tuijin-body";
/** Attribute values React writes as given; page text cannot contain them (HTML-escaped). */
export const KEPT_AT = '<template data-tuijin-kept="at"></template>';
export const KEPT_FROM = '<template data-tuijin-kept="from"></template>';
export const KEPT_TO = '<template data-tuijin-kept="to"></template>';
const AT = Buffer.from(KEPT_AT);
const FROM = Buffer.from(KEPT_FROM);
const TO = Buffer.from(KEPT_TO);

/** Bytes of kept bodies per process (the dashboard is about 100 KB on the 1M-row set). */
const LIMIT_BYTES = 32 * 1024 * 1024;
/** A ticket whose response never settled nor closed (should not happen) is dropped after this. */
const TICKET_MS = 5 * 60 * 1000;

/**
 * @typedef {{ fill: Buffer } | { capture: string }} TicketTask
 * @typedef {{ bodies: Map<string, Buffer>, bytes: number, tickets: Map<string, { task: TicketTask | null, at: number }>, prefix: string, seq: number }} KeptState
 */

/** @returns {KeptState} */
function state() {
  const key = Symbol.for("tuijin.keptBodies");
  const g = /** @type {Record<symbol, KeptState | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (g[key] ??= { bodies: new Map(), bytes: 0, tickets: new Map(), prefix: randomBytes(12).toString("base64url"), seq: 0 });
}

/** The front: a new ticket for one page request. */
export function newTicket() {
  const s = state();
  const ticket = `${s.prefix}.${++s.seq}`;
  s.tickets.set(ticket, { task: null, at: Date.now() });
  if (s.seq % 256 === 0) {
    const old = Date.now() - TICKET_MS;
    for (const [t, v] of s.tickets) if (v.at < old) s.tickets.delete(t);
  }
  return ticket;
}

/** The front: the response of this ticket closed. @param {string} ticket */
export function dropTicket(ticket) {
  state().tickets.delete(ticket);
}

/** The page: the body kept under this name, or undefined. @param {string} name */
export function keptBody(name) {
  const s = state();
  const hit = s.bodies.get(name);
  if (hit) {
    // Most recently used last: the oldest is dropped first when the bytes run over.
    s.bodies.delete(name);
    s.bodies.set(name, hit);
  }
  return hit;
}

/**
 * The page: put these bytes in place of the placeholder. False if the ticket is not (or no longer)
 * this process's: then the page must render the body itself.
 * @param {string} ticket @param {Buffer} bytes
 */
export function fillTicket(ticket, bytes) {
  const t = state().tickets.get(ticket);
  if (!t || t.task) return false;
  t.task = { fill: bytes };
  return true;
}

/**
 * The page: keep what it renders between the markers under this name. False if the ticket is
 * unknown (then the page renders the body without markers).
 * @param {string} ticket @param {string} name
 */
export function captureTicket(ticket, name) {
  const t = state().tickets.get(ticket);
  if (!t || t.task) return false;
  t.task = { capture: name };
  return true;
}

/** @param {string} name @param {Buffer} bytes */
function keep(name, bytes) {
  const s = state();
  const old = s.bodies.get(name);
  if (old) {
    s.bodies.delete(name);
    s.bytes -= old.length;
  }
  if (bytes.length > LIMIT_BYTES / 4) return;
  s.bodies.set(name, bytes);
  s.bytes += bytes.length;
  for (const [k, v] of s.bodies) {
    if (s.bytes <= LIMIT_BYTES) break;
    s.bodies.delete(k);
    s.bytes -= v.length;
  }
}

/**
 * The front, with the whole page: the page with its ticket's task done, and the ticket dropped.
 * `how` says what was done, for the response's BODY_HEADER: "kept" (the body was put in from
 * what is kept), "rendered" (rendered by this request, and now kept), or null (nothing to do, or
 * nothing that could be kept). Only a complete 200 page is kept from (`ok`).
 * @param {string} ticket @param {Buffer} page @param {boolean} ok
 * @returns {{ page: Buffer, how: "kept" | "rendered" | null }}
 */
export function settleTicket(ticket, page, ok) {
  const s = state();
  const task = s.tickets.get(ticket)?.task;
  s.tickets.delete(ticket);
  if (!task) return { page, how: null };
  if ("fill" in task) {
    const at = page.indexOf(AT);
    if (at < 0 || page.indexOf(AT, at + AT.length) >= 0) return { page, how: null };
    return { page: Buffer.concat([page.subarray(0, at), task.fill, page.subarray(at + AT.length)]), how: "kept" };
  }
  const from = page.indexOf(FROM);
  const to = from < 0 ? -1 : page.indexOf(TO, from + FROM.length);
  if (from < 0 || to < 0 || page.indexOf(FROM, from + FROM.length) >= 0 || page.indexOf(TO, to + TO.length) >= 0) return { page, how: null };
  const body = page.subarray(from + FROM.length, to);
  // A body must not carry anything made for this one request (a CSP nonce); such a body is sent, not kept.
  const keepIt = ok && body.indexOf("nonce=") < 0;
  if (keepIt) keep(task.capture, Buffer.from(body));
  return { page: Buffer.concat([page.subarray(0, from), body, page.subarray(to + TO.length)]), how: keepIt ? "rendered" : null };
}

/**
 * The name a body is kept under: every input of the body, in a fixed order (app/_lib/kept-body.tsx
 * says which). Search parameters in any order name the same body; a parameter's repeats keep theirs.
 * @param {string} page the path, with its route parameters
 * @param {{ id: number, role: string, districtId: number | null, departmentId: number | null }} reader
 * @param {Record<string, string | string[] | undefined>} params the search parameters
 * @param {string} dataVersion @param {string} day YYYY-MM-DD in Beijing
 */
export function keptBodyName(page, reader, params, dataVersion, day) {
  const query = Object.keys(params)
    .filter((k) => params[k] !== undefined)
    .sort()
    .map((k) => [k, params[k]]);
  return JSON.stringify([page, reader.id, reader.role, reader.districtId, reader.departmentId, query, dataVersion, day]);
}

/** For tests: how many bodies are kept, and forget them all. */
export function keptBodyCount() {
  return state().bodies.size;
}
export function forgetKeptBodies() {
  const s = state();
  s.bodies.clear();
  s.bytes = 0;
}
