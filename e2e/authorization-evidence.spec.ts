import sharp from "sharp";
import { expect, test, type APIRequestContext } from "./support/test";
import { deniedCount, requestAs } from "./support/actions";
import { authFile } from "./support/auth-file";
import { queryOne } from "./support/users";

/*
 * Evidence over HTTP, skipping the UI: another district's clerk can neither attach to nor read
 * a jinjiang project's files (403, audited, nothing stored); nobody attaches to a month that is
 * already submitted or approved; an unpublished file is never served publicly. The jinjiang
 * clerk's own upload and read are the positive controls, so a refusal cannot pass because the
 * request itself is broken.
 */

test.describe.configure({ mode: "serial" });

let baseURL: string;
let own: APIRequestContext;
let other: APIRequestContext;
let project: number;
let attachmentId: number;
let jpeg: Buffer;

const upload = (ctx: APIRequestContext, projectId: number, month: string, file: Buffer, name = "site.jpg") =>
  ctx.post(`/district/projects/${projectId}/evidence`, {
    headers: { origin: baseURL },
    multipart: { month, caption: "authz", file: { name, mimeType: "image/jpeg", buffer: file } },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
const count = async () => Number((await queryOne<{ n: number }>("select count(*) as n from attachments"))!.n);

test.beforeAll(async ({}, info) => {
  baseURL = info.project.use.baseURL!;
  own = await requestAs(baseURL, authFile("jinjiang"));
  other = await requestAs(baseURL, authFile("licheng"));
  const p = await queryOne<{ id: number }>("select p.id from projects p join districts d on d.id = p.district_id join campaigns c on c.id = p.campaign_id where d.code = 'jinjiang' and c.year = 2023 order by p.code desc limit 1");
  project = Number(p!.id);
  jpeg = await sharp({ create: { width: 200, height: 150, channels: 3, background: "#2a6f4e" } }).jpeg().toBuffer();
});

test("the owning district's clerk can attach to a draft month and read the file back", async () => {
  const res = await upload(own, project, "2023-10", jpeg);
  expect(res.status()).toBe(303);
  expect(res.headers().location).toContain("ev=ok");
  const row = await queryOne<{ id: number }>("select id from attachments where subject_id = ? and caption = 'authz'", [project]);
  attachmentId = Number(row!.id);
  const read = await own.get(`/api/files/${attachmentId}`, { maxRedirects: 0 });
  expect(read.status()).toBe(200);
  expect(read.headers()["content-type"]).toBe("image/jpeg");
});

test("another district's clerk cannot attach to the project: 403, audited, nothing stored", async () => {
  const before = await count();
  const denied = await deniedCount("licheng");
  const other2 = await sharp({ create: { width: 200, height: 150, channels: 3, background: "#993311" } }).jpeg().toBuffer();
  const res = await upload(other, project, "2023-10", other2);
  expect(res.status()).toBe(403);
  expect(await count()).toBe(before);
  expect(await deniedCount("licheng")).toBeGreaterThan(denied);
});

test("another district's clerk cannot read the project's file: 403 and audited", async () => {
  const denied = await deniedCount("licheng");
  const res = await other.get(`/api/files/${attachmentId}`, { maxRedirects: 0 });
  expect(res.status()).toBe(403);
  expect((await res.body()).includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
  expect(await deniedCount("licheng")).toBeGreaterThan(denied);
  const thumb = await other.get(`/api/files/${attachmentId}?size=thumb`, { maxRedirects: 0 });
  expect(thumb.status()).toBe(403);
});

test("without a session the file is not served (sent to sign in), and the public route does not serve an unpublished photo", async () => {
  const anon = await requestAs(baseURL);
  const res = await anon.get(`/api/files/${attachmentId}`, { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(res.status());
  expect(res.headers().location).toContain("/login");
  expect((await anon.get(`/api/v1/photos/${attachmentId}`)).status()).toBe(404);
});

test("a city leader reads the file (city-wide read), but cannot attach", async () => {
  const leader = await requestAs(baseURL, authFile("leader"));
  expect((await leader.get(`/api/files/${attachmentId}`, { maxRedirects: 0 })).status()).toBe(200);
  const before = await count();
  expect((await upload(leader, project, "2023-10", await sharp(jpeg).flip().toBuffer())).status()).toBe(403);
  expect(await count()).toBe(before);
});

test("the clerk cannot attach to an approved month: a clear message, nothing stored, the attempt audited", async () => {
  const before = await count();
  const denied = await deniedCount("jinjiang");
  const res = await upload(own, project, "2023-09", await sharp(jpeg).flop().toBuffer());
  expect(res.status()).toBe(303);
  expect(res.headers().location).toContain("ev=month-closed");
  expect(await count()).toBe(before);
  expect(await deniedCount("jinjiang")).toBeGreaterThan(denied);
});

test("an upload from a foreign origin is refused before anything is read", async () => {
  const before = await count();
  const res = await own.post(`/district/projects/${project}/evidence`, {
    headers: { origin: "https://evil.example" },
    multipart: { month: "2023-10", file: { name: "x.jpg", mimeType: "image/jpeg", buffer: await sharp(jpeg).negate().toBuffer() } },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  expect(res.status()).toBe(403);
  expect(await count()).toBe(before);
});

test.describe("problems", () => {
  let problem: number;
  let problemFile: number;
  const post = (ctx: APIRequestContext, stage: string, file: Buffer, origin = baseURL) =>
    ctx.post(`/district/problems/${problem}/evidence`, { headers: { origin }, multipart: { stage, caption: "problem-authz", file: { name: "p.jpg", mimeType: "image/jpeg", buffer: file } }, maxRedirects: 0, failOnStatusCode: false });

  test.beforeAll(async () => {
    const p = await queryOne<{ id: number }>("select pr.id from problems pr join districts d on d.id = pr.district_id where d.code = 'jinjiang' and pr.status <> 'resolved' order by pr.id limit 1");
    problem = Number(p!.id);
  });

  test("the owning clerk attaches a photo to a problem and reads it; another district's clerk can do neither (403, audited)", async () => {
    const mine = await sharp({ create: { width: 160, height: 120, channels: 3, background: "#445566" } }).jpeg().toBuffer();
    const res = await post(own, "report", mine);
    expect(res.status()).toBe(303);
    expect(res.headers().location).toContain("ev=ok");
    problemFile = Number((await queryOne<{ id: number }>("select id from attachments where subject = 'problem' and subject_id = ?", [problem]))!.id);
    expect((await own.get(`/api/files/${problemFile}`, { maxRedirects: 0 })).status()).toBe(200);

    const before = await count();
    const denied = await deniedCount("licheng");
    expect((await post(other, "report", await sharp(mine).negate().toBuffer())).status()).toBe(403);
    expect((await other.get(`/api/files/${problemFile}`, { maxRedirects: 0 })).status()).toBe(403);
    expect(await count()).toBe(before);
    expect(await deniedCount("licheng")).toBeGreaterThanOrEqual(denied + 2);
  });

  test("proof of resolution is refused on a problem that is not resolved, nothing stored", async () => {
    const before = await count();
    const res = await post(own, "resolution", await sharp({ create: { width: 160, height: 120, channels: 3, background: "#665544" } }).jpeg().toBuffer());
    expect(res.status()).toBe(303);
    expect(res.headers().location).toContain("ev=stale");
    expect(await count()).toBe(before);
  });
});
