import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module without types (runs under node in scripts/server.mjs)
import { checkActionBody, isActionRequest } from "@/scripts/action-body.mjs";

/* The front server's check of server-action bodies: broken ones get 400 instead of Next.js's 500. */

const LIMIT = 4 * 1024 * 1024;
const B = "----fuzzboundary123";
const multipart = (parts: [string, string][], boundary = B) =>
  Buffer.from(parts.map(([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`);
const headers = (extra: Record<string, string> = {}) => ({ "content-type": `multipart/form-data; boundary=${B}`, "next-action": "abc123", ...extra });

describe("server-action bodies", () => {
  it("passes a form submission as the browser sends it", async () => {
    const body = multipart([["1_username", "jinjiang"], ["1_password", "x"], ["0", '["$K1"]']]);
    expect(await checkActionBody(headers(), body, LIMIT)).toBeNull();
    expect(await checkActionBody({ "content-type": "text/plain;charset=UTF-8", "next-action": "abc" }, Buffer.from('["x",1]'), LIMIT)).toBeNull();
  });

  it("refuses junk, a cut-off body, a missing boundary and a reply that is not JSON", async () => {
    expect(await checkActionBody(headers(), Buffer.from("this is not multipart at all"), LIMIT)).not.toBeNull();
    const whole = multipart([["0", '["$K1"]'], ["1_a", "b"]]);
    expect(await checkActionBody(headers(), whole.subarray(0, whole.length - 20), LIMIT)).not.toBeNull();
    expect(await checkActionBody(headers({ "content-type": "multipart/form-data" }), whole, LIMIT)).not.toBeNull();
    expect(await checkActionBody(headers(), multipart([["0", "{not json"]]), LIMIT)).not.toBeNull();
    expect(await checkActionBody(headers(), multipart([["1_a", "b"]]), LIMIT)).not.toBeNull();
    expect(await checkActionBody({ "content-type": "text/plain", "next-action": "abc" }, Buffer.from("\u0000junk"), LIMIT)).not.toBeNull();
  });

  it("refuses a part without a name, which Next.js's decoder answers with a 500 (a byte lost from a captured save did this)", async () => {
    const nameless = (disposition: string) =>
      Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--${B}\r\nContent-Disposition: ${disposition}\r\n\r\n0.8226\r\n--${B}--\r\n`);
    expect(await checkActionBody(headers(), nameless('form-data; name="1_m_272"'), LIMIT)).toBeNull();
    expect(await checkActionBody(headers(), nameless("form-data; me=\"1_m_272\""), LIMIT)).not.toBeNull();
    expect(await checkActionBody(headers(), nameless("form-data"), LIMIT)).not.toBeNull();
    expect(await checkActionBody(headers(), nameless('form-data; filename="a.xlsx"'), LIMIT)).not.toBeNull();
    // The same body posted by a form without JavaScript (no Next-Action header).
    expect(await checkActionBody({ "content-type": `multipart/form-data; boundary=${B}` }, nameless("form-data"), LIMIT)).not.toBeNull();
  });

  it("refuses an upload cut off inside its file without an unhandled stream error (which would end the server)", async () => {
    const withFile = Buffer.concat([
      Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="1_file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.alloc(5000, 7),
    ]);
    expect(await checkActionBody(headers(), withFile, LIMIT)).not.toBeNull();
  });

  it("checks only POSTs that Next.js would decode as actions, never route handlers", () => {
    expect(isActionRequest({ method: "POST", url: "/login", headers: { "next-action": "x" } })).toBe(true);
    expect(isActionRequest({ method: "POST", url: "/district/figures", headers: { "content-type": "multipart/form-data; boundary=x" } })).toBe(true);
    expect(isActionRequest({ method: "POST", url: "/api/admin/revalidate", headers: { "next-action": "x" } })).toBe(false);
    expect(isActionRequest({ method: "GET", url: "/login", headers: { "next-action": "x" } })).toBe(false);
  });
});
