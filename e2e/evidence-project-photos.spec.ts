import { expect, test, type APIRequestContext } from "./support/test";
import { requestAs } from "./support/actions";
import { authFile } from "./support/auth-file";
import { jinjiangProjectId, photo, postFrom } from "./support/evidence";
import { queryOne, run } from "./support/users";

/*
 * Photos of a project's month (issue #19): the owner deletes a file while its month is open and
 * cannot once it is approved (another district gets 403); the bulletin prints a lagging project's
 * latest photo when asked to. Orders' and signings' evidence: evidence-records.spec.ts.
 */

test.describe.configure({ mode: "serial", timeout: 60_000 });

let jinjiang: APIRequestContext;
let licheng: APIRequestContext;
let post: ReturnType<typeof postFrom>;
let jinjiangProject: number;

test.beforeAll(async ({}, info) => {
  const baseURL = info.project.use.baseURL!;
  post = postFrom(baseURL);
  jinjiang = await requestAs(baseURL, authFile("jinjiang"));
  licheng = await requestAs(baseURL, authFile("licheng"));
  jinjiangProject = await jinjiangProjectId();
});

test("the owner deletes a photo of an open month after confirming, without JavaScript; once the month is approved it stays", async ({ browser }) => {
  const clerk = await (await browser.newContext({ storageState: authFile("jinjiang"), javaScriptEnabled: false })).newPage();
  for (const caption of ["待删除的照片", "审核后的照片"]) {
    const res = await post(jinjiang, `/district/projects/${jinjiangProject}/evidence`, { month: "2023-10", caption, file: { name: "p.jpg", mimeType: "image/jpeg", buffer: await photo(caption === "待删除的照片" ? "#aa3311" : "#11aa33") } });
    expect(res.headers().location).toContain("ev=ok");
  }
  await clerk.goto(`/district/projects/${jinjiangProject}`);
  const card = clerk.locator("#evidence li[data-attachment]").filter({ hasText: "待删除的照片" });
  await card.getByText("删除", { exact: true }).click();
  await card.getByRole("button", { name: "确定删除" }).click();
  await expect(clerk.getByRole("status").filter({ hasText: "已删除附件" })).toBeVisible();
  await expect(clerk.locator("#evidence li[data-attachment]").filter({ hasText: "待删除的照片" })).toHaveCount(0);
  expect(await queryOne("select id from attachments where caption = '待删除的照片'")).toBeUndefined();
  expect(await queryOne("select id from audit_events where action = 'attachment.delete' and before like '%待删除的照片%'")).toBeTruthy();

  // The other photo's month (September) has been approved: no delete button, and a direct post is refused.
  const kept = (await queryOne<{ id: number; version: number }>("select id, version from attachments where caption = '审核后的照片'"))!;
  await run("update attachments set month = '2023-09' where id = ?", [kept.id]);
  await clerk.reload();
  const approved = clerk.locator("#evidence li[data-attachment]").filter({ hasText: "审核后的照片" });
  await expect(approved).toHaveCount(1);
  await expect(approved.getByText("删除", { exact: true })).toHaveCount(0);
  const res = await post(jinjiang, `/api/attachments/${kept.id}/delete`, { version: String(kept.version) });
  expect(res.status()).toBe(303);
  expect(res.headers().location).toContain("ev=delete-closed");
  expect(await queryOne("select id from attachments where id = ?", [kept.id])).toBeTruthy();
  // Another district's clerk: 403 before anything else.
  expect((await post(licheng, `/api/attachments/${kept.id}/delete`, { version: String(kept.version) })).status()).toBe(403);
});

test("the bulletin shows a lagging project's latest photo, with its month, when the option is ticked", async ({ browser }) => {
  const lagging = await queryOne<{ id: number; name: string }>(
    `select p.id, p.name from projects p join districts d on d.id = p.district_id join campaigns c on c.id = p.campaign_id
     where d.code = 'jinjiang' and c.year = 2023 and p.is_key = 1 and p.annual_planned_investment > 0
       and coalesce((select sum(investment) from project_progress pp where pp.project_id = p.id and pp.month between '2023-01' and '2023-10'), 0) * 12 < p.annual_planned_investment * 10
     order by (p.annual_planned_investment * 10 - coalesce((select sum(investment) from project_progress pp where pp.project_id = p.id and pp.month between '2023-01' and '2023-10'), 0) * 12) * 1.0 / p.annual_planned_investment desc
     limit 1`,
  );
  expect(lagging).toBeTruthy();
  const up = await post(jinjiang, `/district/projects/${lagging!.id}/evidence`, { month: "2023-10", caption: "简报用照片", file: { name: "b.jpg", mimeType: "image/jpeg", buffer: await photo("#556677") } });
  expect(up.headers().location).toContain("ev=ok");
  const office = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
  await office.goto("/city/bulletin?month=2023-10&include=unapproved");
  await expect(office.locator("[data-bulletin-photos]")).toHaveCount(0);
  await office.getByLabel("附项目形象进度照片").check();
  await office.getByRole("button", { name: "查看" }).click();
  const figure = office.locator("[data-bulletin-photos] li").filter({ hasText: lagging!.name });
  await expect(figure.locator("[data-photo-month]")).toHaveText("2023年10月照片");
  await expect(figure).toContainText("简报用照片");
  await expect(figure.getByRole("img")).toHaveJSProperty("complete", true);
  expect(await figure.getByRole("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});
