import "server-only";
import { revalidatePath } from "next/cache";

/**
 * Public pages are cached; after anything they show changes (an approval, a public record, a
 * target), drop the cached copies so the next visitor gets fresh figures at once.
 */
export function revalidatePublic(): void {
  // The root layout covers every page, in both languages (Chinese URLs are rewritten to /zh/…).
  // Staff pages are rendered per request anyway, so nothing else is affected.
  revalidatePath("/", "layout");
}
