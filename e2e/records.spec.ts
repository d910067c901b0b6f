import { expect, hydrated, test, type Browser, type Page } from "./support/test";
import { todayInShanghai } from "@/domain/months";
import { captureAction, deniedCount, replay, requestAs, snapshotState } from "./support/actions";
import { queryOne, run, uniqueName } from "./support/users";
import { authFile } from "./support/auth-file";

/*
 * Problems ledger, signings and parks as a district clerk (晋江市), a department editor (商务局)
 * and another district's clerk (鲤城区). Demo months: January–June locked, July–September
 * approved, October a draft for 晋江市 — so October is the only month 晋江市 can still change.
 */

const JINJIANG = authFile("jinjiang");
const LICHENG = authFile("licheng");
const SHANGWU = authFile("shangwu");

function shanghaiDaysAgo(days: number): string {
  const today = todayInShanghai();
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

async function jinjiangProject(): Promise<{ id: number; name: string; districtId: number }> {
  const row = await queryOne<{ id: number; name: string; district_id: number }>(
    "select p.id, p.name, p.district_id from projects p join districts d on d.id = p.district_id where d.code = 'jinjiang' order by p.id limit 1",
  );
  return { id: Number(row!.id), name: String(row!.name), districtId: Number(row!.district_id) };
}

/** A jinjiang problem inserted as the seed would, for tests that start from an existing one. */
async function insertProblem(description: string, deadlineOn = "2023-12-31"): Promise<number> {
  const project = await jinjiangProject();
  await run(
    `insert into problems (project_id, district_id, type, description, responsible_unit, escalation_level, deadline_on, status, opened_on)
     values (?, ?, 'land_approval', ?, '市自然资源和规划局', 'district', ?, 'open', '2023-10-02')`,
    [project.id, project.districtId, description, deadlineOn],
  );
  const row = await queryOne<{ id: number }>("select id from problems where description = ?", [description]);
  return Number(row!.id);
}

async function insertSigning(name: string): Promise<number> {
  await run(
    `insert into signings (campaign_id, district_id, name, investor, amount, signed_on)
     values ((select id from campaigns limit 1), (select id from districts where code = 'jinjiang'), ?, '某测试集团', 50000, '2023-10-05')`,
    [name],
  );
  return Number((await queryOne<{ id: number }>("select id from signings where name = ?", [name]))!.id);
}

async function insertPark(name: string): Promise<number> {
  await run(
    `insert into parks (campaign_id, code, name, district_id, is_pilot, status, planned_trial_on, area_mu)
     values ((select id from campaigns limit 1), ?, ?, (select id from districts where code = 'jinjiang'), 1, 'construction', '2023-09-30', 60000)`,
    [uniqueName("E2E-PARK-"), name],
  );
  return Number((await queryOne<{ id: number }>("select id from parks where name = ?", [name]))!.id);
}

async function pageAs(browser: Browser, storageState: string): Promise<Page> {
  return (await browser.newContext({ storageState })).newPage();
}

test.describe("a district clerk's problems ledger", () => {
  test.use({ storageState: JINJIANG });

  test("a clerk opens a problem on one of the district's projects and then resolves it", async ({ page }) => {
    const project = await jinjiangProject();
    const description = `测试难题 ${uniqueName("p")}`;
    await page.goto("/district/problems/new");
    await page.getByLabel("项目", { exact: true }).selectOption({ label: project.name });
    await page.getByLabel("难题类型").selectOption({ label: "用地报批" });
    await page.getByLabel("问题描述").fill(description);
    await page.getByLabel("责任单位").fill("市自然资源和规划局");
    await page.getByLabel("协调层级").selectOption({ label: "市级" });
    await page.getByLabel("登记日期").fill("2023-10-08");
    await page.getByLabel("办结时限").fill("2023-11-30");
    await page.getByRole("button", { name: "登记难题" }).click();
    await expect(page).toHaveURL(/\/district\/problems\/\d+\?created=1$/);
    const opened = await queryOne<{ id: number; status: string; type: string; escalation_level: string; district: string }>(
      "select p.id, p.status, p.type, p.escalation_level, d.code as district from problems p join districts d on d.id = p.district_id where p.description = ?",
      [description],
    );
    expect(opened).toMatchObject({ status: "open", type: "land_approval", escalation_level: "city", district: "jinjiang" });

    await page.getByLabel("解决日期").fill("2023-10-20");
    await page.getByLabel("解决情况").fill("经市级协调会研究，农转用指标已落实");
    await page.getByRole("button", { name: "标记为已解决" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已标记为已解决" })).toBeVisible();
    expect(await queryOne("select status, resolved_on, resolution_note, version from problems where id = ?", [opened!.id])).toEqual({
      status: "resolved",
      resolved_on: "2023-10-20",
      resolution_note: "经市级协调会研究，农转用指标已落实",
      version: 2,
    });
    expect(await queryOne("select count(*) as n from audit_events where entity = 'problem' and entity_id = ? and action = 'problem.resolve'", [String(opened!.id)])).toEqual({ n: 1 });
  });

  test("resolving a problem without a resolved date and a note is refused with field errors", async ({ page }) => {
    const id = await insertProblem(`待解决难题 ${uniqueName("p")}`);
    await page.goto(`/district/problems/${id}`);
    await page.getByRole("button", { name: "标记为已解决" }).click();
    await expect(page.locator("#resolvedOn-error")).toHaveText("请填写解决日期");
    await expect(page.locator("#resolutionNote-error")).toHaveText("请填写解决情况");
    expect(await queryOne("select status, resolved_on, version from problems where id = ?", [id])).toEqual({ status: "open", resolved_on: null, version: 1 });
  });

  test("an unresolved problem past its deadline shows a red 已逾期 badge with the days", async ({ page }) => {
    const description = `逾期难题 ${uniqueName("p")}`;
    await insertProblem(description, shanghaiDaysAgo(5));
    await page.goto(`/district/problems?overdue=1&q=${encodeURIComponent(description)}`);
    const row = page.getByRole("row").filter({ hasText: description });
    await expect(row).toHaveCount(1);
    await expect(row.getByText("已逾期 5 天")).toBeVisible();
  });

  test("a stale edit of a problem is refused with the current value, who changed it and when", async ({ page, browser }) => {
    const id = await insertProblem(`将被修改的难题 ${uniqueName("p")}`);
    const first = `第一次修改 ${uniqueName("p")}`;
    const other = await pageAs(browser, JINJIANG);
    await page.goto(`/district/problems/${id}`);
    await other.goto(`/district/problems/${id}`);
    // React's hydration of a <textarea> sets its value back to the server's text: a fill that races it ends up
    // mixed with the old text. Type only into a hydrated form.
    await Promise.all([hydrated(page.getByLabel("问题描述")), hydrated(other.getByLabel("问题描述"))]);
    await other.getByLabel("问题描述").fill(first);
    await expect(other.getByLabel("问题描述")).toHaveValue(first);
    await other.getByRole("button", { name: "保存修改" }).click();
    await expect(other.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();

    await page.getByLabel("问题描述").fill("第二次修改，基于旧版本");
    await expect(page.getByLabel("问题描述")).toHaveValue("第二次修改，基于旧版本");
    await page.getByRole("button", { name: "保存修改" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "未保存" });
    await expect(alert).toContainText(first);
    await expect(alert).toContainText("晋江市填报员（演示）");
    await expect(alert).toContainText(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    expect(await queryOne("select description, version from problems where id = ?", [id])).toEqual({ description: first, version: 2 });
  });
});

test.describe("a district clerk's signings", () => {
  test.use({ storageState: JINJIANG });

  test("a signing of 12.5亿元 is stored exactly as 125000 万元", async ({ page }) => {
    const name = `测试签约 ${uniqueName("s")}`;
    await page.goto("/district/signings/new");
    await page.getByLabel("项目名称").fill(name);
    await page.getByLabel("投资方").fill("某测试集团");
    await page.getByLabel("签约金额（亿元）").fill("12.5亿元");
    await page.getByLabel("侨港澳台（含在外乡贤）项目").check();
    await page.getByLabel("签约日期").fill("2023-10-09");
    await page.getByRole("button", { name: "保存签约" }).click();
    await expect(page).toHaveURL(/\/district\/signings\/\d+\?created=1$/);
    expect(
      await queryOne("select s.amount, s.is_overseas, s.is_culture_tourism, s.signed_on, s.landed_on, d.code as district from signings s join districts d on d.id = s.district_id where s.name = ?", [name]),
    ).toEqual({ amount: 125000, is_overseas: 1, is_culture_tourism: 0, signed_on: "2023-10-09", landed_on: null, district: "jinjiang" });
  });

  test("a signing with a blank amount is refused, not stored as 0", async ({ page }) => {
    const name = `无金额签约 ${uniqueName("s")}`;
    await page.goto("/district/signings/new");
    await page.getByLabel("项目名称").fill(name);
    await page.getByLabel("签约日期").fill("2023-10-09");
    await page.getByRole("button", { name: "保存签约" }).click();
    await expect(page.locator("#amount-error")).toHaveText("请填写签约金额（亿元）");
    expect(await queryOne("select id from signings where name = ?", [name])).toBeUndefined();
  });

  test("a signing dated in a locked month is refused with a message next to the date and nothing is stored", async ({ page }) => {
    const name = `锁定月份签约 ${uniqueName("s")}`;
    await page.goto("/district/signings/new");
    await page.getByLabel("项目名称").fill(name);
    await page.getByLabel("签约金额（亿元）").fill("3");
    await page.getByLabel("签约日期").fill("2023-03-10");
    await page.getByRole("button", { name: "保存签约" }).click();
    await expect(page.locator("#signedOn-error")).toContainText("2023年3月晋江市月报已锁定");
    expect(await queryOne("select id from signings where name = ?", [name])).toBeUndefined();
  });

  test("a signing action posted directly with a locked month's date is refused, audited, and stores nothing", async ({ page }, info) => {
    const name = `直接提交签约 ${uniqueName("s")}`;
    await page.goto("/district/signings/new");
    await page.getByLabel("项目名称").fill(name);
    await page.getByLabel("签约金额（亿元）").fill("3");
    await page.getByLabel("签约日期").fill("2023-10-11");
    const captured = await captureAction(page, () => page.getByRole("button", { name: "保存签约" }).click());
    // Same length, so the multipart body stays well-formed: only the date changes.
    const tampered = { ...captured, body: Buffer.from(captured.body.toString("latin1").replace("2023-10-11", "2023-03-10"), "latin1") };
    expect(tampered.body.toString("latin1")).toContain("2023-03-10");
    const clerk = await requestAs(info.project.use.baseURL!, JINJIANG);
    const before = await snapshotState();
    const denied = await deniedCount("jinjiang");
    const res = await replay(clerk, tampered);
    expect(res.status()).toBeLessThan(500);
    expect(await snapshotState()).toBe(before);
    expect(await deniedCount("jinjiang")).toBeGreaterThan(denied);
    // Control: the untampered request does store the signing, so the refusal above was the month's.
    await replay(clerk, captured);
    expect(await queryOne("select signed_on from signings where name = ?", [name])).toEqual({ signed_on: "2023-10-11" });
    await clerk.dispose();
  });
});

test.describe("商务局 (a department editor owning signings)", () => {
  test.use({ storageState: SHANGWU });

  // 南安市 has October approved in the demo data; the campaign office returns it so it can be corrected.
  test.beforeAll(async () => {
    await run("update monthly_reports set status = 'returned' where district_id = (select id from districts where code = 'nanan') and period_id = (select id from periods where month = '2023-10')");
  });
  test.afterAll(async () => {
    await run("update monthly_reports set status = 'approved' where district_id = (select id from districts where code = 'nanan') and period_id = (select id from periods where month = '2023-10')");
  });

  test("商务局 sees every district's signings and records one for 南安市", async ({ page }) => {
    const total = await queryOne<{ n: number }>("select count(*) as n from signings");
    await page.goto("/district/signings");
    await expect(page.getByRole("columnheader", { name: "区县" })).toBeVisible();
    await expect(page.getByText(`签约总额（${total!.n} 个项目）`)).toBeVisible();

    const name = `商务局登记签约 ${uniqueName("s")}`;
    await page.goto("/district/signings/new");
    await page.getByLabel("区县").selectOption({ label: "南安市" });
    await page.getByLabel("项目名称").fill(name);
    await page.getByLabel("签约金额（亿元）").fill("3.2");
    await page.getByLabel("文旅经济项目").check();
    await page.getByLabel("签约日期").fill("2023-10-12");
    await page.getByRole("button", { name: "保存签约" }).click();
    await expect(page).toHaveURL(/\/district\/signings\/\d+\?created=1$/);
    expect(await queryOne("select s.amount, s.is_culture_tourism, d.code as district from signings s join districts d on d.id = s.district_id where s.name = ?", [name])).toEqual({
      amount: 32000,
      is_culture_tourism: 1,
      district: "nanan",
    });
  });

  test("商务局 cannot open the problems ledger (403)", async ({ page }) => {
    const res = await page.goto("/district/problems/new");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  });
});

test.describe("another district's clerk (鲤城区)", () => {
  test("licheng's clerk can neither open nor list 晋江市's problem, signing and park", async ({ browser }, info) => {
    const description = `晋江内部难题 ${uniqueName("p")}`;
    const ids = { problems: await insertProblem(description), signings: await insertSigning(`晋江内部签约 ${uniqueName("s")}`), parks: await insertPark(`晋江内部园区 ${uniqueName("k")}`) };
    const licheng = await pageAs(browser, LICHENG);
    for (const [area, id] of Object.entries(ids)) {
      const res = await licheng.goto(`/district/${area}/${id}`);
      expect(res?.status(), `/district/${area}/${id}`).toBe(403);
    }
    await licheng.goto(`/district/problems?q=${encodeURIComponent(description)}`);
    await expect(licheng.getByText("没有符合条件的难题")).toBeVisible();
    const http = await requestAs(info.project.use.baseURL!, LICHENG);
    for (const [area, id] of Object.entries(ids)) {
      expect((await http.get(`/district/${area}/${id}`, { maxRedirects: 0 })).status()).toBe(403);
    }
    await http.dispose();
  });

  test("licheng's clerk's direct posts to change 晋江市's problem, signing and park are refused, audited, and change nothing", async ({ browser }, info) => {
    const problemId = await insertProblem(`晋江难题 ${uniqueName("p")}`);
    const signingId = await insertSigning(`晋江签约 ${uniqueName("s")}`);
    const parkId = await insertPark(`晋江园区 ${uniqueName("k")}`);
    const clerk = await pageAs(browser, JINJIANG);
    await clerk.goto(`/district/problems/${problemId}`);
    await clerk.getByLabel("问题描述").fill("被鲤城改掉的描述");
    const problemEdit = await captureAction(clerk, () => clerk.getByRole("button", { name: "保存修改" }).click());
    await clerk.goto(`/district/signings/${signingId}`);
    await clerk.getByLabel("签约金额（亿元）").fill("99");
    const signingEdit = await captureAction(clerk, () => clerk.getByRole("button", { name: "保存修改" }).click());
    await clerk.goto(`/district/parks/${parkId}`);
    await clerk.getByLabel("建设状态").selectOption({ label: "试运营" });
    await clerk.getByLabel("试运营日期", { exact: true }).fill("2023-10-10");
    const parkEdit = await captureAction(clerk, () => clerk.getByRole("button", { name: "保存", exact: true }).click());

    const licheng = await requestAs(info.project.use.baseURL!, LICHENG);
    for (const action of [problemEdit, signingEdit, parkEdit]) {
      const before = await snapshotState();
      const denied = await deniedCount("licheng");
      const res = await replay(licheng, action);
      expect(res.status()).toBe(403);
      expect(await snapshotState()).toBe(before);
      expect(await deniedCount("licheng")).toBeGreaterThan(denied);
    }
    await licheng.dispose();
  });
});

test.describe("a district clerk's parks", () => {
  test.use({ storageState: JINJIANG });

  test("a park moved to trial operation with a date records the status and the date", async ({ page }) => {
    const name = `测试园区 ${uniqueName("k")}`;
    const id = await insertPark(name);
    await page.goto("/district/parks");
    await page.getByRole("link", { name }).click();
    await page.getByLabel("建设状态").selectOption({ label: "试运营" });
    await page.getByLabel("试运营日期", { exact: true }).fill("2023-10-16");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
    expect(await queryOne("select status, trial_operation_on, version from parks where id = ?", [id])).toEqual({ status: "trial_operation", trial_operation_on: "2023-10-16", version: 2 });
    expect(await queryOne("select count(*) as n from audit_events where entity = 'park' and entity_id = ? and action = 'park.update'", [String(id)])).toEqual({ n: 1 });
  });
});
