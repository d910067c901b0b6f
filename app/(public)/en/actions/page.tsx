import Page, { generateMetadata as metadata } from "@/app/(public)/_pages/actions";
import { inLocale } from "@/app/(public)/_pages/in-locale";

export const generateMetadata = inLocale("en", metadata);
export default inLocale("en", Page);
