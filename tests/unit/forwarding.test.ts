import { describe, expect, it } from "vitest";
import { checkMutationOrigin, forwardingSettings, normaliseAddress, parsePublicOrigin, parseTrustedProxies, resolveClientAddress } from "@/app/_lib/forwarding.mjs";

describe("client address", () => {
  it("with no trusted proxy is the socket's address, whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress("203.0.113.5", "1.2.3.4", 0)).toBe("203.0.113.5");
    expect(resolveClientAddress("::ffff:203.0.113.5", "10.0.0.1, 5.6.7.8", 0)).toBe("203.0.113.5");
    expect(resolveClientAddress("127.0.0.1", null, 0)).toBe("127.0.0.1");
  });

  it("behind trusted proxies is the entry the outermost trusted proxy appended, not what the client prepended", () => {
    // client 198.51.100.7 → nginx (appends) → app; the client claims 1.2.3.4 itself.
    expect(resolveClientAddress("127.0.0.1", "1.2.3.4, 198.51.100.7", 1)).toBe("198.51.100.7");
    // Two proxies: load balancer 10.0.0.2 then nginx.
    expect(resolveClientAddress("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    // Fewer entries than trusted hops: the furthest one there is.
    expect(resolveClientAddress("127.0.0.1", "198.51.100.7", 3)).toBe("198.51.100.7");
    expect(resolveClientAddress("127.0.0.1", "not-an-address", 1)).toBe("unknown");
  });

  it("normalises addresses as proxies write them", () => {
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("192.0.2.1:5678")).toBe("192.0.2.1");
    expect(normaliseAddress(" 192.0.2.1 ")).toBe("192.0.2.1");
    expect(normaliseAddress("evil\nheader")).toBeNull();
  });

  it("reads its settings strictly", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ hops: 0 });
    expect(parseTrustedProxies("2")).toEqual({ hops: 2 });
    expect("error" in parseTrustedProxies("yes")).toBe(true);
    expect("error" in parseTrustedProxies("-1")).toBe(true);
    expect(parsePublicOrigin("https://Tuijin.Example.gov.cn/")).toEqual({ origin: "https://tuijin.example.gov.cn" });
    expect("error" in parsePublicOrigin("https://tuijin.example.gov.cn/app")).toBe(true);
    expect(() => forwardingSettings({ TUIJIN_TRUSTED_PROXIES: "many" })).toThrow("TUIJIN_TRUSTED_PROXIES");
  });
});

describe("origin of a mutation", () => {
  const direct = { hops: 0, publicOrigin: null };
  const post = (origin: string | null, host = "tuijin.example.gov.cn", forwardedHost?: string) => ({ method: "POST", origin, host, forwardedHost });

  it("lets reads through and a same-host POST", () => {
    expect(checkMutationOrigin({ method: "GET", origin: null, host: "x" }, direct)).toBeNull();
    expect(checkMutationOrigin(post("https://tuijin.example.gov.cn"), direct)).toBeNull();
  });

  it("refuses a missing or foreign Origin with 403 and a malformed one with 400", () => {
    expect(checkMutationOrigin(post(null), direct)?.status).toBe(403);
    expect(checkMutationOrigin(post("null"), direct)?.status).toBe(403);
    expect(checkMutationOrigin(post("https://evil.example"), direct)?.status).toBe(403);
    expect(checkMutationOrigin(post("http://["), direct)?.status).toBe(400);
    expect(checkMutationOrigin(post("javascript:alert(1)"), direct)?.status).toBe(400);
  });

  it("believes X-Forwarded-Host only from a trusted proxy", () => {
    expect(checkMutationOrigin(post("https://evil.example", "tuijin.example.gov.cn", "evil.example"), direct)?.status).toBe(403);
    expect(checkMutationOrigin(post("https://tuijin.example.gov.cn", "127.0.0.1:3000", "tuijin.example.gov.cn"), { hops: 1, publicOrigin: null })).toBeNull();
  });

  it("compares with the configured public origin, scheme included", () => {
    const s = { hops: 1, publicOrigin: "https://tuijin.example.gov.cn" };
    expect(checkMutationOrigin(post("https://tuijin.example.gov.cn", "127.0.0.1:3000"), s)).toBeNull();
    expect(checkMutationOrigin(post("http://tuijin.example.gov.cn", "127.0.0.1:3000"), s)?.status).toBe(403);
    expect(checkMutationOrigin(post("https://evil.example", "127.0.0.1:3000", "evil.example"), s)?.status).toBe(403);
  });
});
