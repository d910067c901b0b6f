/**
 * An uploaded month template: the figures and the projects' investment saved in ONE transaction,
 * so a file is stored whole or not at all. Caller must have passed the policy checks for the
 * district-month (report.edit and record.edit) and validated every row first; the projects'
 * plausibility rules run again inside the transaction, so a row that turned implausible
 * meanwhile (another month changed) stops the whole file.
 */
import type { PlausibilitySettings } from "@/domain/plausibility/settings";
import type { OpenDatabase } from "../client";
import { upsertMonthProgressTx, type ProgressInput, type ProgressOutcome } from "./project-progress";
import type { UserActor } from "@/domain/actor";
import type { Outcome, Refused } from "@/domain/outcome";
import { saveFigureValuesTx, type FigureWrite, type SaveOutcome } from "./reports";

class Abort extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super("import aborted");
  }
}

/** Refused by the part that refused (the figures or the projects' progress), with that part's own refusal. */
export type ImportOutcome = Outcome<
  { figuresChanged: number; progressChanged: number },
  Refused<"figures", { outcome: Exclude<SaveOutcome, { ok: true }> }> | Refused<"progress", { outcome: Exclude<ProgressOutcome, { ok: true }> }>
>;

export async function importMonthWorkbook(
  open: OpenDatabase,
  args: { campaignId: number; periodId: number; districtId: number; month: string; figures: FigureWrite[]; progress: ProgressInput[]; actor: UserActor; settings: PlausibilitySettings },
): Promise<ImportOutcome> {
  try {
    return await open.write(async (tx) => {
      const f = await saveFigureValuesTx(tx, { periodId: args.periodId, districtId: args.districtId, rows: args.figures, submit: false, actor: args.actor });
      if (!f.ok) throw new Abort({ ok: false, reason: "figures", outcome: f });
      const p = await upsertMonthProgressTx(tx, { campaignId: args.campaignId, districtId: args.districtId, month: args.month }, args.progress, args.actor, args.settings);
      if (!p.ok) throw new Abort({ ok: false, reason: "progress", outcome: p });
      return { ok: true as const, value: { figuresChanged: f.value.changed, progressChanged: p.value.changed } };
    });
  } catch (e) {
    // Throwing inside the transaction rolled back whatever the first part had written.
    if (e instanceof Abort) return e.outcome;
    throw e;
  }
}
