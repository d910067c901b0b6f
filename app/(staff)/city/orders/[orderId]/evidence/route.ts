import { requireUser } from "@/app/_lib/guards";
import { postOrderEvidence } from "@/app/_lib/evidence/order-upload";

/** POST /city/orders/:orderId/evidence — a file with the office's closure of the order (see postOrderEvidence). */
export async function POST(request: Request, { params }: { params: Promise<{ orderId: string }> }): Promise<Response> {
  // Signed in first; the order's own guard (order.read, then order.respond / order.close) runs inside.
  await requireUser();
  return postOrderEvidence(request, (await params).orderId, "order_close");
}
