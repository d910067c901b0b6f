import exifr from "exifr";
import JSZip from "jszip";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { inspectUpload } from "@/app/_lib/evidence/inspect";
import { refusalText } from "@/domain/evidence/messages";
import { evidenceSettings } from "@/domain/evidence/settings";

const settings = evidenceSettings({});

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
const DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

async function docx(extra: Record<string, string | Buffer> = {}, main = DOCX_MAIN): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CONTENT_TYPES(main));
  zip.file("word/document.xml", "<w:document/>");
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

const withGps = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: "#557799" } })
    .withExif({ IFD0: { Make: "TestCam", Artist: "张三" }, IFD2: { DateTimeOriginal: "2023:10:05 10:00:00" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "24/1 52/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "118/1 40/1 0/1" } })
    .jpeg()
    .toBuffer();

describe("what an upload is, from its bytes", () => {
  it("re-encodes a photo without any metadata: the stored copy and thumbnail have no EXIF, no GPS", async () => {
    const original = await withGps();
    expect(await exifr.gps(original)).toBeTruthy();
    const r = await inspectUpload(original, "IMG_0001.JPG", settings);
    if (!r.ok || r.kind !== "photo") throw new Error("refused");
    expect(r.gps?.latitude).toBeCloseTo(24.8667, 3);
    expect(r.takenAt).toBe("2023-10-05T10:00:00");
    for (const copy of [r.file, r.thumb]) {
      expect(await exifr.parse(copy)).toBeUndefined();
      expect(await exifr.gps(copy)).toBeUndefined();
      expect((await sharp(copy).metadata()).format).toBe("jpeg");
    }
    const thumb = await sharp(r.thumb).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBeLessThanOrEqual(320);
  });

  it("accepts a PNG photo and turns it into a JPEG copy", async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 10, g: 200, b: 30, alpha: 0.5 } } }).png().toBuffer();
    const r = await inspectUpload(png, "截图.png", settings);
    expect(r.ok && r.kind === "photo" && r.mime).toBe("image/jpeg");
  });

  it("refuses a file named .jpg that is not an image", async () => {
    const r = await inspectUpload(Buffer.from("<html><script>alert(1)</script></html>"), "现场.jpg", settings);
    expect(r).toEqual({ ok: false, code: "fake-image" });
    expect(refusalText("fake-image", settings)).toContain("内容不是图片");
  });

  it("refuses a file that starts like a JPEG but is not one", async () => {
    const r = await inspectUpload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]), "a.jpg", settings);
    expect(r).toEqual({ ok: false, code: "broken-image" });
  });

  it("refuses a 200-megapixel image from its header, before decoding it", async () => {
    // A real JPEG whose frame header is rewritten to 20000 × 10000: what a decompression bomb looks like.
    const small = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#888" } }).jpeg().toBuffer();
    const bomb = Buffer.from(small);
    const sof = bomb.indexOf(Buffer.from([0xff, 0xc0]));
    expect(sof).toBeGreaterThan(0);
    bomb.writeUInt16BE(10000, sof + 5);
    bomb.writeUInt16BE(20000, sof + 7);
    expect((await sharp(bomb).metadata()).width).toBe(20000);
    const r = await inspectUpload(bomb, "big.jpg", settings);
    expect(r).toEqual({ ok: false, code: "pixels", n: 200_000_000 });
    expect(refusalText("pixels", settings, 200_000_000)).toBe("图片像素过大（20,000 万像素），上限 5,000 万像素，未保存；请缩小后再上传");
  });

  it("refuses a file over the size limit without reading it", async () => {
    const small = evidenceSettings({ TUIJIN_EVIDENCE_MAX_FILE_MB: "0.5" });
    const r = await inspectUpload(Buffer.alloc(600 * 1024, 1), "x.pdf", small);
    expect(r).toEqual({ ok: false, code: "too-big" });
    expect(refusalText("too-big", small)).toBe("文件超过 0.5 MB，未保存");
  });

  it("accepts a PDF and a Word document as documents, stored as uploaded", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    expect(await inspectUpload(pdf, "协议.pdf", settings)).toMatchObject({ ok: true, kind: "document", mime: "application/pdf" });
    const word = await docx();
    expect(await inspectUpload(word, "说明.docx", settings)).toMatchObject({ ok: true, kind: "document", ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  });

  it("refuses a zip bomb dressed as a .docx (tens of MB of zeros in a small file)", async () => {
    const bomb = await docx({ "word/media/filler.bin": Buffer.alloc(48 * 1024 * 1024, 0) });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await inspectUpload(bomb, "合同.docx", settings)).toEqual({ ok: false, code: "zip-size" });
  });

  it("refuses a .docx with thousands of parts, and a zip that is not an Office document", async () => {
    const parts: Record<string, string> = {};
    for (let i = 0; i < 2100; i++) parts[`word/p${i}.xml`] = "x";
    expect(await inspectUpload(await docx(parts), "多.docx", settings)).toEqual({ ok: false, code: "zip-entries" });
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    expect(await inspectUpload(await zip.generateAsync({ type: "nodebuffer" }), "a.docx", settings)).toEqual({ ok: false, code: "not-office" });
  });

  it("refuses a macro-enabled Word file and an old binary .doc", async () => {
    expect(await inspectUpload(await docx({}, "application/vnd.ms-word.document.macroEnabled.main+xml"), "m.docm", settings)).toEqual({ ok: false, code: "macro" });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await inspectUpload(ole, "old.doc", settings)).toEqual({ ok: false, code: "old-office" });
  });

  it("this sharp build cannot decode HEIC (HEVC): a HEIC upload is refused with what to do", async () => {
    // sharp's prebuilt libheif decodes AV1 (AVIF) only; a HEVC-coded HEIF is a container it cannot open.
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypheic"), Buffer.from([0, 0, 0, 0]), Buffer.from("mif1heic"), Buffer.alloc(64)]);
    expect(await inspectUpload(heic, "IMG_1234.HEIC", settings)).toEqual({ ok: false, code: "heic" });
    expect(refusalText("heic", settings)).toContain("HEIC");
  });
});
