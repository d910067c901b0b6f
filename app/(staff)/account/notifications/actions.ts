"use server";

import { isForm } from "@/app/_lib/action-state";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idSchema } from "@/app/_lib/form-parse";
import { requirePermission } from "@/app/_lib/guards";
import { getDatabase } from "@/db/index";
import { markNotificationsRead } from "@/db/mutations/notifications";

const readSchema = z.object({ id: z.union([z.literal("all"), idSchema]) });

/** Marks one of the caller's own notifications (or all of them) read; another user's id matches nothing. */
export async function markReadAction(formData: FormData): Promise<void> {
  const user = await requirePermission("account.update");
  if (!isForm(formData)) return;
  const parsed = readSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return;
  await (await getDatabase()).write((tx) => markNotificationsRead(tx, user.id, parsed.data.id), { data: false });
  revalidatePath("/account/notifications");
}
