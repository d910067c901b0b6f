import { expect, test } from "./support/test";
import { authFile } from "./support/auth-file";
import { e2eDatabase } from "./support/db";

/*
 * Issue 20, year-end forecast: the leader reads on the dashboard and on the lagging list how the
 * year will end at the present pace and what each remaining month needs. The test recomputes the
 * sentence from the approved figures in the database (linear plan or the target's own plan; the
 * demo has no earlier campaign, so no last-year shape) and compares it with what the page says.
 */

const db = e2eDatabase();
const CAMPAIGN = "(select id from campaigns where slug = 'quanzhou-2023')";
const REPORTING = "d.active = 1 and d.reports = 1";

async function rows<T>(sql: string, args: (string | number | null)[] = []): Promise<T[]> {
  return (await db.execute({ sql, args })).rows as unknown as T[];
}
async function one<T>(sql: string, args: (string | number | null)[] = []): Promise<T> {
  const r = (await rows<T>(sql, args))[0];
  expect(r, sql).toBeTruthy();
  return r!;
}

/** The leader's default month: the latest opened month with an approved report. */
async function leaderMonth(): Promise<string> {
  return (await one<{ m: string }>(`select max(p.month) as m from periods p join monthly_reports r on r.period_id = p.id where p.campaign_id = ${CAMPAIGN} and r.official = 1`)).m;
}

/** The latest month ≤ `month` that every reporting district has had approved (the city's forecast runs through it). */
async function completeMonth(month: string): Promise<number> {
  const r = await one<{ m: string }>(
    `select max(p.month) as m from periods p where p.campaign_id = ${CAMPAIGN} and p.is_open = 1 and p.month <= ?
       and not exists (select 1 from districts d where ${REPORTING} and not exists (select 1 from monthly_reports r where r.period_id = p.id and r.district_id = d.id and r.official = 1))`,
    [month],
  );
  return Number(r.m.slice(5, 7));
}

/** The sentence the page must show for a reported flow indicator, city (districtCode null) or district. */
async function expectedSentence(code: string, districtCode: string | null, month: string): Promise<string> {
  expect(Number((await one<{ n: number }>(`select count(*) as n from campaigns where year = 2022 and city_name = (select city_name from campaigns where slug = 'quanzhou-2023')`)).n)).toBe(0);
  const ind = await one<{ id: number; decimals: number; symbol: string; scale: number }>(
    `select i.id, i.decimals, u.symbol, u.scale from indicators i join units u on u.code = i.unit_code where i.campaign_id = ${CAMPAIGN} and i.code = ?`,
    [code],
  );
  const t = await one<{ target: number; plan: string | null }>(
    `select target_value as target, monthly_plan as plan from targets where indicator_id = ? and year = 2023 and district_id ${districtCode ? "= (select id from districts where code = ?)" : "is null"}`,
    districtCode ? [ind.id, districtCode] : [ind.id],
  );
  const through = districtCode ? Number(month.slice(5, 7)) : await completeMonth(month);
  const byMonth = await rows<{ m: number; v: number }>(
    `select cast(substr(p.month, 6, 2) as integer) as m, sum(f.approved_value) as v from figure_values f
       join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id join districts d on d.id = r.district_id
     where p.campaign_id = ${CAMPAIGN} and r.official = 1 and f.indicator_id = ? and f.approved_value is not null and ${REPORTING}
       and cast(substr(p.month, 6, 2) as integer) <= ? ${districtCode ? "and d.code = ?" : ""} group by m order by m`,
    districtCode ? [ind.id, through, districtCode] : [ind.id, through],
  );
  const values = new Map(byMonth.map((r) => [Number(r.m), Number(r.v)]));
  const asOf = Math.max(...values.keys());
  // The demo's months are complete: a gap would add a clause this test does not build.
  expect([...Array(asOf)].every((_, i) => values.has(i + 1))).toBe(true);
  const plan: number[] | null = t.plan ? JSON.parse(t.plan) : null;
  const share = plan ? plan[asOf - 1]! / 10000 : asOf / 12;
  const done = [...values.values()].reduce((s, v) => s + v, 0);
  const target = Number(t.target);
  expect(done).toBeLessThan(target);
  expect(asOf).toBeLessThan(12);
  const [bestMonth, best] = [...values.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  const projected = done / share;
  const required = (target - done) / (12 - asOf);
  const f = 10 ** ind.decimals;
  const shown = (base: number, up = false) => `${new Intl.NumberFormat("zh-CN", { maximumFractionDigits: ind.decimals }).format((up ? Math.ceil((base / ind.scale) * f - 1e-9) : Math.round((base / ind.scale) * f)) / f)} ${ind.symbol}`;
  const pct = `${((Math.round((projected / target) * 1000) / 10).toFixed(1))}%`;
  const range = asOf === 1 ? "1月" : `1—${asOf}月`;
  return `按${range}进度，预计全年完成 ${shown(projected)}，为目标的 ${pct}；余下 ${12 - asOf} 个月需月均完成 ${shown(required, true)}，${required > best ? "高于" : "不高于"}今年最高月份 ${shown(best)}（${bestMonth}月）。`;
}

test.describe("year-end forecast", () => {
  test.use({ storageState: authFile("leader") });

  test("the dashboard states the city's projected year and the run-rate the remaining months need", async ({ page }) => {
    const month = await leaderMonth();
    await page.goto("/city");
    const section = page.locator("section[data-forecast]");
    await expect(section.getByRole("heading", { name: "全市年末预测" })).toBeVisible();
    const line = section.locator('[data-forecast-indicator="urban_investment"] [data-forecast-text]');
    await expect(line).toHaveText(await expectedSentence("urban_investment", null, month));
    // A ratio is not forecast; the method is on the page.
    await expect(section.locator('[data-forecast-indicator="enterprise_entry_rate"]')).toContainText("不适用");
    await section.getByText("测算方法").click();
    await expect(section.locator("#forecast-method")).toContainText("有数据月份的计划占比");
  });

  test("the lagging list gives each district row its own forecast", async ({ page }) => {
    const month = await leaderMonth();
    await page.goto("/city/lagging?scope=districts");
    const reported = new Set((await rows<{ code: string }>(`select code from indicators where campaign_id = ${CAMPAIGN} and kind = 'reported' and aggregation <> 'ratio' and accumulation = 'flow'`)).map((r) => r.code));
    const listed = await page.locator("tbody tr[data-indicator]").evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-indicator")!, tr.getAttribute("data-area")!] as const));
    const pick = listed.find(([code]) => reported.has(code));
    expect(pick, "a reported indicator among the lagging rows").toBeTruthy();
    const [code, district] = pick!;
    const row = page.locator(`tbody tr[data-indicator="${code}"][data-area="${district}"]`);
    await expect(row.locator("[data-forecast] [data-forecast-text]")).toHaveText(await expectedSentence(code, district, month));
    await expect(page.locator("#forecast-method")).toBeAttached();
  });
});
