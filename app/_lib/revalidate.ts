import "server-only";
import { revalidatePath } from "next/cache";
import { getMetaValue } from "@/db/queries/meta";
import { PUBLIC_ORDER_COUNTS_KEY } from "./settings-keys";

/**
 * Public pages are cached; after anything they show changes (an approval, a public record, a
 * target), drop the cached copies so the next visitor gets fresh figures at once.
 */
export function revalidatePublic(): void {
  // The root layout covers every page, in both languages (both route trees: app/(public)/(zh), app/(public)/en).
  // Staff pages are rendered per request anyway, so nothing else is affected.
  revalidatePath("/", "layout");
}

/** After an order is issued or closed: the public pages show order counts only when the office turned them on. */
export async function revalidatePublicOrderCounts(): Promise<void> {
  if ((await getMetaValue(PUBLIC_ORDER_COUNTS_KEY)) === "1") revalidatePublic();
}
