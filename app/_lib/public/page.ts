import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDict } from "@/app/_lib/i18n/index";
import { requirePublicRead } from "@/app/_lib/guards";
import { isLocale, localePath, type Locale } from "@/app/_lib/locale";
import { getPublicContext, type PublicContext } from "./public-data";

/** The page's guard (public read) and its locale (`params.locale`, set by the language's route tree: _pages/in-locale.ts) (404 for anything else). Every public page calls this first. */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  requirePublicRead();
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return locale;
}

/** Title (Chinese pages use the root template "… · 推进"), and links to both language versions. */
export function pageMetadata(locale: Locale, title: string, path: string, description?: string): Metadata {
  const t = getDict(locale);
  return {
    title: locale === "zh" ? title : { absolute: `${title} · ${t.site.name}` },
    description,
    alternates: { canonical: localePath(locale, path), languages: { "zh-CN": localePath("zh", path), en: localePath("en", path) } },
  };
}

/** A route segment value as stored (Next passes it URL-decoded; a stray escape is decoded once more). */
export function segment(value: string): string {
  try {
    return /%[0-9a-f]{2}/i.test(value) ? decodeURIComponent(value) : value;
  } catch {
    return value;
  }
}

/** The params of a …/[code] page: its locale, the public context and the decoded code (404 without a campaign). */
export async function loadCodePage(params: Promise<{ locale: string; code: string }>): Promise<{ locale: Locale; ctx: PublicContext; code: string }> {
  const locale = await pageLocale(params);
  const { code } = await params;
  const ctx = await getPublicContext();
  if (!ctx) notFound();
  return { locale, ctx, code: segment(code) };
}
