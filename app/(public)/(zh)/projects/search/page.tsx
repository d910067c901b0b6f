import Page, { generateMetadata as metadata } from "@/app/(public)/_pages/projects-search";
import { inLocale } from "@/app/(public)/_pages/in-locale";

// Filters live in the query string: this page is rendered per request.
export const dynamic = "force-dynamic";

export const generateMetadata = inLocale("zh", metadata);
export default inLocale("zh", Page);
