import Page, { generateMetadata as metadata } from "@/app/(public)/_pages/projects";
import { inLocale } from "@/app/(public)/_pages/in-locale";

export const generateMetadata = inLocale("en", metadata);
export default inLocale("en", Page);
