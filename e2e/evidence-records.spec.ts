import sharp from "sharp";
import { expect, test, type APIRequestContext } from "./support/test";
import { deniedCount, requestAs } from "./support/actions";
import { authFile } from "./support/auth-file";
import { attachments, jinjiangProjectId, newOrder, pdf, photo, postFrom, uploadIn } from "./support/evidence";
import { signIn } from "./support/login";
import { createUser, DEMO_PASSWORD, queryOne, run, uniqueName } from "./support/users";

/*
 * Evidence on orders and signings (issue #19): a district answers a supervision order with a PDF
 * and the campaign office closes it with a photo; a department answers its order the same way,
 * also one on an indicator (filed under the department alone: other departments and districts get
 * 403); a signing gets its agreement's cover page; another district can neither read nor attach (over
 * HTTP, audited); both records' files fit a phone. Deleting and the bulletin's photos:
 * evidence-project-photos.spec.ts. Fixtures are made here.
 */

test.describe.configure({ mode: "serial", timeout: 60_000 });

let baseURL: string;
let jinjiang: APIRequestContext;
let licheng: APIRequestContext;
let png: Buffer;
let post: ReturnType<typeof postFrom>;
let orderId: number;
let jinjiangProject: number;

test.beforeAll(async ({}, info) => {
  baseURL = info.project.use.baseURL!;
  post = postFrom(baseURL);
  jinjiang = await requestAs(baseURL, authFile("jinjiang"));
  licheng = await requestAs(baseURL, authFile("licheng"));
  png = await sharp({ create: { width: 300, height: 400, channels: 3, background: "#c0a080" } }).png().toBuffer();
  jinjiangProject = await jinjiangProjectId();
  orderId = await newOrder({ district: "jinjiang" });
});

