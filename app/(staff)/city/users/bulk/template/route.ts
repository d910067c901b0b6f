import { buildAccountsTemplate } from "@/app/_lib/excel/accounts-sheet";
import { xlsxResponse } from "@/app/_lib/excel/workbook";
import { requirePermission } from "@/app/_lib/guards";
import { listScopeOptions } from "@/db/queries/users";

/** GET /city/users/bulk/template: the account sheet with the valid roles, districts and departments. */
export async function GET(): Promise<Response> {
  await requirePermission("user.manage", {}, { next: "/city/users/bulk" });
  const options = await listScopeOptions();
  return xlsxResponse(buildAccountsTemplate(options), "账号导入模板.xlsx");
}
