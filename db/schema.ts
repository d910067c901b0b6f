/**
 * The whole Tuijin schema. Generic on purpose: a new city, year or indicator set is rows,
 * never code. Amounts are stored as integers in the base unit of their `units` row
 * (money in 万元, areas in 平方米, 亩 in hundredths, percentages in basis points), so sums
 * are exact and display conversion happens in one place (app/_lib/units.ts).
 */
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import { DISTRICT_KINDS, ROLES, CAMPAIGN_STATUSES, INDICATOR_KINDS, AGGREGATIONS, ACCUMULATIONS, REPORT_STATUSES, PROJECT_STAGES, PROJECT_KEY_LEVELS, PROBLEM_TYPES, PROBLEM_STATUSES, ESCALATION_LEVELS, PARK_STATUSES, ORDER_STATUSES, ORDER_LEVELS, FLAG_SUBJECTS } from "../domain/codes";

export { DISTRICT_KINDS, ROLES, CAMPAIGN_STATUSES, INDICATOR_KINDS, AGGREGATIONS, ACCUMULATIONS, REPORT_STATUSES, PROJECT_STAGES, PROJECT_KEY_LEVELS, PROBLEM_TYPES, PROBLEM_STATUSES, ESCALATION_LEVELS, PARK_STATUSES, ORDER_STATUSES, ORDER_LEVELS, FLAG_SUBJECTS, type DistrictKind, type Role, type CampaignStatus, type ReportStatus, type ProjectKeyLevel, type OrderStatus, type OrderLevel } from "../domain/codes";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const createdAt = () => text("created_at").notNull().default(now);
const updatedAt = () => text("updated_at").notNull().default(now);
const version = () => integer("version").notNull().default(1);

/** Key/value facts about this database, e.g. `demo_data` = "1" while demo data is loaded. */
export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: updatedAt(),
});

/**
 * Display units. `scale` = stored integer per one display unit: 亿元 is stored in 万元
 * (scale 10000), 万平方米 in 平方米 (10000), 亩 in 0.01 亩 (100), % in basis points (100).
 */
export const units = sqliteTable("units", {
  code: text("code").primaryKey(),
  symbol: text("symbol").notNull(),
  symbolEn: text("symbol_en").notNull(),
  baseSymbol: text("base_symbol").notNull(),
  scale: integer("scale").notNull(),
});


export const districts = sqliteTable(
  "districts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull().default(""),
    kind: text("kind", { enum: DISTRICT_KINDS }).notNull(),
    divisionCode: text("division_code"),
    sortOrder: integer("sort_order").notNull().default(0),
    reports: integer("reports", { mode: "boolean" }).notNull().default(true),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("districts_kind_ck", sql`${t.kind} in ('district','county_city','county','development_zone')`)],
);

export const departments = sqliteTable("departments", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull().default(""),
  sortOrder: integer("sort_order").notNull().default(0),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});


export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    districtId: integer("district_id").references(() => districts.id),
    departmentId: integer("department_id").references(() => departments.id),
    passwordHash: text("password_hash").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(true),
    sessionVersion: integer("session_version").notNull().default(1),
    totpSecret: text("totp_secret"),
    totpEnabled: integer("totp_enabled", { mode: "boolean" }).notNull().default(false),
    /** Last accepted TOTP time step: a code is never accepted twice. */
    totpLastStep: integer("totp_last_step"),
    lastLoginAt: text("last_login_at"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("users_role_ck", sql`${t.role} in ('city_admin','city_leader','district_editor','department_editor')`),
    // A district editor always has a district, a department editor a department, city roles neither.
    check(
      "users_scope_ck",
      sql`(${t.role} = 'district_editor' and ${t.districtId} is not null and ${t.departmentId} is null)
       or (${t.role} = 'department_editor' and ${t.departmentId} is not null and ${t.districtId} is null)
       or (${t.role} in ('city_admin','city_leader') and ${t.districtId} is null and ${t.departmentId} is null)`,
    ),
  ],
);

/** One-time TOTP recovery codes (argon2id hashes); used_at set when spent. */
export const recoveryCodes = sqliteTable("recovery_codes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  userId: integer("user_id").notNull().references(() => users.id),
  codeHash: text("code_hash").notNull(),
  usedAt: text("used_at"),
  createdAt: createdAt(),
});


