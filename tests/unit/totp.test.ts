import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  generateRecoveryCodes,
  generateTotpSecret,
  normaliseRecoveryCode,
  otpauthUri,
  totpCode,
  totpQrSvg,
  verifyTotp,
} from "@/domain/totp";

// RFC 6238 Appendix B: the SHA1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890", "ascii"));
const STEP_MS = 30_000;
const T = 1_111_111_111_000; // an arbitrary instant, in step 37037037

function stepOf(timeMs: number): number {
  return Math.floor(timeMs / STEP_MS);
}

describe("base32", () => {
  const vectors: [string, string][] = [
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ];

  it("encodes the RFC 4648 test vectors without padding", () => {
    for (const [plain, encoded] of vectors) expect(base32Encode(Buffer.from(plain, "ascii"))).toBe(encoded);
  });

  it("decodes the RFC 4648 test vectors", () => {
    for (const [plain, encoded] of vectors) expect(base32Decode(encoded).toString("ascii")).toBe(plain);
  });

  it("round-trips random bytes of every length up to 40", () => {
    for (let len = 0; len <= 40; len++) {
      const buf = Buffer.from(Array.from({ length: len }, (_, i) => (i * 37 + len * 11) % 256));
      expect(base32Decode(base32Encode(buf)).equals(buf)).toBe(true);
    }
  });

  it("tolerates lower case, spaces and = padding when decoding", () => {
    expect(base32Decode("mzxw 6ytb oi======").toString("ascii")).toBe("foobar");
    expect(base32Decode("MZXW6===").toString("ascii")).toBe("foo");
  });

  it("throws on characters outside the base32 alphabet", () => {
    expect(() => base32Decode("MZXW6YTB01")).toThrow();
    expect(() => base32Decode("MZXW6YT!")).toThrow();
  });

  it("generates a 32-character upper-case secret that decodes to 20 bytes", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe("totpCode", () => {
  it("matches the RFC 6238 Appendix B SHA1 vectors (last 6 digits)", () => {
    const vectors: [number, string][] = [
      [59, "287082"],
      [1111111109, "081804"],
      [1111111111, "050471"],
      [1234567890, "005924"],
      [2000000000, "279037"],
      [20000000000, "353130"],
    ];
    for (const [seconds, code] of vectors) expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code);
  });

  it("gives the same code throughout one 30-second step and a new one after it", () => {
    const start = stepOf(T) * STEP_MS;
    expect(totpCode(RFC_SECRET, start + 29_999)).toBe(totpCode(RFC_SECRET, start));
    expect(totpCode(RFC_SECRET, start + STEP_MS)).not.toBe(totpCode(RFC_SECRET, start));
  });
});

describe("verifyTotp", () => {
  const now = stepOf(T);

  it("accepts the current code and returns its step", () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T), T)).toEqual({ ok: true, step: now });
  });

  it("accepts the previous and the next step's code", () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T - STEP_MS), T)).toEqual({ ok: true, step: now - 1 });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T + STEP_MS), T)).toEqual({ ok: true, step: now + 1 });
  });

  it("rejects codes two steps away with the default window", () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T - 2 * STEP_MS), T)).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T + 2 * STEP_MS), T)).toEqual({ ok: false });
  });

  it("accepts two steps away only when the window is widened to 2", () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T - 2 * STEP_MS), T, { window: 2 })).toEqual({ ok: true, step: now - 2 });
  });

  it("rejects a replayed step and any earlier step", () => {
    const code = totpCode(RFC_SECRET, T);
    const first = verifyTotp(RFC_SECRET, code, T);
    expect(first).toEqual({ ok: true, step: now });
    expect(verifyTotp(RFC_SECRET, code, T, { lastUsedStep: now })).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T - STEP_MS), T, { lastUsedStep: now })).toEqual({ ok: false });
  });

  it("still accepts a later step after an earlier one was used", () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T + STEP_MS), T, { lastUsedStep: now })).toEqual({ ok: true, step: now + 1 });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T), T, { lastUsedStep: null })).toEqual({ ok: true, step: now });
  });

  it("rejects a wrong 6-digit code", () => {
    const code = totpCode(RFC_SECRET, T);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(verifyTotp(RFC_SECRET, wrong, T)).toEqual({ ok: false });
  });

  it("rejects 5- and 7-digit input even when it contains the right digits", () => {
    const code = totpCode(RFC_SECRET, T);
    expect(verifyTotp(RFC_SECRET, code.slice(0, 5), T)).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, `${code}0`, T)).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, `0${code}`, T)).toEqual({ ok: false });
  });

  it("rejects non-numeric input", () => {
    expect(verifyTotp(RFC_SECRET, "abcdef", T)).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, "", T)).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, "12345a", T)).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, "+12345", T)).toEqual({ ok: false });
  });

  it("accepts full-width digits, spaces and hyphens in an otherwise correct code", () => {
    const code = totpCode(RFC_SECRET, T);
    const fullWidth = [...code].map((d) => String.fromCharCode(0xff10 + Number(d))).join("");
    expect(verifyTotp(RFC_SECRET, fullWidth, T)).toEqual({ ok: true, step: now });
    expect(verifyTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, T)).toEqual({ ok: true, step: now });
    expect(verifyTotp(RFC_SECRET, `${code.slice(0, 3)}-${code.slice(3)}`, T)).toEqual({ ok: true, step: now });
  });

  it("accepts a code typed in the \"123 456\" form and rejects that literal when it is not the code", () => {
    // RFC 6238 vector: at 1234567890 s the code is 005924.
    const t = 1_234_567_890_000;
    expect(verifyTotp(RFC_SECRET, "005 924", t)).toEqual({ ok: true, step: stepOf(t) });
    expect(verifyTotp(RFC_SECRET, "123 456", t)).toEqual({ ok: false });
  });
});

