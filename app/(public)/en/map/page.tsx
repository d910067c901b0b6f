import Page, { generateMetadata as metadata } from "@/app/(public)/_pages/map";
import { inLocale } from "@/app/(public)/_pages/in-locale";

// The indicator comes from the query string (the map's GET form): rendered per request; the
// SVG itself is cached per indicator and data version (app/_lib/map.ts).
export const dynamic = "force-dynamic";

export const generateMetadata = inLocale("en", metadata);
export default inLocale("en", Page);
