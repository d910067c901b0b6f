import { requirePermission, requireSameOrigin } from "@/app/_lib/guards";
import { clientAddress } from "@/app/_lib/request-info";
import { revalidatePublic } from "@/app/_lib/revalidate";
import { getDatabase } from "@/db/index";
import { insertAuditEvent } from "@/db/mutations/audit";

/**
 * POST /api/admin/revalidate — the campaign office drops every cached public page, e.g. after a
 * correction made outside the app. City admins only; same-origin requests only.
 */
export async function POST(request: Request): Promise<Response> {
  const foreign = requireSameOrigin(request);
  if (foreign) return foreign;
  const user = await requirePermission("campaign.manage");
  revalidatePublic();
  const open = await getDatabase();
  const address = await clientAddress();
  await open.write((tx) => insertAuditEvent(tx, { actorUserId: user.id, actorName: user.username, action: "public.revalidate", entity: "public_pages", clientAddress: address }));
  return Response.json({ ok: true, message: "公开页面缓存已刷新" });
}
