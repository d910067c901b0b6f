import { expect, test } from "./support/test";
import { authFile } from "./support/auth-file";
import { signIn } from "./support/login";
import { createUser, queryOne, run, uniqueName } from "./support/users";

/*
 * Issue #14 data rules, as a clerk meets them: a code with a control character, an amount far
 * beyond its unit's bound and a note over its limit are each refused next to the field, in
 * Chinese, and nothing is stored (in particular, the note is not cut to fit).
 */

const PASSWORD = "Data-rules-spec-password-1";

test.describe("data rules", () => {
  test.describe("as the jinjiang clerk", () => {
    test.use({ storageState: authFile("jinjiang") });

    test("a project code with a control character is refused next to the field and nothing is stored", async ({ page }) => {
      const name = `控制字符测试项目${uniqueName("")}`;
      await page.goto("/district/projects/new");
      // What a paste from another program can carry: a bell and a backspace (\x07\x08).
      await page.getByLabel("项目代码").evaluate((el) => ((el as HTMLInputElement).value = "JJ\x07\x08-001"));
      await page.getByLabel("项目名称").fill(name);
      await page.getByLabel("行业").selectOption({ label: "产业" });
      await page.getByLabel("总投资（亿元）").fill("12.5");
      await page.getByLabel("年度计划投资（亿元）").fill("3");
      await page.getByRole("button", { name: "创建项目" }).click();
      await expect(page.locator("#code-error")).toHaveText("项目代码含有换行或不可见的控制字符，请删除后重新输入");
      await expect(page.getByLabel("项目名称")).toHaveValue(name);
      expect(await queryOne("select count(*) as n from projects where name = ? or code like 'JJ%' || char(7) || '%'", [name])).toEqual({ n: 0 });
    });

    test("a 612-character resolution note is refused with both lengths, not cut to 500", async ({ page }) => {
      const project = await queryOne<{ id: number; district_id: number }>(
        "select p.id, p.district_id from projects p join districts d on d.id = p.district_id where d.code = 'jinjiang' and p.is_key = 1 order by p.id limit 1",
      );
      const description = `长说明测试难题 ${uniqueName("p")}`;
      await run(
        `insert into problems (project_id, district_id, type, description, responsible_unit, escalation_level, deadline_on, status, opened_on)
         values (?, ?, 'land_approval', ?, '市自然资源和规划局', 'district', '2023-12-31', 'open', '2023-10-02')`,
        [project!.id, project!.district_id, description],
      );
      const { id } = (await queryOne<{ id: number }>("select id from problems where description = ?", [description]))!;
      await page.goto(`/district/problems/${id}`);
      await page.getByLabel("解决日期").fill("2023-10-20");
      await page.getByLabel("解决情况").fill("经协调".repeat(204));
      await page.getByRole("button", { name: "标记为已解决" }).click();
      await expect(page.locator("#resolutionNote-error")).toHaveText("解决情况最多 500 字，现为 612 字");
      expect(await queryOne("select status, resolved_on, resolution_note, version from problems where id = ?", [id])).toEqual({
        status: "open",
        resolved_on: null,
        resolution_note: null,
        version: 1,
      });
    });
  });

  test("a figure of 1,111,111,111 亿元 is refused with the bound in 亿元 and nothing is stored", async ({ page }) => {
    const username = uniqueName("clerktaishang");
    await createUser({ username, password: PASSWORD, district: "taishang" });
    await signIn(page, username, PASSWORD);
    await page.goto("/district/figures?month=2023-10");
    const urban = Number((await queryOne<{ id: number }>("select id from indicators where code = 'urban_investment'"))!.id);
    await page.locator(`#m_${urban}`).fill("1,111,111,111");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.locator(`tr[data-indicator-row="${urban}"]`)).toContainText("数值超出上限：本项最多填 100,000 亿元");
    await expect(page.locator("form [role=alert]")).toContainText("未保存任何数据");
    const stored = await queryOne(
      `select f.value from figure_values f join monthly_reports r on r.id = f.report_id join periods p on p.id = r.period_id
       join districts d on d.id = r.district_id where d.code = 'taishang' and p.month = '2023-10' and f.indicator_id = ?`,
      [urban],
    );
    expect(stored).toBeUndefined();
  });
});
