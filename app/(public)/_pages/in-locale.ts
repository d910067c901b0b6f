import type { Locale } from "@/app/_lib/locale";

/**
 * A page body of _pages/ served under one language's route tree: (zh)/ at unprefixed URLs, en/
 * under /en. The bodies read their language from `params.locale`, as they did under the former
 * [locale] segment; each language is now its own static route tree, because Next.js matched that
 * dynamic segment on every request of every public page (issue #17 profile).
 */
export function inLocale<P extends object, Props extends { params: Promise<P & { locale: string }> }, R>(
  locale: Locale,
  body: (props: Props) => R,
): (props: Omit<Props, "params"> & { params: Promise<P> }) => R {
  return (props) => body({ ...props, params: props.params.then((p) => ({ ...p, locale })) } as Props);
}