describe("otpauthUri", () => {
  const secret = "JBSWY3DPEHPK3PXP";

  it("builds a totp key URI with the encoded issuer, account and secret", () => {
    const uri = otpauthUri({ secret, accountName: "张三@example.com", issuer: "推进" });
    const enc = encodeURIComponent("推进");
    expect(uri).toBe(
      `otpauth://totp/${enc}:${encodeURIComponent("张三@example.com")}?secret=${secret}&issuer=${enc}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(uri).toContain("%E6%8E%A8%E8%BF%9B");
    expect(uri).not.toMatch(/[^\x21-\x7e]/); // pure printable ASCII, no raw CJK or spaces
  });

  it("encodes spaces as %20 and colons inside names so the label stays unambiguous", () => {
    const uri = otpauthUri({ secret, accountName: "a:b c", issuer: "My Co" });
    expect(uri.startsWith("otpauth://totp/My%20Co:a%3Ab%20c?")).toBe(true);
    expect(new URL(uri).searchParams.get("issuer")).toBe("My Co");
  });

  it("canonicalises a lower-case or spaced secret to upper case without padding", () => {
    const uri = otpauthUri({ secret: "jbsw y3dp ehpk 3pxp", accountName: "a", issuer: "b" });
    expect(new URL(uri).searchParams.get("secret")).toBe(secret);
  });
});

describe("totpQrSvg", () => {
  it("renders an SVG for the key URI", async () => {
    const svg = await totpQrSvg(otpauthUri({ secret: generateTotpSecret(), accountName: "user", issuer: "推进" }));
    expect(svg).toContain("<svg");
    expect(svg).toContain("</svg>");
  });
});

describe("recovery codes", () => {
  const FORMAT = /^[23456789abcdefghjkmnpqrstuvwxyz]{4}-[23456789abcdefghjkmnpqrstuvwxyz]{4}-[23456789abcdefghjkmnpqrstuvwxyz]{4}$/;

  it("generates 10 distinct codes in the xxxx-xxxx-xxxx format by default", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(FORMAT);
  });

  it("never uses ambiguous characters 0, 1, i, l or o", () => {
    const all = generateRecoveryCodes(200).join("");
    expect(all).not.toMatch(/[01ilo]/);
  });

  it("honours a requested count", () => {
    expect(generateRecoveryCodes(3)).toHaveLength(3);
  });

  it("normalises \"K7M2 9QXD 4TPA\" to the issued form", () => {
    expect(normaliseRecoveryCode("K7M2 9QXD 4TPA")).toBe("k7m2-9qxd-4tpa");
  });

  it("normalises full-width, unseparated and oddly hyphenated input to the issued form", () => {
    expect(normaliseRecoveryCode("ｋ７ｍ２－９ｑｘｄ－４ｔｐａ")).toBe("k7m2-9qxd-4tpa");
    expect(normaliseRecoveryCode("k7m29qxd4tpa")).toBe("k7m2-9qxd-4tpa");
    expect(normaliseRecoveryCode("  k7-m29q-xd4tpa ")).toBe("k7m2-9qxd-4tpa");
  });

  it("leaves every generated code unchanged", () => {
    for (const c of generateRecoveryCodes()) expect(normaliseRecoveryCode(c)).toBe(c);
  });
});
