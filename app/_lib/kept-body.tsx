import "server-only";
/**
 * A leader page's body, rendered once per everything it is made from and then put into the page
 * by the front server (app/_lib/kept-bodies.mjs; issue #17). The page calls its guard first, as
 * always, and renders its PlainHtml mark outside this; everything inside must be a function of
 * the name it is kept under (keptBodyName):
 * - the page and its search parameters (as given: two spellings of one view are two names);
 * - who reads it (user, role, district, department);
 * - the data version (app_meta.data_version: every data write bumps it, db/client.ts);
 * - the day in Beijing (pace and deadlines move with the calendar).
 * Nothing per request may be inside (a CSP nonce: such a body is never kept), and nothing React
 * hoists into the head (a title, an async script): on a kept page the body is not rendered, so
 * the page renders those outside. e2e/kept-bodies.spec.ts compares, page by page, a kept page with
 * the page rendered afresh, byte for byte.
 */
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { todayInShanghai } from "@/domain/months";
import { currentDataVersion } from "./city-data";
import { captureTicket, fillTicket, keptBody, keptBodyName, TICKET_HEADER, type KeptBodyReader } from "./kept-bodies.mjs";

type Params = Record<string, string | string[] | undefined>;


export async function KeptBody({ page, reader, params, children }: { page: string; reader: KeptBodyReader; params: Params; children: ReactNode }) {
  const ticket = (await headers()).get(TICKET_HEADER);
  if (!ticket) return children;
  const name = keptBodyName(page, reader, params, await currentDataVersion(), todayInShanghai());
  const hit = keptBody(name);
  if (hit && fillTicket(ticket, hit)) return <template data-tuijin-kept="at" />;
  if (!captureTicket(ticket, name)) return children;
  return (
    <>
      <template data-tuijin-kept="from" />
      {children}
      <template data-tuijin-kept="to" />
    </>
  );
}
