import { createHash } from "node:crypto";
import exifr from "exifr";
import sharp from "sharp";
import { expect, test } from "./support/test";
import { authFile } from "./support/auth-file";
import { queryOne } from "./support/users";

/*
 * A clerk attaches a site photo (with GPS in its EXIF) to two projects' October; the campaign
 * office sees the second use flagged on the review page, publishes the photo, and the public
 * project page serves it with no EXIF at all (no GPS), with its checksum in the open data.
 */

test.describe.configure({ mode: "serial" });

const MONTH = "2023-10";
let photo: Buffer;
let projects: { id: number; code: string; name: string }[];
let reportId: number;

test.beforeAll(async () => {
  const rows = [];
  for (const offset of [0, 1]) {
    rows.push(
      (await queryOne<{ id: number; code: string; name: string }>(
        `select p.id, p.code, p.name from projects p join districts d on d.id = p.district_id join campaigns c on c.id = p.campaign_id
         where d.code = 'jinjiang' and c.year = 2023 and p.is_public = 1 order by p.code limit 1 offset ?`,
        [offset],
      ))!,
    );
  }
  projects = rows.map((r) => ({ id: Number(r.id), code: String(r.code), name: String(r.name) }));
  const r = await queryOne<{ id: number }>(
    `select mr.id from monthly_reports mr join periods pe on pe.id = mr.period_id join districts d on d.id = mr.district_id join campaigns c on c.id = pe.campaign_id
     where d.code = 'jinjiang' and pe.month = ? and c.year = 2023`,
    [MONTH],
  );
  reportId = Number(r!.id);
  // A photo-like picture with a capture time and a GPS position, as a phone writes them.
  const w = 800;
  const h = 600;
  const px = Buffer.alloc(w * h * 3);
  for (let i = 0; i < w * h; i++) {
    const x = i % w;
    const y = Math.floor(i / w);
    px[i * 3] = (x * 255) / w;
    px[i * 3 + 1] = ((Math.floor(x / 100) + Math.floor(y / 75)) % 2) * 200;
    px[i * 3 + 2] = (y * 255) / h;
  }
  photo = await sharp(px, { raw: { width: w, height: h, channels: 3 } })
    .withExif({ IFD0: { Make: "TestPhone" }, IFD2: { DateTimeOriginal: "2023:10:16 09:20:00" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "24/1 48/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "118/1 33/1 0/1" } })
    .jpeg({ quality: 90 })
    .toBuffer();
  expect(await exifr.gps(photo)).toBeTruthy();
});

test.describe("as the jinjiang clerk", () => {
  test.use({ storageState: authFile("jinjiang") });

  test("a clerk attaches a site photo to a project's month and sees it under that month", async ({ page }) => {
    for (const p of projects) {
      await page.goto(`/district/projects/${p.id}`);
      const section = page.locator("#evidence");
      await section.getByLabel("月份").selectOption(MONTH);
      await section.getByLabel("文件").setInputFiles({ name: "现场.jpg", mimeType: "image/jpeg", buffer: photo });
      await section.getByLabel("说明").fill("主体结构施工");
      await section.getByRole("button", { name: "上传" }).click();
      await expect(page.getByRole("status").filter({ hasText: "已上传到2023年10月" })).toBeVisible();
      const card = page.locator("#evidence li[data-attachment]").filter({ hasText: "主体结构施工" });
      await expect(card).toHaveCount(1);
      await expect(card.getByRole("img")).toHaveJSProperty("complete", true);
      expect(await card.getByRole("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    }
    // The server read the capture time and position from the original's EXIF (exifr, loaded by Node) before stripping them.
    const kept = await queryOne<{ taken_at: string; lat: number }>("select taken_at, gps_latitude as lat from attachments where subject_id = ? and caption = '主体结构施工'", [projects[0]!.id]);
    expect(kept?.taken_at).toBe("2023-10-16T09:20:00");
    expect(Number(kept?.lat)).toBeCloseTo(24.8083, 3);
  });

  test("a file that only claims to be a JPEG is refused next to the file field, nothing stored", async ({ page }) => {
    const before = await queryOne<{ n: number }>("select count(*) as n from attachments");
    await page.goto(`/district/projects/${projects[0]!.id}`);
    const section = page.locator("#evidence");
    await section.getByLabel("文件").setInputFiles({ name: "假照片.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a picture at all") });
    await section.getByRole("button", { name: "上传" }).click();
    await expect(section.getByRole("alert")).toHaveText(/文件名是图片，但内容不是图片，未保存/);
    await expect(section.getByLabel("文件")).toHaveAttribute("aria-describedby", "evidence-error");
    expect(Number((await queryOne<{ n: number }>("select count(*) as n from attachments"))!.n)).toBe(Number(before!.n));
  });
});

test.describe("as the campaign office", () => {
  test.use({ storageState: authFile("admin") });

  test("the reviewer sees the photo flagged as reused on another project, and publishes it", async ({ page }) => {
    const [a, b] = projects as [(typeof projects)[0], (typeof projects)[0]];
    await page.goto(`/city/review/${reportId}`);
    const section = page.locator("#evidence");
    await expect(section.getByRole("heading", { name: "2023年10月形象进度照片与附件" })).toBeVisible();
    const onA = section.locator(`[data-project="${a.code}"]`);
    await expect(onA.locator('[data-flag="reused"]')).toHaveText(`⚠ 与 ${b.code} 2023年10月的照片相同`);
    await expect(section.locator(`[data-project="${b.code}"] [data-flag="reused"]`)).toHaveText(`⚠ 与 ${a.code} 2023年10月的照片相同`);
    await onA.getByRole("button", { name: "在公开页面展示" }).click();
    await expect(page.getByRole("status").filter({ hasText: "照片已在公开的项目页面展示" })).toBeVisible();
    await expect(section.locator(`[data-project="${a.code}"]`).getByText("已公开")).toBeVisible();
  });
});

test.describe("the public", () => {
  test("the public project page shows the published photo, served without GPS or any EXIF, with its checksum in the open data", async ({ page, request }) => {
    const a = projects[0]!;
    const published = await queryOne<{ id: number }>("select id from attachments where subject_id = ? and is_public = 1", [a.id]);
    await page.goto(`/projects/${encodeURIComponent(a.code)}`);
    const figure = page.locator(`[data-photo="${published!.id}"]`);
    await expect(figure).toContainText("2023年10月");
    await expect(figure).toContainText("主体结构施工");
    const res = await request.get(`/api/v1/photos/${published!.id}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/jpeg");
    const served = await res.body();
    expect(await exifr.gps(served)).toBeUndefined();
    expect(await exifr.parse(served)).toBeUndefined();
    const list = await (await request.get("/api/v1/attachments.json")).json();
    const entry = list.attachments.find((x: { id: number }) => x.id === Number(published!.id));
    expect(entry).toMatchObject({ projectCode: a.code, month: MONTH, sha256: createHash("sha256").update(served).digest("hex") });
    // The other project's copy was never published: not served to the public.
    const hidden = await queryOne<{ id: number }>("select id from attachments where subject_id = ?", [projects[1]!.id]);
    expect((await request.get(`/api/v1/photos/${hidden!.id}`)).status()).toBe(404);
  });
});
