import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { differenceHash, inspectUpload } from "@/app/_lib/evidence/inspect";
import { distanceKm, hammingDistance, provenanceFlags, type PhotoFacts } from "@/domain/evidence/provenance";
import { evidenceSettings } from "@/domain/evidence/settings";

const settings = evidenceSettings({});

/** A photo-like test image: smooth gradients and blocks, so resizing keeps its structure. */
async function scene(seed: number, opts: { exif?: Record<string, Record<string, string>>; size?: [number, number]; quality?: number; tint?: number } = {}): Promise<Buffer> {
  const [w, h] = opts.size ?? [640, 480];
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      const block = ((Math.floor(x / (80 + seed * 7)) + Math.floor(y / (60 + seed * 5))) % 2) * 90;
      px[i] = (x * 255) / w / (1 + (seed % 3)) + block / 2 + (opts.tint ?? 0);
      px[i + 1] = (y * 255) / h / 2 + block;
      px[i + 2] = ((x + y + seed * 97) % 255) / 3 + (opts.tint ?? 0);
    }
  }
  let img = sharp(px, { raw: { width: w, height: h, channels: 3 } });
  if (opts.exif) img = img.withExif(opts.exif);
  return img.jpeg({ quality: opts.quality ?? 90 }).toBuffer();
}

const gpsExif = (lat: number, lon: number) => ({
  GPSLatitudeRef: lat >= 0 ? "N" : "S",
  GPSLatitude: `${Math.floor(Math.abs(lat) * 1e6)}/1000000 0/1 0/1`,
  GPSLongitudeRef: lon >= 0 ? "E" : "W",
  GPSLongitude: `${Math.floor(Math.abs(lon) * 1e6)}/1000000 0/1 0/1`,
});

async function photo(bytes: Buffer) {
  const r = await inspectUpload(bytes, "site.jpg", settings);
  if (!r.ok || r.kind !== "photo") throw new Error(`not accepted as a photo: ${JSON.stringify(r)}`);
  return r;
}

function facts(p: Awaited<ReturnType<typeof photo>>, month: string, id = 1): PhotoFacts {
  return { id, month, takenAt: p.takenAt, uploadedAt: "2023-11-03T02:00:00.000Z", gps: p.gps, phash: p.phash };
}

const SITE = { coordinates: { latitude: 24.874, longitude: 118.676 } };

