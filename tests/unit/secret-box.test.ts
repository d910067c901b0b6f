import { describe, expect, it } from "vitest";
import { isSealed, openSecret, sealSecret } from "@/domain/secret-box";

/* TOTP secrets are stored sealed under a key derived from AUTH_SECRET. */
describe("secret box", () => {
  const key = "a-test-auth-secret-of-enough-length-0000";

  it("seals a secret so the stored text does not contain it, and opens it again", () => {
    const sealed = sealSecret("TUIJINDEMOADMINTOTPSECRETABCDEFG", key);
    expect(sealed).not.toContain("TUIJINDEMOADMINTOTPSECRETABCDEFG");
    expect(isSealed(sealed)).toBe(true);
    expect(openSecret(sealed, key)).toBe("TUIJINDEMOADMINTOTPSECRETABCDEFG");
    expect(sealSecret("X", key)).not.toBe(sealSecret("X", key));
  });

  it("refuses to open under another AUTH_SECRET or after tampering", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", key);
    expect(() => openSecret(sealed, "another-secret")).toThrow();
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => openSecret(`v1:${raw.toString("base64")}`, key)).toThrow();
  });

  it("reads an old plaintext secret as it is", () => {
    expect(isSealed("JBSWY3DPEHPK3PXP")).toBe(false);
    expect(openSecret("JBSWY3DPEHPK3PXP", key)).toBe("JBSWY3DPEHPK3PXP");
  });
});
