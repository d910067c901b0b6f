/** The secrets a cluster shares (scripts/cluster-lib.ts): created once in its folder, mode 0600, reused after. */
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface Secrets {
  authSecret: string;
  actionsKey: string;
  /** EdDSA JWT for sqld, full access. */
  dbToken: string;
  jwtPublicKeyFile: string;
}

function readOrCreate(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  writeFileSync(file, make() + "\n", { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** A JWT as sqld checks it: EdDSA over Ed25519, claim `a: "rw"` (read-write). */
export function makeDbToken(privateKey: KeyObject, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const input = `${b64({ alg: "EdDSA", typ: "JWT" })}.${b64({ a: "rw", iat: nowSeconds })}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString("base64url")}`;
}

/**
 * The cluster's secrets, generated once into `<dir>/secrets` (mode 0600): sqld's Ed25519 key
 * pair (the public half for `--auth-jwt-key-file`, as URL-safe base64 of the raw key), the
 * app's AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY. Back these up with the database.
 */
export function ensureSecrets(dir: string): Secrets {
  const secretsDir = path.join(dir, "secrets");
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  const privatePem = readOrCreate(path.join(secretsDir, "jwt-private.pem"), () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    return privateKey.export({ format: "pem", type: "pkcs8" }).toString().trim();
  });
  const privateKey = createPrivateKey(privatePem);
  const jwtPublicKeyFile = path.join(secretsDir, "jwt-public.key");
  const publicJwk = (privateKey.export({ format: "jwk" }) as { x: string }).x;
  // No newline: sqld reads the whole file as the key.
  writeFileSync(jwtPublicKeyFile, publicJwk, { mode: 0o600 });
  return {
    authSecret: readOrCreate(path.join(secretsDir, "auth-secret"), () => randomBytes(32).toString("base64url")),
    actionsKey: readOrCreate(path.join(secretsDir, "actions-key"), () => randomBytes(32).toString("base64")),
    dbToken: makeDbToken(privateKey),
    jwtPublicKeyFile,
  };
}