describe("provenance flags on photos made by the test", () => {
  it("a photo taken in the reporting month near the site carries no flag", async () => {
    const p = await photo(await scene(1, { exif: { IFD2: { DateTimeOriginal: "2023:10:18 09:30:00" }, IFD3: gpsExif(24.875, 118.677) } }));
    expect(p.takenAt).toBe("2023-10-18T09:30:00");
    expect(p.gps?.latitude).toBeCloseTo(24.875, 4);
    expect(provenanceFlags(facts(p, "2023-10"), 7, SITE, [], settings)).toEqual([]);
  });

  it("a photo taken seven months before the month is flagged with its date", async () => {
    const p = await photo(await scene(2, { exif: { IFD2: { DateTimeOriginal: "2023:03:02 11:00:00" } } }));
    const texts = provenanceFlags(facts(p, "2023-10"), 7, { coordinates: null }, [], settings).map((f) => f.text);
    expect(texts).toEqual(["拍摄时间 2023-03-02，早于本月 7 个月"]);
  });

  it("a photo taken in the first days of the next month counts for the month; one taken weeks later is flagged", async () => {
    const early = await photo(await scene(3, { exif: { IFD2: { DateTimeOriginal: "2023:11:02 08:00:00" } } }));
    expect(provenanceFlags(facts(early, "2023-10"), 7, { coordinates: null }, [], settings)).toEqual([]);
    const late = await photo(await scene(3, { exif: { IFD2: { DateTimeOriginal: "2023:12:20 08:00:00" } } }));
    expect(provenanceFlags({ ...facts(late, "2023-10"), uploadedAt: "2023-12-21T00:00:00Z" }, 7, { coordinates: null }, [], settings).map((f) => f.text)).toEqual(["拍摄时间 2023-12-20，晚于本月 2 个月"]);
  });

  it("a capture time after the upload is flagged as a wrong camera clock", async () => {
    const p = await photo(await scene(4, { exif: { IFD2: { DateTimeOriginal: "2023:11:20 08:00:00" } } }));
    const rules = provenanceFlags({ ...facts(p, "2023-11"), uploadedAt: "2023-11-10T00:00:00Z" }, 7, { coordinates: null }, [], settings).map((f) => f.rule);
    expect(rules).toEqual(["taken_after_upload"]);
  });

  it("a photo without EXIF says it cannot be checked, for time and for place", async () => {
    const p = await photo(await scene(5));
    expect(p.takenAt).toBeNull();
    expect(p.gps).toBeNull();
    expect(provenanceFlags(facts(p, "2023-10"), 7, SITE, [], settings).map((f) => f.text)).toEqual(["照片不含拍摄时间（EXIF），无法核对拍摄日期", "照片不含拍摄位置，无法与项目位置核对"]);
  });

  it("a photo taken far from the project's coordinates is flagged with the distance", async () => {
    // Xiamen, about 80 km from the Jinjiang site.
    const p = await photo(await scene(6, { exif: { IFD2: { DateTimeOriginal: "2023:10:05 10:00:00" }, IFD3: gpsExif(24.4798, 118.0894) } }));
    const flags = provenanceFlags(facts(p, "2023-10"), 7, SITE, [], settings);
    expect(flags.map((f) => f.rule)).toEqual(["far_from_site"]);
    expect(flags[0]!.text).toMatch(/^拍摄地点距项目位置约 7\d 公里$/);
    expect(distanceKm({ latitude: 24.4798, longitude: 118.0894 }, SITE.coordinates)).toBeGreaterThan(70);
  });

  it("the same picture re-saved smaller and darker is recognised on another project; a different scene is not", async () => {
    const original = await scene(7, { exif: { IFD2: { DateTimeOriginal: "2023:08:10 10:00:00" } } });
    const resaved = await sharp(original).resize(400).modulate({ brightness: 0.92 }).jpeg({ quality: 60 }).toBuffer();
    const a = await photo(original);
    const b = await photo(resaved);
    const c = await photo(await scene(11));
    expect(hammingDistance(a.phash, b.phash)).toBeLessThanOrEqual(settings.hashDistance);
    expect(hammingDistance(a.phash, c.phash)).toBeGreaterThan(settings.hashDistance);
    const others = [{ id: 1, projectId: 141, projectCode: "DEMO-2023-0141", month: "2023-08", phash: a.phash }];
    const onB = provenanceFlags({ ...facts(b, "2023-10", 2), takenAt: "2023-10-10T10:00:00" }, 7, { coordinates: null }, others, settings);
    expect(onB.map((f) => f.text)).toContain(`与 DEMO-2023-0141 2023年8月的照片${hammingDistance(a.phash, b.phash) === 0 ? "相同" : "几乎相同"}`);
    const onC = provenanceFlags({ ...facts(c, "2023-10", 3), takenAt: "2023-10-10T10:00:00" }, 7, { coordinates: null }, others, settings);
    expect(onC).toEqual([]);
  });

  it("an identical upload on another project reads 相同; the photo's own month on its own project is not a reuse", async () => {
    const a = await photo(await scene(8));
    const others = [
      { id: 1, projectId: 7, projectCode: "DEMO-2023-0007", month: "2023-10", phash: a.phash },
      { id: 5, projectId: 141, projectCode: "DEMO-2023-0141", month: "2023-08", phash: a.phash },
    ];
    const flags = provenanceFlags({ ...facts(a, "2023-10", 9), takenAt: "2023-10-01T10:00:00" }, 7, { coordinates: null }, others, settings);
    expect(flags.map((f) => f.text)).toEqual(["与 DEMO-2023-0141 2023年8月的照片相同"]);
  });

  it("the hash follows the picture, not the orientation tag: a rotated copy with EXIF orientation matches the upright one", async () => {
    const upright = await scene(9);
    const turned = await sharp(upright).rotate(90).withMetadata({ orientation: 8 }).jpeg().toBuffer();
    expect((await sharp(turned).metadata()).orientation).toBe(8);
    const h1 = await differenceHash(upright);
    const h2 = await differenceHash(turned);
    expect(hammingDistance(h1, h2)).toBeLessThanOrEqual(settings.hashDistance);
  });
});
