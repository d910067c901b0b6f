/**
 * Where a month save's time goes, step by step, outside HTTP and React (run with
 * --conditions=react-server, as the server runs it):
 *   node --conditions=react-server --import tsx scripts/bench/save-profile.ts
 * Generates the 10k city into a temporary database, then repeats the figures action's own steps
 * for one clerk (the same calls, in the same order) and prints the median of each in ms.
 * The whole action over HTTP is measured by `npm run bench` (one clerk alone, p50); the
 * difference is the framework: decoding the form, re-rendering the page for revalidatePath and
 * serialising the reply.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AS_OF, generate, SMALL } from "./generate";

const dir = mkdtempSync(path.join(tmpdir(), "tuijin-save-profile-"));
const file = path.join(dir, "profile.db");
await generate(`file:${file}`, SMALL);
process.env.DATABASE_URL = `file:${file}`;
const { getDatabase } = await import("../../db/index");
const { loadFigureRows } = await import("../../app/_lib/figures-load");
const { checkFiguresForm } = await import("../../app/(staff)/district/figures/check-form");
const { storedFormValues } = await import("../../app/(staff)/district/figures/form-values");
const { getPlausibilitySettings, listMonthFlags } = await import("../../db/queries/plausibility");
const { getDistrictMonthState } = await import("../../db/queries/reporting");
const { getCurrentCampaign } = await import("../../db/queries/campaigns");
const { saveFigureValues } = await import("../../db/mutations/reports");

const open = await getDatabase();
const user = (await open.client.execute("select id, username, district_id from users where role = 'district_editor' order by id limit 1")).rows[0]!;
const districtId = Number(user.district_id);
const urban = Number((await open.client.execute("select i.id from indicators i join campaigns c on c.id = i.campaign_id where c.year = 2023 and i.code = 'urban_investment'")).rows[0]!.id);

const steps: Record<string, number[]> = {};
const time = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  const r = await fn();
  (steps[name] ??= []).push(performance.now() - t);
  return r;
};

const campaign = (await getCurrentCampaign())!;
let values = storedFormValues(await loadFigureRows(campaign.id, districtId, AS_OF), await listMonthFlags({ campaignId: campaign.id, month: AS_OF, districtId, unresolvedOnly: true }));
// The form's outlier checks ask for a note on unusual values: the clerk gives one for every row.
for (const k of Object.keys(values)) if (k.startsWith("note_") && !values[k]) values[k] = "基准测试：数值已核实";
const N = 40;
for (let i = 1; i <= N; i++) {
  values = { ...values, [`m_${urban}`]: String(10_000 + i) };
  const total = performance.now();
  const c = await time("1 campaign + month state", async () => [await getCurrentCampaign(), await getDistrictMonthState(campaign.id, districtId, AS_OF)] as const);
  const rows = await time("2 load the form's rows (before)", () => loadFigureRows(c[0]!.id, districtId, AS_OF));
  const settings = await time("3 plausibility settings", () => getPlausibilitySettings());
  const checked = await time("4 validate + plausibility (60 rows)", () => checkFiguresForm(rows, values, false, settings));
  if (Object.keys(checked.fieldErrors).length) throw new Error(`refused: ${JSON.stringify(checked.fieldErrors).slice(0, 300)}`);
  const outcome = await time("5 write transaction (values, flags, audit, data_version)", () =>
    saveFigureValues(open, { periodId: c[1]!.periodId, districtId, rows: checked.writes, submit: false, actor: { id: Number(user.id), name: String(user.username), clientAddress: "127.0.0.1" } }),
  );
  if (!outcome.ok) throw new Error(`save failed: ${JSON.stringify(outcome)}`);
  // The action answers from the rows the save's own transaction read (outcome.value.stored).
  const stored = new Map(outcome.value.stored.map((x) => [x.indicatorId, x]));
  const fresh = await time("6 reply rows from the transaction", () => rows.map((r) => ({ indicator: r.indicator, current: stored.get(r.indicator.id) ?? null })));
  const flags = await time("7 unresolved flags", () => listMonthFlags({ campaignId: campaign.id, month: AS_OF, districtId, unresolvedOnly: true }));
  values = { ...values, ...(await time("8 reply values", () => storedFormValues(fresh, flags))) };
  (steps["= all steps"] ??= []).push(performance.now() - total);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name, xs] of Object.entries(steps)) console.log(`${name.padEnd(60)} ${median(xs).toFixed(2)} ms`);
open.close();
rmSync(dir, { recursive: true, force: true });