export const campaigns = sqliteTable("campaigns", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  year: integer("year").notNull(),
  cityName: text("city_name").notNull(),
  cityNameEn: text("city_name_en").notNull().default(""),
  title: text("title").notNull(),
  titleEn: text("title_en").notNull().default(""),
  subtitle: text("subtitle").notNull().default(""),
  subtitleEn: text("subtitle_en").notNull().default(""),
  announcedOn: text("announced_on"),
  startsOn: text("starts_on").notNull(),
  endsOn: text("ends_on").notNull(),
  /** draft (being set up) → active → archived (read-only, still public). The current campaign is app_meta `current_campaign`. */
  status: text("status", { enum: CAMPAIGN_STATUSES }).notNull().default("active"),
  /** Yellow band for pace, in basis points of the target (500 = 5 percentage points). */
  paceWarnBp: integer("pace_warn_bp").notNull().default(500),
  /** Day of the following month by which a monthly report is due. */
  reportDeadlineDay: integer("report_deadline_day").notNull().default(5),
  sourceNote: text("source_note").notNull().default(""),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const actions = sqliteTable(
  "actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").notNull().references(() => campaigns.id),
    parentId: integer("parent_id").references((): AnySQLiteColumn => actions.id),
    code: text("code").notNull(),
    /** The group the action belongs to in the campaign's own numbering, e.g. "1", "3", "2". */
    groupLabel: text("group_label").notNull().default(""),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull().default(""),
    summary: text("summary").notNull().default(""),
    summaryEn: text("summary_en").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
    leadDepartmentId: integer("lead_department_id").references(() => departments.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("actions_campaign_code_uq").on(t.campaignId, t.code)],
);

/** flow: monthly values add up over the year; stock: the latest month is the year-to-date value. */

export const indicators = sqliteTable(
  "indicators",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").notNull().references(() => campaigns.id),
    actionId: integer("action_id").notNull().references(() => actions.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull().default(""),
    unitCode: text("unit_code").notNull().references(() => units.code),
    kind: text("kind", { enum: INDICATOR_KINDS }).notNull(),
    aggregation: text("aggregation", { enum: AGGREGATIONS }).notNull(),
    accumulation: text("accumulation", { enum: ACCUMULATIONS }).notNull().default("flow"),
    numeratorLabel: text("numerator_label"),
    denominatorLabel: text("denominator_label"),
    /** Unit of numerator and denominator of a ratio indicator. */
    partUnitCode: text("part_unit_code").references(() => units.code),
    /** JSON {rule, params} from the supported derivations (domain/derivations.ts); never code. */
    derivation: text("derivation", { mode: "json" }).$type<{ rule: string; params: Record<string, unknown> }>(),
    ownerDepartmentId: integer("owner_department_id").references(() => departments.id),
    decimals: integer("decimals").notNull().default(1),
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(true),
    isHeadline: integer("is_headline", { mode: "boolean" }).notNull().default(false),
    sortOrder: integer("sort_order").notNull().default(0),
    description: text("description").notNull().default(""),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("indicators_campaign_code_uq").on(t.campaignId, t.code),
    index("indicators_action_idx").on(t.actionId),
    check(
      "indicators_ratio_ck",
      sql`${t.aggregation} <> 'ratio' or (${t.numeratorLabel} is not null and ${t.denominatorLabel} is not null and ${t.partUnitCode} is not null)`,
    ),
    check("indicators_derived_ck", sql`${t.kind} = 'reported' or ${t.derivation} is not null`),
  ],
);

/**
 * City (district_id null) or district target of an indicator for a year. Values in the
 * indicator's base unit. growth_target_bp: 1750 = +17.5 %; multiple_target_pct: 300 = 3×.
 * monthly_plan: twelve cumulative shares of the year in basis points ending at 10000, or
 * null for linear pace.
 */
