import Page, { generateMetadata as metadata } from "@/app/(public)/_pages/home";
import { inLocale } from "@/app/(public)/_pages/in-locale";

export const generateMetadata = inLocale("zh", metadata);
export default inLocale("zh", Page);
