import { toListing } from "@/app/(public)/_pages/index-redirect";

/** No list of its own: the indicators are listed under the actions they belong to. */
export function GET(): Response {
  return toListing("/en/actions");
}