export const targets = sqliteTable(
  "targets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    indicatorId: integer("indicator_id").notNull().references(() => indicators.id),
    year: integer("year").notNull(),
    districtId: integer("district_id").references(() => districts.id),
    targetValue: integer("target_value"),
    baselineValue: integer("baseline_value"),
    growthTargetBp: integer("growth_target_bp"),
    multipleTargetPct: integer("multiple_target_pct"),
    monthlyPlan: text("monthly_plan", { mode: "json" }).$type<number[]>(),
    /** Where the figure comes from, e.g. the meeting report, or how a baseline was inferred. */
    sourceNote: text("source_note").notNull().default(""),
    /** City row only: why the district targets do not add up to the city target (required when they don't). */
    breakdownNote: text("breakdown_note").notNull().default(""),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("targets_city_uq").on(t.indicatorId, t.year).where(sql`${t.districtId} is null`),
    uniqueIndex("targets_district_uq").on(t.indicatorId, t.year, t.districtId).where(sql`${t.districtId} is not null`),
    check("targets_nonneg_ck", sql`${t.targetValue} is null or ${t.targetValue} >= 0`),
  ],
);

export const sectors = sqliteTable("sectors", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull().default(""),
  sortOrder: integer("sort_order").notNull().default(0),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const periods = sqliteTable(
  "periods",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").notNull().references(() => campaigns.id),
    month: text("month").notNull(),
    isOpen: integer("is_open", { mode: "boolean" }).notNull().default(true),
    locked: integer("locked", { mode: "boolean" }).notNull().default(false),
    lockedBy: integer("locked_by").references(() => users.id),
    lockedAt: text("locked_at"),
    /** Date (YYYY-MM-DD, Asia/Shanghai) by which the month's report is due. */
    dueOn: text("due_on").notNull(),
    /**
     * Entered late on purpose (history back-fill by the campaign office): completeness and the
     * bulletin do not call its reports overdue. The reason is shown wherever the month is listed.
     */
    historical: integer("historical", { mode: "boolean" }).notNull().default(false),
    historicalReason: text("historical_reason"),
    version: version(),
  },
  (t) => [
    uniqueIndex("periods_campaign_month_uq").on(t.campaignId, t.month),
    check("periods_month_ck", sql`${t.month} glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]'`),
  ],
);


export const monthlyReports = sqliteTable(
  "monthly_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    periodId: integer("period_id").notNull().references(() => periods.id),
    districtId: integer("district_id").notNull().references(() => districts.id),
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("draft"),
    submittedBy: integer("submitted_by").references(() => users.id),
    submittedAt: text("submitted_at"),
    approvedBy: integer("approved_by").references(() => users.id),
    approvedAt: text("approved_at"),
    returnedBy: integer("returned_by").references(() => users.id),
    returnedAt: text("returned_at"),
    returnComment: text("return_comment"),
    /**
     * True once the month has been approved, and it stays true while an approved month is
     * reopened for correction (restatement): the published figures are then the approved copies
     * (figure_values.approved_*, project_progress.approved_investment) until the correction is
     * approved. Official reads filter on this, never on status.
     */
    official: integer("official", { mode: "boolean" }).notNull().default(false),
    /** An approved month reopened by the office for correction, until the correction is approved. */
    restating: integer("restating", { mode: "boolean" }).notNull().default(false),
    reopenReason: text("reopen_reason"),
    reopenedBy: integer("reopened_by").references(() => users.id),
    reopenedAt: text("reopened_at"),
    updatedBy: integer("updated_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("monthly_reports_period_district_uq").on(t.periodId, t.districtId),
    index("monthly_reports_district_idx").on(t.districtId),
    check("monthly_reports_status_ck", sql`${t.status} in ('draft','submitted','approved','returned')`),
  ],
);

/** A reported indicator's value for one district-month: value, or numerator and denominator. */
export const figureValues = sqliteTable(
  "figure_values",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id").notNull().references(() => monthlyReports.id),
    indicatorId: integer("indicator_id").notNull().references(() => indicators.id),
    value: integer("value"),
    numerator: integer("numerator"),
    denominator: integer("denominator"),
    note: text("note"),
    /** "本月无数据": the district states the indicator has no data this month (the note gives the reason); never a typed zero. */
    noData: integer("no_data", { mode: "boolean" }).notNull().default(false),
    /** The value as last approved (the published one), so a resubmission shows what changed (old → new). */
    approvedValue: integer("approved_value"),
    approvedNumerator: integer("approved_numerator"),
    approvedDenominator: integer("approved_denominator"),
    updatedBy: integer("updated_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("figure_values_report_indicator_uq").on(t.reportId, t.indicatorId),
    index("figure_values_indicator_idx").on(t.indicatorId),
  ],
);

