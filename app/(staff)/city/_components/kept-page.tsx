/**
 * A leader page whose body is kept (app/_lib/kept-body.tsx; issue #17), with what must stay
 * outside the body: the plain mark (the front puts a kept body only into a plain page) and the
 * print button's script (React hoists it into the head, which a kept page renders afresh).
 * The page calls its guard before rendering this.
 */
import type { ReactNode } from "react";
import { KeptBody } from "@/app/_lib/kept-body";
import type { KeptBodyReader } from "@/app/_lib/kept-bodies.mjs";
import { PlainHtml } from "@/components/plain-html";
import { PrintScript } from "../export/print-button";

export function KeptCityPage({ page, reader, params, children }: { page: string; reader: KeptBodyReader; params: Record<string, string | string[] | undefined>; children: ReactNode }) {
  return (
    <>
      <PlainHtml />
      <PrintScript />
      <KeptBody page={page} reader={reader} params={params}>
        {children}
      </KeptBody>
    </>
  );
}
