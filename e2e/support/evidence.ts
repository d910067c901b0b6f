import sharp from "sharp";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { queryOne, run } from "./users";

/* Fixtures and steps shared by the evidence specs on records (orders, signings, project months). */

export type UploadFile = { name: string; mimeType: string; buffer: Buffer };

export const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

export const photo = (color: string) => sharp({ create: { width: 320, height: 240, channels: 3, background: color } }).jpeg().toBuffer();

export const attachments = async (subject: string, subjectId: number) => Number((await queryOne<{ n: number }>("select count(*) as n from attachments where subject = ? and subject_id = ?", [subject, subjectId]))!.n);

/** A plain form post from `origin` (the app's own), answered without following the redirect. */
export const postFrom = (origin: string) => (ctx: APIRequestContext, url: string, multipart: Record<string, string | UploadFile>) =>
  ctx.post(url, { headers: { origin }, multipart, maxRedirects: 0, failOnStatusCode: false });

/** Jinjiang's sixth project of 2023 (by code): the project the evidence specs file photos and orders on. */
export async function jinjiangProjectId(): Promise<number> {
  return Number((await queryOne<{ id: number }>("select p.id from projects p join districts d on d.id = p.district_id join campaigns c on c.id = p.campaign_id where d.code = 'jinjiang' and c.year = 2023 order by p.code limit 1 offset 5"))!.id);
}

/** An open order; `indicator` makes it a department's order on one of its indicators (no project, no district). */
export async function newOrder(opts: { district?: string; department?: string; projectId?: number; indicator?: boolean }): Promise<number> {
  const code = `DB-E2E-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
  await run(
    `insert into supervision_orders (campaign_id, code, subject_type, project_id, indicator_id, district_id, department_id, issue, requirement, deadline_on, issued_by)
     values ((select id from campaigns where year = 2023), ?, ?, ?,
       case when ? then (select i.id from indicators i join departments d on d.id = i.owner_department_id join campaigns c on c.id = i.campaign_id where d.code = ? and c.year = 2023 order by i.id limit 1) end,
       (select id from districts where code = ?), (select id from departments where code = ?), '项目进度滞后', '请说明原因并附佐证材料', '2023-12-31', (select id from users where username = 'admin'))`,
    [code, opts.projectId ? "project" : opts.indicator ? "indicator" : "other", opts.projectId ?? null, opts.indicator ? 1 : 0, opts.department ?? null, opts.district ?? null, opts.department ?? null],
  );
  return Number((await queryOne<{ id: number }>("select id from supervision_orders where code = ?", [code]))!.id);
}

export async function uploadIn(page: Page, group: string, file: UploadFile, caption: string) {
  const g = page.locator(`[data-evidence-group="${group}"]`);
  await g.getByLabel("文件").setInputFiles(file);
  await g.getByLabel("说明").fill(caption);
  await g.getByRole("button", { name: "上传" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已上传" })).toBeVisible();
}
