"use server";

import { isForm } from "@/app/_lib/action-state";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { updateAttachmentPublic } from "@/db/mutations/attachments";

const publishSchema = z.object({
  reportId: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  makePublic: z.enum(["1", "0"]),
});

/**
 * The campaign office shows a month's photo on the public project page, or takes it off. A plain
 * form post (works without JavaScript); the outcome comes back as ?pub= on the review page.
 */
export async function publishPhotoAction(formData: FormData): Promise<void> {
  const user = await requirePermission("report.review");
  if (!isForm(formData)) return;
  const parsed = publishSchema.safeParse(Object.fromEntries(["reportId", "attachmentId", "version", "makePublic"].map((k) => [k, formData.get(k) ?? ""])));
  if (!parsed.success) redirect("/city/review");
  const { reportId, attachmentId, version, makePublic } = parsed.data;
  const result = await updateAttachmentPublic(await getDatabase(), { id: attachmentId, expectedVersion: version }, makePublic === "1", await actorOf(user));
  if (result.ok) revalidatePublic();
  const pub = result.ok ? (makePublic === "1" ? "shown" : "hidden") : result.reason;
  redirect(`/city/review/${reportId}?pub=${pub}&att=${attachmentId}#evidence`);
}