/**
 * 市重点 / 省重点 / 一般 from the city's list. The campaign counts the city's own key-project list,
 * so `is_key` is true exactly for "city"; a province-level project the city did not list is "province".
 */

/** A project on one campaign year's register (the city's key-project list is per year). */
export const projects = sqliteTable(
  "projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").notNull().references(() => campaigns.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    districtId: integer("district_id").notNull().references(() => districts.id),
    actionId: integer("action_id").references(() => actions.id),
    sectorId: integer("sector_id").references(() => sectors.id),
    owner: text("owner").notNull().default(""),
    totalInvestment: integer("total_investment").notNull(),
    annualPlannedInvestment: integer("annual_planned_investment").notNull(),
    plannedStartOn: text("planned_start_on"),
    plannedCompletionOn: text("planned_completion_on"),
    actualStartOn: text("actual_start_on"),
    actualCompletionOn: text("actual_completion_on"),
    stage: text("stage", { enum: PROJECT_STAGES }).notNull().default("preparing"),
    isKey: integer("is_key", { mode: "boolean" }).notNull().default(true),
    keyLevel: text("key_level", { enum: PROJECT_KEY_LEVELS }).notNull().default("city"),
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(true),
    description: text("description").notNull().default(""),
    /** Site location, WGS 84 degrees (what GPS and EXIF give); both or neither. */
    longitude: real("longitude"),
    latitude: real("latitude"),
    updatedBy: integer("updated_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("projects_campaign_code_uq").on(t.campaignId, t.code),
    index("projects_district_idx").on(t.districtId),
    index("projects_sector_idx").on(t.sectorId),
    // Rollups count starts and completions by date within one campaign.
    index("projects_campaign_start_idx").on(t.campaignId, t.actualStartOn),
    index("projects_campaign_completion_idx").on(t.campaignId, t.actualCompletionOn),
    check("projects_amounts_ck", sql`${t.totalInvestment} >= 0 and ${t.annualPlannedInvestment} >= 0`),
  ],
);

/** Investment completed by a project in one month (万元); counts officially once its district's month is approved. */
export const projectProgress = sqliteTable(
  "project_progress",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => projects.id),
    month: text("month").notNull(),
    investment: integer("investment").notNull(),
    /** The amount as last approved (published); null until the district-month is first approved. */
    approvedInvestment: integer("approved_investment"),
    note: text("note"),
    updatedBy: integer("updated_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("project_progress_project_month_uq").on(t.projectId, t.month),
    index("project_progress_month_idx").on(t.month),
  ],
);

/**
 * Project investment summed by (campaign, district, sector, key or not, month): the rollups read
 * these few rows instead of every project's monthly progress, so the dashboard costs the same
 * whatever the size of the project register. Kept exact by triggers on project_progress and
 * projects (migration 0005) — never written by the app. sector_id 0 means "no sector"; rows
 * counts the progress rows behind the sum (0 once they are all gone).
 */
export const progressTotals = sqliteTable(
  "progress_totals",
  {
    campaignId: integer("campaign_id").notNull(),
    districtId: integer("district_id").notNull(),
    sectorId: integer("sector_id").notNull(),
    isKey: integer("is_key", { mode: "boolean" }).notNull(),
    month: text("month").notNull(),
    investment: integer("investment").notNull(),
    /** Sum of the rows' approved_investment (the published amount). */
    approvedInvestment: integer("approved_investment").notNull().default(0),
    rows: integer("rows").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.month, t.districtId, t.sectorId, t.isKey] })],
);


