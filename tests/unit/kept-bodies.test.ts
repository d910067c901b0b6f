import { afterEach, describe, expect, it } from "vitest";
import { captureTicket, dropTicket, fillTicket, forgetKeptBodies, KEPT_AT, KEPT_FROM, KEPT_TO, keptBody, keptBodyCount, keptBodyName, newTicket, settleTicket } from "@/app/_lib/kept-bodies.mjs";

/*
 * Kept page bodies (issue #17): the front settles a page's ticket — it keeps the body a page
 * rendered between the markers, and puts a kept body where a later page left the placeholder.
 */

const BODY = '<div class="space-y-6"><h1>全市总览 · 2023年9月</h1><p>重点项目完成投资 13.98 亿元。</p></div>';
const page = (inside: string) => Buffer.from(`<!DOCTYPE html><html><head><title>全市总览</title></head><body><header>市领导（演示）</header><main>${inside}</main></body></html>`);

afterEach(() => forgetKeptBodies());

describe("kept page bodies", () => {
  it("keeps a rendered body under its name and puts it into the next page, which equals the page rendered afresh", () => {
    const name = keptBodyName("/city", { id: 2, role: "city_leader", districtId: null, departmentId: null }, { month: "2023-09" }, "17", "2023-10-08");
    const first = newTicket();
    expect(keptBody(name)).toBeUndefined();
    expect(captureTicket(first, name)).toBe(true);
    const sent = settleTicket(first, page(`${KEPT_FROM}${BODY}${KEPT_TO}`), true);
    expect(sent.page.toString()).toBe(page(BODY).toString());
    expect(sent.how).toBe("rendered");
    expect(keptBody(name)?.toString()).toBe(BODY);

    const second = newTicket();
    expect(fillTicket(second, keptBody(name)!)).toBe(true);
    expect(settleTicket(second, page(KEPT_AT), true)).toEqual({ page: page(BODY), how: "kept" });
  });

  it("keeps nothing from an answer that is not a complete page, or from a body made for one request", () => {
    const name = "n";
    const failed = newTicket();
    captureTicket(failed, name);
    expect(settleTicket(failed, page(`${KEPT_FROM}${BODY}${KEPT_TO}`), false).page.toString()).toBe(page(BODY).toString());
    expect(keptBody(name)).toBeUndefined();

    const half = newTicket();
    captureTicket(half, name);
    expect(settleTicket(half, page(`${KEPT_FROM}${BODY}`), true).page.toString()).toBe(page(`${KEPT_FROM}${BODY}`).toString());
    expect(keptBody(name)).toBeUndefined();

    const nonce = newTicket();
    captureTicket(nonce, name);
    const withNonce = `${BODY}<script src="/js/print.js" nonce="abc"></script>`;
    expect(settleTicket(nonce, page(`${KEPT_FROM}${withNonce}${KEPT_TO}`), true).page.toString()).toBe(page(withNonce).toString());
    expect(keptBody(name)).toBeUndefined();
    expect(keptBodyCount()).toBe(0);
  });

  it("takes tasks only for this process's open tickets: a made-up, settled or dropped ticket gets nothing", () => {
    const bytes = Buffer.from(BODY);
    expect(fillTicket("made-up.1", bytes)).toBe(false);
    expect(captureTicket("made-up.1", "n")).toBe(false);
    const t = newTicket();
    expect(t).toMatch(/^[\w-]{16}\.\d+$/);
    dropTicket(t);
    expect(fillTicket(t, bytes)).toBe(false);
    const u = newTicket();
    expect(fillTicket(u, bytes)).toBe(true);
    // One task per ticket.
    expect(captureTicket(u, "n")).toBe(false);
    settleTicket(u, page(KEPT_AT), true);
    expect(fillTicket(u, bytes)).toBe(false);
    // A page that settles without a task is sent as it is.
    const v = newTicket();
    expect(settleTicket(v, page(BODY), true).page.toString()).toBe(page(BODY).toString());
  });

  it("names a body by every input it is made from: page, reader, search parameters, data version and day", () => {
    const leader = { id: 2, role: "city_leader", districtId: null, departmentId: null };
    const base = keptBodyName("/city", leader, { month: "2023-09", include: "1" }, "17", "2023-10-08");
    expect(keptBodyName("/city", leader, { include: "1", month: "2023-09", scope: undefined }, "17", "2023-10-08"), "the same view, parameters in another order").toBe(base);
    const others = [
      keptBodyName("/city/lagging", leader, { month: "2023-09", include: "1" }, "17", "2023-10-08"),
      keptBodyName("/city", { ...leader, id: 3 }, { month: "2023-09", include: "1" }, "17", "2023-10-08"),
      keptBodyName("/city", { ...leader, role: "city_admin" }, { month: "2023-09", include: "1" }, "17", "2023-10-08"),
      keptBodyName("/city", { ...leader, districtId: 4 }, { month: "2023-09", include: "1" }, "17", "2023-10-08"),
      keptBodyName("/city", { ...leader, departmentId: 5 }, { month: "2023-09", include: "1" }, "17", "2023-10-08"),
      keptBodyName("/city", leader, { month: "2023-08", include: "1" }, "17", "2023-10-08"),
      keptBodyName("/city", leader, { month: "2023-09" }, "17", "2023-10-08"),
      keptBodyName("/city", leader, { month: ["2023-09", "2023-08"], include: "1" }, "17", "2023-10-08"),
      keptBodyName("/city", leader, { month: "2023-09", include: "1" }, "18", "2023-10-08"),
      keptBodyName("/city", leader, { month: "2023-09", include: "1" }, "17", "2023-10-09"),
    ];
    for (const other of others) expect(other).not.toBe(base);
    expect(new Set(others).size).toBe(others.length);
  });

  it("drops the least recently used bodies when they outgrow their bytes", () => {
    const big = Buffer.alloc(3 * 1024 * 1024, "a");
    for (let i = 0; i < 12; i++) {
      const t = newTicket();
      captureTicket(t, `n${i}`);
      settleTicket(t, Buffer.concat([Buffer.from(KEPT_FROM), big, Buffer.from(KEPT_TO)]), true);
      if (i === 0) continue;
      // n0 is read after each keep: it stays while older ones go.
      keptBody("n0");
    }
    expect(keptBodyCount()).toBeLessThanOrEqual(10);
    expect(keptBody("n0")).toBeDefined();
    expect(keptBody("n1")).toBeUndefined();
    expect(keptBody("n11")).toBeDefined();
  });
});
