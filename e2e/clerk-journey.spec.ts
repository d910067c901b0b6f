import { expect, test, type Locator, type Page } from "./support/test";
import { e2eDatabase } from "./support/db";
import { signIn } from "./support/login";
import { createUser, queryOne, run, uniqueName } from "./support/users";

/*
 * A clerk's whole month on the web form alone, counted (issue #15): jinjiang (晋江市, the demo
 * district with the most key projects) files November 2023 — the figures, every key project
 * under construction, and the submission — starting from the district home. An earlier draft
 * left one figure and five projects pre-filled with values the clerk now types over.
 *
 * What is counted: pages loaded, clicks, and keystrokes. A number costs its characters plus the
 * one Enter that ends it (Enter moves down like a spreadsheet; on the grid's last row it saves).
 * Everything else — a click, Tab, Ctrl+A, an extra key — is "beyond the numbers": asserted ≤ 40,
 * and every value must take exactly one ending key (nothing skipped, nothing selected by hand).
 * The time is printed, never asserted.
 */

const PASSWORD = "Clerk-journey-password-1";
const MONTH = "2023-11";
const CAMPAIGN = "(select id from campaigns where slug = 'quanzhou-2023')";
const JINJIANG = "(select id from districts where code = 'jinjiang')";
const PERIOD = `(select id from periods where month = '${MONTH}' and campaign_id = ${CAMPAIGN})`;

async function rows<T>(sql: string, args: (string | number)[] = []): Promise<T[]> {
  const db = e2eDatabase();
  try {
    return (await db.execute({ sql, args })).rows as unknown as T[];
  } finally {
    db.close();
  }
}

async function cleanUp(): Promise<void> {
  // Leave the shared database as the seed had it: November closed, with no jinjiang report or figures.
  const report = `(select id from monthly_reports where period_id = ${PERIOD} and district_id = ${JINJIANG})`;
  await run(`delete from figure_values where report_id in ${report}`);
  await run(`delete from report_snapshots where report_id in ${report}`);
  await run(`delete from monthly_reports where id in ${report}`);
  await run(`delete from project_progress where month = '${MONTH}' and project_id in (select id from projects where district_id = ${JINJIANG})`);
  await run(`delete from plausibility_flags where month = '${MONTH}' and district_id = ${JINJIANG}`);
  await run(`update periods set is_open = 0 where id = ${PERIOD}`);
  await run("insert into app_meta (key, value) values ('data_version', '1') on conflict (key) do update set value = cast(value as integer) + 1");
}

/** The key projects the grid shows by default for November (filter.ts), with a plausible November amount each (万元). */
async function projectsOfMonth() {
  const list = await rows<{ id: number; name: string; oct: number | null; remaining: number }>(
    `select p.id, p.name,
       (select investment from project_progress g where g.project_id = p.id and g.month = '2023-10') as oct,
       p.annual_planned_investment - coalesce((select sum(investment) from project_progress g where g.project_id = p.id and g.month between '2023-01' and '2023-10'), 0) as remaining
     from projects p where p.campaign_id = ${CAMPAIGN} and p.district_id = ${JINJIANG} and p.is_key = 1 and p.stage <> 'suspended'
       and p.actual_start_on is not null and substr(p.actual_start_on, 1, 7) <= ? and (p.actual_completion_on is null or substr(p.actual_completion_on, 1, 7) >= ?)
     order by p.code`,
    [MONTH, MONTH],
  );
  return list.map((p) => ({ id: Number(p.id), name: p.name, amount: Math.max(0, Math.min(Number(p.oct ?? 0), Number(p.remaining))) }));
}