export const problems = sqliteTable(
  "problems",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /**
     * The campaign year the problem belongs to (its project's campaign). Nullable only because SQLite
     * cannot add a NOT NULL reference to a filled table: migration 0008 backfills it and every insert sets it.
     */
    campaignId: integer("campaign_id").references(() => campaigns.id),
    projectId: integer("project_id").notNull().references(() => projects.id),
    /** Copied from the project so every scope check is one comparison. */
    districtId: integer("district_id").notNull().references(() => districts.id),
    /** The earlier year's problem this one was carried forward from (复制往年结构 with 带入未解决难题). */
    originProblemId: integer("origin_problem_id").references((): AnySQLiteColumn => problems.id),
    type: text("type", { enum: PROBLEM_TYPES }).notNull(),
    description: text("description").notNull(),
    responsibleUnit: text("responsible_unit").notNull(),
    escalationLevel: text("escalation_level", { enum: ESCALATION_LEVELS }).notNull().default("district"),
    deadlineOn: text("deadline_on"),
    status: text("status", { enum: PROBLEM_STATUSES }).notNull().default("open"),
    openedOn: text("opened_on").notNull(),
    openedBy: integer("opened_by").references(() => users.id),
    resolvedOn: text("resolved_on"),
    resolvedBy: integer("resolved_by").references(() => users.id),
    resolutionNote: text("resolution_note"),
    updatedBy: integer("updated_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("problems_district_idx").on(t.districtId),
    index("problems_campaign_district_idx").on(t.campaignId, t.districtId),
    index("problems_project_idx").on(t.projectId),
    // Rollups count resolved problems of one type by resolution date.
    index("problems_type_resolved_idx").on(t.type, t.status, t.resolvedOn),
    check("problems_resolved_ck", sql`${t.status} <> 'resolved' or ${t.resolvedOn} is not null`),
  ],
);

/** Investment-promotion events (推介会, 集中签约, 集中开工). */
export const events = sqliteTable("events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  campaignId: integer("campaign_id").notNull().references(() => campaigns.id),
  name: text("name").notNull(),
  kind: text("kind").notNull().default("promotion"),
  heldOn: text("held_on"),
  location: text("location").notNull().default(""),
  version: version(),
  createdAt: createdAt(),
});

export const signings = sqliteTable(
  "signings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").notNull().references(() => campaigns.id),
    districtId: integer("district_id").notNull().references(() => districts.id),
    name: text("name").notNull(),
    investor: text("investor").notNull().default(""),
    amount: integer("amount").notNull(),
    isOverseas: integer("is_overseas", { mode: "boolean" }).notNull().default(false),
    isCultureTourism: integer("is_culture_tourism", { mode: "boolean" }).notNull().default(false),
    eventId: integer("event_id").references(() => events.id),
    signedOn: text("signed_on").notNull(),
    landedOn: text("landed_on"),
    projectId: integer("project_id").references(() => projects.id),
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(true),
    updatedBy: integer("updated_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("signings_district_idx").on(t.districtId),
    // Rollups add up one campaign's signings by signature or landing date.
    index("signings_campaign_signed_idx").on(t.campaignId, t.signedOn),
    index("signings_campaign_landed_idx").on(t.campaignId, t.landedOn),
    check("signings_amount_ck", sql`${t.amount} >= 0`),
  ],
);


export const parks = sqliteTable(
  "parks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").notNull().references(() => campaigns.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    districtId: integer("district_id").notNull().references(() => districts.id),
    isPilot: integer("is_pilot", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: PARK_STATUSES }).notNull().default("planning"),
    plannedTrialOn: text("planned_trial_on"),
    trialOperationOn: text("trial_operation_on"),
    areaMu: integer("area_mu"),
    /** WGS 84 degrees; both or neither. */
    longitude: real("longitude"),
    latitude: real("latitude"),
    updatedBy: integer("updated_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("parks_campaign_code_uq").on(t.campaignId, t.code),
    index("parks_district_idx").on(t.districtId),
  ],
);

/** Append-only: never updated or deleted by the app. before/after are JSON of the changed columns. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(now),
    actorUserId: integer("actor_user_id").references(() => users.id),
    actorName: text("actor_name").notNull().default(""),
    action: text("action").notNull(),
    outcome: text("outcome", { enum: ["ok", "denied"] }).notNull().default("ok"),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    districtId: integer("district_id").references(() => districts.id),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    clientAddress: text("client_address"),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_entity_idx").on(t.entity, t.entityId),
    index("audit_events_actor_idx").on(t.actorUserId),
  ],
);

export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(now),
    username: text("username").notNull(),
    clientAddress: text("client_address").notNull(),
    success: integer("success", { mode: "boolean" }).notNull(),
  },
  (t) => [index("login_attempts_username_idx").on(t.username, t.at), index("login_attempts_address_idx").on(t.clientAddress, t.at)],
);

/**
 * One signed-in browser. The JWT cookie only carries this row's id: the guards check it on
 * every request, so idle and absolute timeouts, "sign out everywhere", deactivation and a
 * password change end a session at once.
 */
