import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { capMessages, DEFAULT_UPLOAD_LIMITS, loadWorkbookSafely, oneUploadAtATime, UploadRefused, uploadLimits } from "@/app/_lib/excel/safe-load";

/* Uploads are bounded before exceljs parses them: size, inflated size, shared strings, rows, cells. */

async function xlsx(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("月报"));
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "DEFLATE" } } as ExcelJS.XlsxWriteOptions));
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(UploadRefused);
  return (e as Error).message;
}

describe("loadWorkbookSafely", () => {
  it("reads an ordinary workbook", async () => {
    const wb = await loadWorkbookSafely(await xlsx((ws) => { ws.addRow(["代码", "金额"]); ws.addRow(["P1", 12.5]); }));
    expect(wb.worksheets[0]!.getRow(2).getCell(2).value).toBe(12.5);
  });

  it("refuses a file over the size limit without reading it", async () => {
    const buf = await xlsx((ws) => ws.addRow(["x"]));
    expect(await refusal(loadWorkbookSafely(buf, { ...DEFAULT_UPLOAD_LIMITS, maxFileBytes: buf.length - 1 }))).toMatch(/超过上限/);
  });

  it("refuses a small file whose one cell inflates to tens of megabytes (a zip bomb)", async () => {
    const buf = await xlsx((ws) => ws.addRow(["a".repeat(30 * 1024 * 1024)]));
    expect(buf.length).toBeLessThan(1024 * 1024);
    expect(await refusal(loadWorkbookSafely(buf))).toMatch(/文字内容超过|解压后超过/);
  });

  it("refuses more rows than the limit, counted before parsing", async () => {
    const buf = await xlsx((ws) => { for (let i = 0; i < 1_001; i++) ws.addRow([i]); });
    expect(await refusal(loadWorkbookSafely(buf, { ...DEFAULT_UPLOAD_LIMITS, maxRows: 1_000 }))).toMatch(/超过 1,000 行/);
    await expect(loadWorkbookSafely(buf, { ...DEFAULT_UPLOAD_LIMITS, maxRows: 1_001 })).resolves.toBeTruthy();
  });

  it("refuses a cell longer than the limit instead of cutting it", async () => {
    const buf = await xlsx((ws) => ws.addRow(["短", "长".repeat(2_001)]));
    expect(await refusal(loadWorkbookSafely(buf))).toMatch(/第 1 行第 2 列.*2,001 个字/);
    await expect(loadWorkbookSafely(await xlsx((ws) => ws.addRow(["长".repeat(2_000)])))).resolves.toBeTruthy();
  });

  it("refuses something that is not an xlsx", async () => {
    expect(await refusal(loadWorkbookSafely(Buffer.from("代码,金额\nP1,1\n")))).toMatch(/不是有效的 Excel/);
    expect(await refusal(loadWorkbookSafely(Buffer.alloc(0)))).toMatch(/空的/);
  });
});

describe("upload limits and error lists", () => {
  it("takes limits from the environment, defaults otherwise", () => {
    expect(uploadLimits({} as NodeJS.ProcessEnv).maxRows).toBe(DEFAULT_UPLOAD_LIMITS.maxRows);
    expect(uploadLimits({ TUIJIN_UPLOAD_MAX_ROWS: "500", TUIJIN_UPLOAD_MAX_FILE_MB: "1" } as unknown as NodeJS.ProcessEnv)).toMatchObject({ maxRows: 500, maxFileBytes: 1024 * 1024 });
    expect(uploadLimits({ TUIJIN_UPLOAD_MAX_ROWS: "abc" } as unknown as NodeJS.ProcessEnv).maxRows).toBe(DEFAULT_UPLOAD_LIMITS.maxRows);
  });

  it("lets one user run one upload at a time", async () => {
    let release!: () => void;
    const first = oneUploadAtATime("7", () => new Promise<string>((r) => { release = () => r("done"); }));
    expect(await refusal(oneUploadAtATime("7", async () => "second"))).toMatch(/正在处理/);
    await expect(oneUploadAtATime("8", async () => "other user")).resolves.toBe("other user");
    release();
    await expect(first).resolves.toBe("done");
    await expect(oneUploadAtATime("7", async () => "after")).resolves.toBe("after");
  });

  it("caps an error list and says how many more there are", () => {
    const msgs = Array.from({ length: 380_000 }, (_, i) => `第 ${i + 2} 行：代码不存在`);
    const capped = capMessages(msgs, 50);
    expect(capped).toHaveLength(51);
    expect(capped.at(-1)).toBe("另有 379,950 处问题未列出，请先改正以上各处");
    expect(capMessages(msgs.slice(0, 3))).toHaveLength(3);
  });
});
