/**
 * Every upload form posts to a server action, whose whole body the server takes up to the limit in
 * next.config.ts. A form whose own limit was above it could never say so: the project list allowed
 * 10 MB and the Excel checks 5 MB, but a 4.5 MB file got a bare "413" (a plain-text page without
 * JavaScript, the error page with it). These keep every form's limit under the body limit.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, ACTION_FILE_MAX_BYTES, FIGURES_UPLOAD_MAX_BYTES, fileTooBig, formatMb, MB, PROJECTS_UPLOAD_MAX_BYTES, TARGETS_UPLOAD_MAX_BYTES } from "@/domain/upload-limits";
import { BOUNDARY_MAX_BYTES } from "@/domain/map/geojson";
import { DEFAULT_UPLOAD_LIMITS, uploadLimits } from "@/app/_lib/excel/safe-load";
// @ts-expect-error plain JavaScript module without types (runs under node in scripts/server.mjs)
import { backPath, refusalPage } from "@/scripts/error-page.mjs";

describe("upload limits", () => {
  it("the body limit here is the one next.config.ts gives Next.js", () => {
    const config = readFileSync(resolve(__dirname, "../../next.config.ts"), "utf8");
    const m = /bodySizeLimit:\s*"(\d+)mb"/.exec(config);
    expect(m, "next.config.ts names serverActions.bodySizeLimit in mb").not.toBeNull();
    expect(Number(m![1]) * MB).toBe(ACTION_BODY_LIMIT_BYTES);
  });

  it("every form's file limit leaves room under it for the form's other fields", () => {
    const limits = {
      figures: FIGURES_UPLOAD_MAX_BYTES,
      targets: TARGETS_UPLOAD_MAX_BYTES,
      projects: PROJECTS_UPLOAD_MAX_BYTES,
      boundaries: BOUNDARY_MAX_BYTES,
      "Excel default": DEFAULT_UPLOAD_LIMITS.maxFileBytes,
      "Excel as configured": uploadLimits({} as NodeJS.ProcessEnv).maxFileBytes,
    };
    for (const [form, bytes] of Object.entries(limits)) expect(bytes, form).toBeLessThanOrEqual(ACTION_FILE_MAX_BYTES);
    expect(ACTION_FILE_MAX_BYTES).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
  });

  it("a configured Excel limit above what an action can take is held to it", () => {
    expect(uploadLimits({ TUIJIN_UPLOAD_MAX_FILE_MB: "50" } as unknown as NodeJS.ProcessEnv).maxFileBytes).toBe(ACTION_FILE_MAX_BYTES);
    expect(uploadLimits({ TUIJIN_UPLOAD_MAX_FILE_MB: "1" } as unknown as NodeJS.ProcessEnv).maxFileBytes).toBe(MB);
  });

  it("says sizes as people write them", () => {
    expect(formatMb(2 * MB)).toBe("2 MB");
    expect(formatMb(3.5 * MB)).toBe("3.5 MB");
    expect(fileTooBig(5.25 * MB, ACTION_FILE_MAX_BYTES)).toBe("文件大小 5.3 MB，超过上限 3.5 MB，未上传");
  });
});

describe("the front's refusal page", () => {
  it("leads back to the page the form was on, never to another site", () => {
    expect(backPath("https://tuijin.example.gov.cn/district/figures?month=2023-10")).toBe("/district/figures?month=2023-10");
    expect(backPath("http://127.0.0.1:3000/city/setup")).toBe("/city/setup");
    expect(backPath("http://a//evil.example/x")).toBe("/");
    expect(backPath("javascript:alert(1)")).toBe("/");
    expect(backPath(undefined)).toBe("/");
    expect(backPath("not an address")).toBe("/");
  });

  it("says why, escaped, with the way back", () => {
    const html = refusalPage("提交的内容太大（上限 4 MB）<script>", "/district/figures?month=2023-10&x=1");
    expect(html).toContain("<h1>无法提交</h1>");
    expect(html).toContain("提交的内容太大（上限 4 MB）&#60;script&#62;");
    expect(html).toContain('<a href="/district/figures?month=2023-10&#38;x=1">返回上一页</a>');
    expect(html).not.toContain("<script>");
  });
});
