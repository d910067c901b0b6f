/**
 * Marks a signed-in page to go out as plain HTML: the front server (scripts/precompress.mjs) drops
 * the framework's scripts and the inlined RSC payload from it, as it does for every public page.
 * Only for a page with no client component — links are plain links, forms are GET forms or
 * server-action forms, the print button is a plain script. tests/unit/plain-pages.test.ts walks
 * each marked page's imports and fails on a "use client" module. React puts the tag in the head.
 */
export function PlainHtml() {
  return <meta name="tuijin-runtime" content="none" />;
}
