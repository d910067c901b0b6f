import { toListing } from "@/app/(public)/_pages/index-redirect";

/** Page numbers start from the project list itself. */
export function GET(): Response {
  return toListing("/projects");
}
