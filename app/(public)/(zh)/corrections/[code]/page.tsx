import Page, { generateMetadata as metadata } from "@/app/(public)/_pages/correction";
import { inLocale } from "@/app/(public)/_pages/in-locale";

// Rendered on first request and cached like every public page (see the layout).
export function generateStaticParams(): { code: string }[] {
  return [];
}

export const generateMetadata = inLocale("zh", metadata);
export default inLocale("zh", Page);