export const userSessions = sqliteTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id),
    /** users.session_version when the session began; a later bump ends it. */
    sessionVersion: integer("session_version").notNull(),
    createdAt: text("created_at").notNull().default(now),
    lastSeenAt: text("last_seen_at").notNull().default(now),
    revokedAt: text("revoked_at"),
    clientAddress: text("client_address"),
    userAgent: text("user_agent"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/** A username or client address locked out after repeated sign-in failures; lifted early by an admin. */
export const lockouts = sqliteTable(
  "lockouts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // username: the account from every address it has not signed in from lately; address: every
    // account from that address; username_address: one account from one address (key "user@address").
    kind: text("kind", { enum: ["username", "address", "username_address"] }).notNull(),
    key: text("key").notNull(),
    lockedAt: text("locked_at").notNull().default(now),
    lockedUntil: text("locked_until").notNull(),
    failures: integer("failures").notNull(),
    liftedAt: text("lifted_at"),
    liftedBy: integer("lifted_by").references(() => users.id),
  },
  (t) => [index("lockouts_key_idx").on(t.kind, t.key, t.lockedUntil)],
);

/** One-time sign-in steps: a password-checked user waiting for a TOTP code, or a ticket handed to Auth.js. */
export const loginTickets = sqliteTable("login_tickets", {
  id: text("id").primaryKey(),
  userId: integer("user_id").notNull().references(() => users.id),
  purpose: text("purpose", { enum: ["totp", "session"] }).notNull(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
  failures: integer("failures").notNull().default(0),
});

/** 一般 / 重点 / 市领导督办: an overdue order moves up one level. */

/**
 * A supervision order (督办单): the city sends a lagging item to whoever is responsible and
 * follows it until closed (督办 → 整改 → 销号). Exactly one of district / department responds.
 */
export const supervisionOrders = sqliteTable(
  "supervision_orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").notNull().references(() => campaigns.id),
    code: text("code").notNull().unique(),
    subjectType: text("subject_type", { enum: ["indicator", "project", "problem", "other"] }).notNull(),
    indicatorId: integer("indicator_id").references(() => indicators.id),
    projectId: integer("project_id").references(() => projects.id),
    problemId: integer("problem_id").references(() => problems.id),
    /** The data month the lag was seen in (YYYY-MM). */
    month: text("month"),
    districtId: integer("district_id").references(() => districts.id),
    departmentId: integer("department_id").references(() => departments.id),
    issue: text("issue").notNull(),
    requirement: text("requirement").notNull(),
    deadlineOn: text("deadline_on").notNull(),
    level: text("level", { enum: ORDER_LEVELS }).notNull().default("general"),
    escalations: integer("escalations").notNull().default(0),
    lastEscalatedAt: text("last_escalated_at"),
    status: text("status", { enum: ORDER_STATUSES }).notNull().default("open"),
    issuedBy: integer("issued_by").notNull().references(() => users.id),
    issuedAt: text("issued_at").notNull().default(now),
    responseCauses: text("response_causes"),
    responseMeasures: text("response_measures"),
    responseExpectedOn: text("response_expected_on"),
    respondedBy: integer("responded_by").references(() => users.id),
    respondedAt: text("responded_at"),
    returnComment: text("return_comment"),
    returnedBy: integer("returned_by").references(() => users.id),
    returnedAt: text("returned_at"),
    closedBy: integer("closed_by").references(() => users.id),
    closedAt: text("closed_at"),
    closeNote: text("close_note"),
    updatedBy: integer("updated_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("supervision_orders_district_idx").on(t.districtId, t.status),
    index("supervision_orders_department_idx").on(t.departmentId, t.status),
    check("supervision_orders_responsible_ck", sql`(${t.districtId} is null) <> (${t.departmentId} is null)`),
    check("supervision_orders_status_ck", sql`${t.status} in ('open','responded','returned','closed')`),
  ],
);

