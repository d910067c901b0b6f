import yauzl from "yauzl";
import type { Refusal } from "@/domain/evidence/messages";

/**
 * Whether a zip is an Office Open XML document (Word, Excel, PowerPoint without macros), checked
 * without trusting it: every entry is inflated once with a running byte count, so a zip bomb is
 * refused as soon as it passes the limit (yauzl also checks each entry inflates to its declared
 * size), and an entry count past the limit is refused before anything is read.
 */
export interface ZipLimits {
  maxEntries: number;
  maxInflatedBytes: number;
}

export const OFFICE_TYPES = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ext: "docx",
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ext: "xlsx",
  },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ext: "pptx",
  },
} as const;

export type OfficeCheck = { ok: true; mime: string; ext: string } | { ok: false; code: Refusal };


class RefusedZip extends Error {
  constructor(readonly code: Refusal) {
    super(code);
  }
}

export async function checkOfficeZip(buffer: Buffer, limits: ZipLimits): Promise<OfficeCheck> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, z) => (err || !z ? reject(err ?? new Error("zip")) : resolve(z))),
    );
  } catch {
    return { ok: false, code: "office-broken" };
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return { ok: false, code: "zip-entries" };
  }
  let total = 0;
  let contentTypes = "";
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (code: Refusal) => reject(new RefusedZip(code));
      zip.on("error", () => fail("office-broken"));
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        if (total + entry.uncompressedSize > limits.maxInflatedBytes) return fail("zip-size");
        const isTypes = entry.fileName === "[Content_Types].xml";
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return fail("office-broken");
          stream.on("data", (chunk: Buffer) => {
            total += chunk.length;
            if (total > limits.maxInflatedBytes) {
              stream.destroy();
              return fail("zip-size");
            }
            if (isTypes && contentTypes.length < 1_000_000) contentTypes += chunk.toString("utf8");
          });
          stream.on("error", () => fail("office-broken"));
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  } catch (e) {
    return { ok: false, code: e instanceof RefusedZip ? e.code : "office-broken" };
  } finally {
    zip.close();
  }
  for (const [type, info] of Object.entries(OFFICE_TYPES)) {
    if (contentTypes.includes(`ContentType="${type}"`)) return { ok: true, ...info };
  }
  if (/macroEnabled/i.test(contentTypes)) return { ok: false, code: "macro" };
  return { ok: false, code: "not-office" };
}