test("the district answers an order with a PDF, the office closes it with a photo, and both see both files", async ({ browser }) => {
  const clerk = await (await browser.newContext({ storageState: authFile("jinjiang") })).newPage();
  await clerk.goto(`/district/orders/${orderId}`);
  await uploadIn(clerk, "order_answer", { name: "整改报告.pdf", mimeType: "application/pdf", buffer: pdf }, "整改报告");
  const answer = clerk.locator('[data-evidence-group="order_answer"] li[data-attachment]');
  await expect(answer).toContainText("整改报告.pdf");
  await clerk.getByLabel("原因分析").fill("征迁协调进度慢");
  await clerk.getByLabel("整改措施").fill("区里专班推进，已签协议");
  await clerk.getByLabel("预计完成日期").fill("2023-12-20");
  await clerk.getByRole("button", { name: "提交反馈，申请销号" }).click();
  await expect(clerk.getByText("已反馈，等待市里审核销号").first()).toBeVisible();
  await clerk.reload();
  // Answered: the answer's files are fixed now.
  await expect(clerk.locator('[data-evidence-group="order_answer"] form')).toHaveCount(0);

  const office = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
  await office.goto(`/city/orders/${orderId}`);
  await expect(office.locator('[data-evidence-group="order_answer"]')).toContainText("整改报告.pdf");
  await uploadIn(office, "order_close", { name: "现场核查.jpg", mimeType: "image/jpeg", buffer: await photo("#3a6b8c") }, "现场核查");
  await office.getByRole("button", { name: "同意销号" }).click();
  await expect(office.getByText("已销号").first()).toBeVisible();

  await clerk.goto(`/district/orders/${orderId}`);
  const closing = clerk.locator('[data-evidence-group="order_close"] li[data-attachment]').filter({ hasText: "现场核查" });
  await expect(closing.getByRole("img")).toHaveJSProperty("complete", true);
  expect(await closing.getByRole("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const pdfId = Number((await queryOne<{ id: number }>("select id from attachments where subject = 'order_answer' and subject_id = ?", [orderId]))!.id);
  const served = await jinjiang.get(`/api/files/${pdfId}`);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("application/pdf");
  expect((await served.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("another district's clerk can neither read the order's files nor attach to it: 403, audited, nothing stored", async () => {
  const open = await newOrder({ district: "jinjiang" });
  const denied = await deniedCount("licheng");
  const res = await post(licheng, `/district/orders/${open}/evidence`, { caption: "x", file: { name: "x.pdf", mimeType: "application/pdf", buffer: pdf } });
  expect(res.status()).toBe(403);
  expect(await attachments("order_answer", open)).toBe(0);
  const closeTry = await post(licheng, `/city/orders/${orderId}/evidence`, { caption: "x", file: { name: "x.pdf", mimeType: "application/pdf", buffer: pdf } });
  expect(closeTry.status()).toBe(403);
  for (const row of (await queryOne<{ ids: string }>("select group_concat(id) as ids from attachments where subject in ('order_answer','order_close') and subject_id = ?", [orderId]))!.ids.split(",")) {
    const read = await licheng.get(`/api/files/${row}`, { maxRedirects: 0 });
    expect(read.status()).toBe(403);
    expect((await licheng.get(`/api/files/${row}?size=thumb`, { maxRedirects: 0 })).status()).toBe(403);
  }
  expect(await deniedCount("licheng")).toBeGreaterThanOrEqual(denied + 3);
  // Positive control: the responsible district's own upload to the open order goes through.
  const own = await post(jinjiang, `/district/orders/${open}/evidence`, { caption: "自查", file: { name: "自查.pdf", mimeType: "application/pdf", buffer: pdf } });
  expect(own.status()).toBe(303);
  expect(own.headers().location).toContain("ev=ok");
  expect(await attachments("order_answer", open)).toBe(1);
});

test("a department answers its order on a project with a PDF; a district clerk cannot read it", async () => {
  const shangwu = await requestAs(baseURL, authFile("shangwu"));
  const o = await newOrder({ department: "swj", projectId: jinjiangProject });
  const res = await post(shangwu, `/district/orders/${o}/evidence`, { caption: "商务局说明", file: { name: "说明.pdf", mimeType: "application/pdf", buffer: pdf } });
  expect(res.status()).toBe(303);
  expect(res.headers().location).toContain("ev=ok");
  const id = Number((await queryOne<{ id: number }>("select id from attachments where subject = 'order_answer' and subject_id = ?", [o]))!.id);
  expect((await shangwu.get(`/api/files/${id}`)).status()).toBe(200);
  expect((await licheng.get(`/api/files/${id}`, { maxRedirects: 0 })).status()).toBe(403);
});

test("a department answers its order on an indicator with a PDF, the office closes it with a photo; other departments and districts get 403", async ({ browser }) => {
  const o = await newOrder({ department: "swj", indicator: true });
  expect(await queryOne("select id from supervision_orders where id = ? and indicator_id is not null and district_id is null", [o])).toBeTruthy();
  const clerk = await (await browser.newContext({ storageState: authFile("shangwu") })).newPage();
  await clerk.goto(`/district/orders/${o}`);
  await expect(clerk.getByText("暂不能上传附件")).toHaveCount(0);
  await uploadIn(clerk, "order_answer", { name: "招商情况说明.pdf", mimeType: "application/pdf", buffer: pdf }, "招商情况说明");
  // A file sent by mistake is deleted by the department while the order can be answered.
  const extra = await post(clerk.request, `/district/orders/${o}/evidence`, { caption: "传错了", file: { name: "错.jpg", mimeType: "image/jpeg", buffer: await photo("#6b3a8c") } });
  expect(extra.headers().location).toContain("ev=ok");
  const wrong = (await queryOne<{ id: number; version: number }>("select id, version from attachments where caption = '传错了' and subject_id = ?", [o]))!;
  expect((await post(jinjiang, `/api/attachments/${wrong.id}/delete`, { version: String(wrong.version) })).status()).toBe(403);
  const gone = await post(clerk.request, `/api/attachments/${wrong.id}/delete`, { version: String(wrong.version) });
  expect(gone.headers().location).toContain("ev=deleted");
  expect(await queryOne("select id from attachments where id = ?", [wrong.id])).toBeUndefined();
  await clerk.getByLabel("原因分析").fill("重大项目签约延后");
  await clerk.getByLabel("整改措施").fill("专班对接，月底前签约");
  await clerk.getByLabel("预计完成日期").fill("2023-12-25");
  await clerk.getByRole("button", { name: "提交反馈，申请销号" }).click();
  await expect(clerk.getByText("已反馈，等待市里审核销号").first()).toBeVisible();

  const office = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
  await office.goto(`/city/orders/${o}`);
  await expect(office.locator('[data-evidence-group="order_answer"]')).toContainText("招商情况说明.pdf");
  await uploadIn(office, "order_close", { name: "签约现场.jpg", mimeType: "image/jpeg", buffer: await photo("#8c6b3a") }, "签约现场");
  await office.getByRole("button", { name: "同意销号" }).click();
  await expect(office.getByText("已销号").first()).toBeVisible();

  // Filed under the department, with no district.
  const files = await queryOne<{ n: number; ids: string }>(
    "select count(*) as n, group_concat(a.id) as ids from attachments a join departments d on d.id = a.department_id where a.subject_id = ? and a.subject in ('order_answer','order_close') and a.district_id is null and d.code = 'swj'",
    [o],
  );
  expect(Number(files!.n)).toBe(2);
  const photoId = Number((await queryOne<{ id: number }>("select id from attachments where subject = 'order_close' and subject_id = ?", [o]))!.id);
  await clerk.goto(`/district/orders/${o}`);
  const closing = clerk.locator('[data-evidence-group="order_close"] li[data-attachment]').filter({ hasText: "签约现场" });
  expect(await closing.getByRole("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect((await clerk.request.get(`/api/files/${photoId}?size=thumb`)).status()).toBe(200);

  // Another department's clerk and a district clerk: 403 for every file and its thumbnail, audited.
  const username = uniqueName("gxjev");
  await createUser({ username, password: DEMO_PASSWORD, role: "department_editor", department: "gxj" });
  const other = await (await browser.newContext()).newPage();
  await signIn(other, username, DEMO_PASSWORD);
  for (const [who, ctx] of [[username, other.request], ["jinjiang", jinjiang]] as const) {
    const denied = await deniedCount(who);
    for (const id of files!.ids.split(",")) {
      expect((await ctx.get(`/api/files/${id}`, { maxRedirects: 0 })).status()).toBe(403);
      expect((await ctx.get(`/api/files/${id}?size=thumb`, { maxRedirects: 0 })).status()).toBe(403);
    }
    expect(await deniedCount(who)).toBeGreaterThanOrEqual(denied + 4);
  }
  // An order's files are never public, not even a photo.
  expect((await (await browser.newContext()).request.get(`/api/v1/photos/${photoId}`)).status()).toBe(404);
});

test("a signing gets its agreement's cover page, shown on the signing's page; another district cannot add one", async ({ browser }) => {
  await run("insert into signings (campaign_id, district_id, name, amount, signed_on) values ((select id from campaigns where year = 2023), (select id from districts where code = 'jinjiang'), '证据测试签约项目', 250000, '2023-10-12')");
  const s = Number((await queryOne<{ id: number }>("select id from signings where name = '证据测试签约项目'"))!.id);
  const clerk = await (await browser.newContext({ storageState: authFile("jinjiang") })).newPage();
  await clerk.goto(`/district/signings/${s}`);
  await uploadIn(clerk, "signing", { name: "协议封面.png", mimeType: "image/png", buffer: png }, "协议封面页");
  const card = clerk.locator('[data-evidence-group="signing"] li[data-attachment]').filter({ hasText: "协议封面页" });
  expect(await card.getByRole("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const denied = await deniedCount("licheng");
  const before = await attachments("signing", s);
  const res = await post(licheng, `/district/signings/${s}/evidence`, { caption: "x", file: { name: "x.png", mimeType: "image/png", buffer: await photo("#112233") } });
  expect(res.status()).toBe(403);
  expect(await attachments("signing", s)).toBe(before);
  expect(await deniedCount("licheng")).toBeGreaterThan(denied);
});


test("the order's and the signing's files fit a 390 px phone screen", async ({ browser }) => {
  const phone = await (await browser.newContext({ storageState: authFile("jinjiang"), viewport: { width: 390, height: 844 } })).newPage();
  const signing = Number((await queryOne<{ id: number }>("select id from signings where name = '证据测试签约项目'"))!.id);
  for (const url of [`/district/orders/${orderId}`, `/district/signings/${signing}`]) {
    await phone.goto(url);
    await expect(phone.locator("#evidence li[data-attachment]").first()).toBeVisible();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
});