/** Every step of an order, timestamped: the order's own timeline (the audit log has the full before/after). */
export const orderEvents = sqliteTable(
  "order_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id").notNull().references(() => supervisionOrders.id),
    at: text("at").notNull().default(now),
    actorUserId: integer("actor_user_id").references(() => users.id),
    actorName: text("actor_name").notNull(),
    kind: text("kind", { enum: ["issued", "responded", "returned", "closed", "escalated"] }).notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    note: text("note"),
  },
  (t) => [index("order_events_order_idx").on(t.orderId)],
);


/**
 * A plausibility warning on a number a district entered (a month far above its usual, a
 * cumulative going down, …), saved with the one-line note the district gave to keep the value.
 * Replaced whenever the value is saved again; resolved when the reviewer approves the month.
 * message is the sentence the clerk saw, with the numbers, in Chinese.
 */
export const plausibilityFlags = sqliteTable(
  "plausibility_flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").notNull().references(() => campaigns.id),
    districtId: integer("district_id").notNull().references(() => districts.id),
    month: text("month").notNull(),
    subject: text("subject", { enum: FLAG_SUBJECTS }).notNull(),
    indicatorId: integer("indicator_id").references(() => indicators.id),
    projectId: integer("project_id").references(() => projects.id),
    /** Stable code of the rule, e.g. project_above_remaining_plan (app/_lib/plausibility.ts). */
    rule: text("rule").notNull(),
    message: text("message").notNull(),
    note: text("note").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    resolvedAt: text("resolved_at"),
    resolvedBy: integer("resolved_by").references(() => users.id),
  },
  (t) => [
    index("plausibility_flags_month_idx").on(t.campaignId, t.month, t.districtId),
    check("plausibility_flags_subject_ck", sql`(${t.subject} = 'figure' and ${t.indicatorId} is not null) or (${t.subject} = 'project' and ${t.projectId} is not null)`),
  ],
);

/**
 * What a district-month held when it was submitted or approved: {figures: {indicatorId:
 * {value, numerator, denominator, noData}}, projects: {projectId: investment}}. The review page
 * compares the current values with the last approved snapshot, or after a return with the
 * submission that was returned.
 */
export const reportSnapshots = sqliteTable(
  "report_snapshots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id").notNull().references(() => monthlyReports.id),
    kind: text("kind", { enum: ["submitted", "approved"] }).notNull(),
    at: text("at").notNull().default(now),
    byUserId: integer("by_user_id").references(() => users.id),
    data: text("data", { mode: "json" }).notNull().$type<ReportSnapshotData>(),
  },
  (t) => [index("report_snapshots_report_idx").on(t.reportId, t.id)],
);

export interface ReportSnapshotData {
  figures: Record<string, { value: number | null; numerator: number | null; denominator: number | null; noData: boolean }>;
  projects: Record<string, number>;
}

/**
 * A published value changed by a restatement: the approved value before and after, who reopened
 * the month and why, who approved the correction and when. Append-only; the public pages mark
 * corrected figures "已更正" from these rows and the open-data API lists them.
 */
export const corrections = sqliteTable(
  "corrections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").notNull().references(() => campaigns.id),
    reportId: integer("report_id").notNull().references(() => monthlyReports.id),
    districtId: integer("district_id").notNull().references(() => districts.id),
    month: text("month").notNull(),
    subject: text("subject", { enum: FLAG_SUBJECTS }).notNull(),
    indicatorId: integer("indicator_id").references(() => indicators.id),
    projectId: integer("project_id").references(() => projects.id),
    oldValue: integer("old_value"),
    oldNumerator: integer("old_numerator"),
    oldDenominator: integer("old_denominator"),
    newValue: integer("new_value"),
    newNumerator: integer("new_numerator"),
    newDenominator: integer("new_denominator"),
    reason: text("reason").notNull(),
    reopenedBy: integer("reopened_by").references(() => users.id),
    reopenedAt: text("reopened_at").notNull(),
    approvedBy: integer("approved_by").references(() => users.id),
    approvedAt: text("approved_at").notNull(),
  },
  (t) => [
    index("corrections_campaign_idx").on(t.campaignId, t.month, t.districtId),
    index("corrections_indicator_idx").on(t.indicatorId),
    index("corrections_project_idx").on(t.projectId),
  ],
);

