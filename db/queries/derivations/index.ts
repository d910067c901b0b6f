import "server-only";
import type { RuleCode } from "@/domain/derivations";
import { parksInStatus, type ParkRecords } from "./parks-in-status";
import { problemsResolved, type ProblemRecords } from "./problems-resolved";
import { projectInvestment, type InvestmentRecords } from "./project-investment";
import { projectsDated, type ProjectRecords } from "./projects-dated";
import type { RuleQuery } from "./shared";
import { signings, type SigningRecords } from "./signings";

/**
 * The query behind each supported derivation rule (catalogue: domain/derivations.ts). Adding a
 * rule: its catalogue entry, one module in this folder, and its line here (the type makes the
 * line mandatory).
 */
export type DerivedRecords = ProjectRecords | InvestmentRecords | ProblemRecords | SigningRecords | ParkRecords | { kind: "unsupported"; rows: [] };

export const RULE_QUERIES: Record<RuleCode, RuleQuery<DerivedRecords>> = {
  projects_started: projectsDated,
  projects_completed: projectsDated,
  project_investment: projectInvestment,
  problems_resolved: problemsResolved,
  signings_sum: signings,
  signings_count: signings,
  parks_in_status: parksInStatus,
};

export function ruleQuery(rule: string): RuleQuery<DerivedRecords> | null {
  return Object.hasOwn(RULE_QUERIES, rule) ? RULE_QUERIES[rule as RuleCode] : null;
}

export type { RollupMode, MonthStatus, RuleScope } from "./shared";
export type { ProjectRecord } from "./projects-dated";
export type { InvestmentRecord } from "./project-investment";
export type { ProblemRecord } from "./problems-resolved";
export type { SigningRecord } from "./signings";
export type { ParkRecord } from "./parks-in-status";
