"use server";

import { isForm } from "@/app/_lib/action-state";
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/app/_lib/guards";
import { actorOf } from "@/app/_lib/actor";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { setMetaValue } from "@/db/mutations/settings";
import { PUBLIC_ORDER_COUNTS_KEY } from "@/app/_lib/settings-keys";

/** The campaign office decides whether public district pages show issued/closed order counts (never details). */
export async function setPublicOrderCountsAction(formData: FormData): Promise<void> {
  const user = await requirePermission("campaign.manage");
  if (!isForm(formData)) return;
  const on = formData.get("show") === "1";
  await setMetaValue(await getDatabase(), PUBLIC_ORDER_COUNTS_KEY, on ? "1" : "0", await actorOf(user));
  revalidatePublic();
  revalidatePath("/city/orders");
}