// ---- Notifications (migration 0012) -------------------------------------------------------------

/**
 * One in-app notification for one user: what happened (kind, the record it is about, a link to
 * it) in Chinese and English. Written in the same transaction as the change that caused it.
 * dedupe_key makes timer-made reminders (deadline soon / passed, order due) idempotent.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").notNull().references(() => users.id),
    kind: text("kind").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: integer("subject_id"),
    link: text("link"),
    textZh: text("text_zh").notNull(),
    textEn: text("text_en").notNull(),
    dedupeKey: text("dedupe_key"),
    createdAt: createdAt(),
    readAt: text("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt), uniqueIndex("notifications_dedupe_uq").on(t.userId, t.dedupeKey)],
);

/** A user's choice per event kind and channel (email, webhook); no row = the kind's default. */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: integer("user_id").notNull().references(() => users.id),
    kind: text("kind").notNull(),
    channel: text("channel", { enum: ["email", "webhook"] }).notNull(),
    mode: text("mode", { enum: ["off", "immediate", "digest"] }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.channel] }), check("notification_preferences_mode_ck", sql`${t.mode} in ('off','immediate','digest')`)],
);

/** Where a user's email notifications go (users carry no address of their own). */
export const notificationAddresses = sqliteTable("notification_addresses", {
  userId: integer("user_id").primaryKey().references(() => users.id),
  email: text("email").notNull(),
  version: version(),
  updatedAt: updatedAt(),
});

/**
 * A group-chat robot (企业微信 / 钉钉) that receives a district's, a department's or one user's
 * notifications. The URL was checked when saved (http(s), no private address) and is checked
 * again before every send, since a name can start resolving elsewhere.
 */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    districtId: integer("district_id").references(() => districts.id),
    departmentId: integer("department_id").references(() => departments.id),
    userId: integer("user_id").references(() => users.id),
    label: text("label").notNull(),
    url: text("url").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdBy: integer("created_by").notNull().references(() => users.id),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [check("webhook_endpoints_owner_ck", sql`((${t.districtId} is not null) + (${t.departmentId} is not null) + (${t.userId} is not null)) = 1`)],
);

/**
 * The outbox: every message to send and what became of it. A row is written with the event
 * (never sent inside the request); the worker claims due rows in a write transaction, sends, and
 * records the outcome. Digest items (mode "digest") wait for their day to end and are then folded
 * into one "immediate" message per destination (digest_id points at it).
 */
export const outboxMessages = sqliteTable(
  "outbox_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    channel: text("channel", { enum: ["email", "webhook"] }).notNull(),
    mode: text("mode", { enum: ["immediate", "digest"] }).notNull(),
    userId: integer("user_id").references(() => users.id),
    endpointId: integer("endpoint_id").references(() => webhookEndpoints.id),
    notificationId: integer("notification_id").references(() => notifications.id),
    kind: text("kind").notNull(),
    /** The Asia/Shanghai day the event happened: digest items of one day go out together. */
    day: text("day").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed", "digested"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull().default(now),
    lastError: text("last_error"),
    claimToken: text("claim_token"),
    claimedAt: text("claimed_at"),
    sentAt: text("sent_at"),
    digestId: integer("digest_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_messages_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_messages_digest_idx").on(t.mode, t.status, t.day),
    check("outbox_messages_destination_ck", sql`(${t.channel} = 'email' and ${t.userId} is not null) or (${t.channel} = 'webhook' and ${t.endpointId} is not null)`),
    check("outbox_messages_status_ck", sql`${t.status} in ('pending','sending','sent','failed','digested')`),
  ],
);

export * from "./schema-evidence";

/**
 * A district's boundary for the map (migration 0011): GeoJSON MultiPolygon coordinates in WGS 84
 * degrees, loaded in set-up from the city's FeatureCollection. A district without a row is
 * drawn as missing, never invented. `source` names where the boundaries came from and their licence.
 */
export const districtBoundaries = sqliteTable("district_boundaries", {
  districtId: integer("district_id").primaryKey().references(() => districts.id),
  /** JSON: [[[[lon, lat], …ring], …polygon], …] */
  coordinates: text("coordinates").notNull(),
  source: text("source").notNull().default(""),
  updatedBy: integer("updated_by").references(() => users.id),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
