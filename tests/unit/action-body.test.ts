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

  it("reads a key as React's decoder does: any name that is a number to JavaScript is an outlined value, and every copy of it must be JSON", async () => {
    // A tab in place of a field's name ("\t0"): React reads it as the arguments (+"\t0" is 0) and failed on the empty text with a 500.
    expect(await checkActionBody(headers(), multipart([["0", '["$K1"]'], ["\t0", ""], ["1_a", "b"]]), LIMIT)).not.toBeNull();
    expect(await checkActionBody(headers(), multipart([["0", '["$K1"]'], ["", "x"]]), LIMIT)).not.toBeNull();
    expect(await checkActionBody(headers(), multipart([["0", '["$K1"]'], ["0x1", "{"]]), LIMIT)).not.toBeNull();
    // The arguments are an array, or Next.js fails applying the action to them.
    for (const root of ["1", '"x"', "null", '{"a":1}']) expect(await checkActionBody(headers(), multipart([["0", root]]), LIMIT), root).not.toBeNull();
    // A "$" string React reads as a reference to a value the body does not carry (it failed with a 500).
    for (const ref of ['"$Q1"', '"$F1"', '"$h1"', '"$a"', '"$Z1"', '"$B1"', '"$"', '"$nabc"']) {
      expect(await checkActionBody(headers(), multipart([["0", `[{"x":${ref}},"$K1"]`]]), LIMIT), ref).not.toBeNull();
    }
    // What a browser's reply does carry: escaped text, the form, undefined, special numbers, dates, bigints, a value outlined before.
    const fine = '[{"note":"$$5 元","ticket":"$undefined","b":"$NaN","c":"$-0","i":"$-Infinity","d":"$D2023-10-01T00:00:00.000Z","e":"$n12345678901234567890","f":"$Q1","t":"$T"},"$K2"]';
    expect(await checkActionBody(headers(), multipart([["1", "[]"], ["0", fine]]), LIMIT)).toBeNull();
    expect(await checkActionBody(headers(), multipart([["0", fine], ["1", "[]"]]), LIMIT)).not.toBeNull();
    // The first copy of a key is the one React reads.
    expect(await checkActionBody(headers(), multipart([["0", "{broken"], ["0", '["$K1"]']]), LIMIT)).not.toBeNull();
    // Numeric-looking names that are still form fields, and JSON at such keys, pass.
    expect(await checkActionBody(headers(), multipart([["0", '["$K1"]'], ["1", '{"a":1}'], ["1_0", "x"], ["0a", "y"]]), LIMIT)).toBeNull();
  });

  it("checks the action fields of a form posted without JavaScript as React reads them", async () => {
    const noScript = { "content-type": `multipart/form-data; boundary=${B}` };
    const meta = '{"id":"608aaf1a13b93e6e62798e0c362ae8a5fc8a58b6a4","bound":"$@1"}';
    const state = '[{"ok":false,"message":null,"fieldErrors":{},"values":{}}]';
    const form = (fields: [string, string][]) => multipart([["$ACTION_REF_3", ""], ...fields, ["month", "2023-10"], ["m_272", "0.8226"]]);
    // As chromium posts it with JavaScript off, and a form with no bound state.
    expect(await checkActionBody(noScript, form([["$ACTION_3:0", meta], ["$ACTION_3:1", state]]), LIMIT)).toBeNull();
    expect(await checkActionBody(noScript, form([["$ACTION_3:0", '{"id":"60","bound":null}']]), LIMIT)).toBeNull();
    expect(await checkActionBody(noScript, multipart([["$ACTION_ID_608aaf1a13", ""], ["id", "5"]]), LIMIT)).toBeNull();
    // Each of these made Next.js answer 500.
    for (const [label, fields] of [
      ["state not JSON", [["$ACTION_3:0", meta], ["$ACTION_3:1", "{"]]],
      ["state null", [["$ACTION_3:0", meta], ["$ACTION_3:1", "null"]]],
      ["state missing", [["$ACTION_3:0", meta]]],
      ["a reference to nothing in the state", [["$ACTION_3:0", meta], ["$ACTION_3:1", '["$F5"]']]],
      ["a reference to nothing as the bound arguments", [["$ACTION_3:0", meta.replace("$@1", "$Q9")], ["$ACTION_3:1", state]]],
      ["metadata not JSON", [["$ACTION_3:0", "{not json"], ["$ACTION_3:1", state]]],
      ["a key React reads as 1", [["$ACTION_3:0", meta], ["$ACTION_3: 1", "null"]]],
    ] as [string, [string, string][]][]) {
      expect(await checkActionBody(noScript, form(fields), LIMIT), label).not.toBeNull();
    }
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