class Counter {
  pages = 0;
  clicks = 0;
  digits = 0;
  endKeys = 0;
  otherKeys = 0;
  values = 0;
  private url = "";
  constructor(private page: Page) {
    // A page is a new address in the main frame (a save on the same page is not a page).
    page.on("framenavigated", (f) => {
      const url = f.url().split("#")[0]!;
      if (f === page.mainFrame() && url !== this.url) {
        this.url = url;
        this.pages++;
      }
    });
  }
  async click(target: Locator): Promise<void> {
    this.clicks++;
    await target.click();
  }
  /** Types a number over whatever the focused field holds (it is selected on focus) and ends it with Enter. */
  async number(text: string): Promise<void> {
    this.values++;
    this.digits += text.length;
    await this.page.keyboard.type(text);
    this.endKeys++;
    await this.page.keyboard.press("Enter");
  }
  /** A number typed where Enter is not wanted (the next step is a click). */
  async numberOnly(text: string): Promise<void> {
    this.values++;
    this.digits += text.length;
    await this.page.keyboard.type(text);
  }
}

test.beforeAll(async () => {
  await cleanUp();
  await run(`update periods set is_open = 1 where id = ${PERIOD}`);
});
test.afterAll(cleanUp);

test("a clerk files a month from the district home in a handful of clicks and one key per number", async ({ page }) => {
  test.setTimeout(120_000);
  const username = uniqueName("journey");
  await createUser({ username, password: PASSWORD, district: "jinjiang" });
  const indicators = await rows<{ id: number; code: string; aggregation: string; scale: number }>(
    `select i.id, i.code, i.aggregation, coalesce(pu.scale, u.scale) as scale from indicators i join units u on u.code = i.unit_code left join units pu on pu.code = i.part_unit_code
     where i.campaign_id = ${CAMPAIGN} and i.kind = 'reported' order by i.sort_order, i.id`,
  );
  const october = new Map(
    (await rows<{ id: number; value: number | null; numerator: number | null; denominator: number | null }>(
      `select f.indicator_id as id, f.value, f.numerator, f.denominator from figure_values f join monthly_reports r on r.id = f.report_id
       where r.district_id = ${JINJIANG} and r.period_id = (select id from periods where month = '2023-10' and campaign_id = ${CAMPAIGN})`,
    )).map((r) => [Number(r.id), r]),
  );
  const flows = indicators.filter((i) => i.aggregation !== "ratio");
  const ratios = indicators.filter((i) => i.aggregation === "ratio");
  expect(flows.length).toBeGreaterThan(1);
  expect(ratios.length).toBeGreaterThan(0);
  const projects = await projectsOfMonth();
  expect(projects.length).toBeGreaterThanOrEqual(25);

  // An earlier draft: one figure and five projects already hold (wrong) values.
  const prefilled = flows[1]!;
  const report = await queryOne<{ id: number }>(`insert into monthly_reports (period_id, district_id, status) values (${PERIOD}, ${JINJIANG}, 'draft') returning id`);
  await run("insert into figure_values (report_id, indicator_id, value) values (?, ?, ?)", [Number(report!.id), prefilled.id, 7 * prefilled.scale]);
  for (const p of projects.slice(0, 5)) await run("insert into project_progress (project_id, month, investment) values (?, ?, 9)", [p.id, MONTH]);

  await signIn(page, username, PASSWORD);
  const started = Date.now();
  const c = new Counter(page);
  await page.goto("/district");

  // 1. The home says what is left, with one button to the first missing figure.
  const home = page.getByRole("region", { name: "2023年11月月报" });
  await expect(home.locator("[data-month-left]")).toHaveText(`还差 ${indicators.length - 1} 项指标、${projects.length - 5} 个项目未填`);
  await c.click(home.locator("[data-next-step]"));
  await expect(page).toHaveURL(/\/district\/figures\?month=2023-11/);
  await expect(page.locator(`#m_${flows[0]!.id}`)).toBeFocused();

  // 2. Figures: each flow typed and Enter (down the column; the pre-filled one is typed over),
  //    the slow-changing ratios of the section copied from last month, one numerator changed.
  const typed = new Map<number, string>();
  for (const f of flows) {
    const v = String(Number(october.get(f.id)!.value) / f.scale);
    typed.set(f.id, v);
    await c.number(v);
  }
  const section = page.locator("tbody", { has: page.locator(`tr[data-indicator-row="${ratios[0]!.id}"]`) });
  await c.click(section.getByRole("button", { name: "本节未填的存量指标同上月" }));
  const firms = ratios[0]!;
  const oct = october.get(firms.id)!;
  await expect(page.locator(`#d_${firms.id}`)).toHaveValue(String(Number(oct.denominator) / firms.scale));
  await c.click(page.locator(`#n_${firms.id}`));
  const newNumerator = String(Number(oct.numerator) / firms.scale + 3);
  await c.numberOnly(newNumerator);
  await c.click(page.getByRole("button", { name: "保存草稿" }));
  await expect(page.locator("form [role=status]")).toContainText("已保存草稿");

  // 3. The figures form links to the project grid, which shows only the projects due this month.
  await c.click(page.locator("[data-link=project-grid]"));
  await expect(page).toHaveURL(/\/district\/projects\/progress\?month=2023-11/);
  await expect(page.locator("tbody tr[data-project-row]")).toHaveCount(projects.length);
  await c.click(page.getByLabel(`${projects[0]!.name} 11月完成投资（万元）`));
  for (const p of projects) await c.number(String(p.amount));
  await expect(page.getByRole("status").filter({ hasText: "已保存2023年11月完成投资" })).toBeVisible();

  // 4. Back to the figures form, and submit.
  await c.click(page.locator("[data-link=figures]"));
  await expect(page.locator("[data-link=project-grid]")).toContainText("已填完");
  await c.click(page.getByRole("button", { name: "保存并报送" }));
  await expect(page.getByText("已报送，审核期间不能修改")).toBeVisible();
  const seconds = (Date.now() - started) / 1000;

  // What was stored is what was typed: pre-filled values replaced, not appended to.
  const stored = new Map(
    (await rows<{ id: number; value: number | null; numerator: number | null; denominator: number | null }>(
      "select indicator_id as id, value, numerator, denominator from figure_values where report_id = ?",
      [Number(report!.id)],
    )).map((r) => [Number(r.id), r]),
  );
  for (const f of flows) expect(Number(stored.get(f.id)!.value)).toBe(Math.round(Number(typed.get(f.id)) * f.scale));
  expect(stored.get(firms.id)).toMatchObject({ numerator: Math.round(Number(newNumerator) * firms.scale), denominator: oct.denominator });
  for (const r of ratios.slice(1)) expect(stored.get(r.id)).toMatchObject({ numerator: october.get(r.id)!.numerator, denominator: october.get(r.id)!.denominator });
  const saved = await rows<{ id: number; investment: number }>(`select project_id as id, investment from project_progress where month = '${MONTH}' and project_id in (select id from projects where district_id = ${JINJIANG})`);
  expect(new Map(saved.map((s) => [Number(s.id), Number(s.investment)]))).toEqual(new Map(projects.map((p) => [p.id, p.amount])));
  expect(await queryOne("select status from monthly_reports where id = ?", [Number(report!.id)])).toEqual({ status: "submitted" });

  const beyond = c.clicks + c.otherKeys;
  console.log(
    `clerk journey (${indicators.length} indicators = ${flows.length + 2 * ratios.length} figure fields, ${projects.length} key projects): ` +
      `${c.pages} pages, ${c.values} numbers typed (${c.digits} characters + ${c.endKeys} Enter), ${c.clicks} clicks, ${c.otherKeys} other keys; ` +
      `beyond the numbers ${beyond} actions; ${seconds.toFixed(1)} s scripted`,
  );
  expect(c.endKeys).toBe(c.values - 1);
  expect(c.otherKeys).toBe(0);
  expect(beyond).toBeLessThanOrEqual(40);
});
