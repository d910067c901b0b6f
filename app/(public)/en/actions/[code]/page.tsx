import Page, { generateMetadata as metadata } from "@/app/(public)/_pages/action";
import { inLocale } from "@/app/(public)/_pages/in-locale";

// Rendered on first request and cached like every public page (see the layout).
export function generateStaticParams(): { code: string }[] {
  return [];
}

export const generateMetadata = inLocale("en", metadata);
export default inLocale("en", Page);
