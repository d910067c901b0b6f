/**
 * "打印": opens the browser's print dialog (the page's print CSS fits A4 and leaves out navigation;
 * "另存为 PDF" works too). A server component with a plain script (public/js/print.js) instead of a
 * client component, so the leader's read-only pages need no framework runtime (PlainHtml). The
 * script carries the request's CSP nonce; React loads an async script once per page.
 */
import { headers } from "next/headers";

export function PrintButton() {
  return (
    <>
      <button type="button" data-print-button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50">
        打印
      </button>
      <PrintScript />
    </>
  );
}

/**
 * The button's script alone, which React puts in the head. A page whose body is kept
 * (app/_lib/kept-body.tsx) renders it outside the body, so a kept page still loads it.
 */
export async function PrintScript() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script src="/js/print.js" async nonce={nonce} />;
}
