/**
 * The code tuples the data model uses (stable lowercase slugs stored in the database). Pure: the
 * schema, the policy and the labels all take them from here.
 */
export const DISTRICT_KINDS = ["district", "county_city", "county", "development_zone"] as const;
export type DistrictKind = (typeof DISTRICT_KINDS)[number];
export const ROLES = ["city_admin", "city_leader", "district_editor", "department_editor"] as const;
export type Role = (typeof ROLES)[number];
export const CAMPAIGN_STATUSES = ["draft", "active", "archived"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const INDICATOR_KINDS = ["reported", "derived", "milestone"] as const;
export const AGGREGATIONS = ["sum", "ratio", "count"] as const;
export const ACCUMULATIONS = ["flow", "stock"] as const;
export const REPORT_STATUSES = ["draft", "submitted", "approved", "returned"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const PROJECT_STAGES = ["preparing", "under_construction", "completed", "suspended"] as const;
export const PROJECT_KEY_LEVELS = ["city", "province", "general"] as const;
export type ProjectKeyLevel = (typeof PROJECT_KEY_LEVELS)[number];
export const PROBLEM_TYPES = ["land_approval", "relocation", "grid_relocation", "other"] as const;
export const PROBLEM_STATUSES = ["open", "in_progress", "resolved"] as const;
export const ESCALATION_LEVELS = ["district", "city", "province"] as const;
export const PARK_STATUSES = ["planning", "construction", "trial_operation", "operating"] as const;
export const ORDER_STATUSES = ["open", "responded", "returned", "closed"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_LEVELS = ["general", "key", "leader"] as const;
export type OrderLevel = (typeof ORDER_LEVELS)[number];
export const FLAG_SUBJECTS = ["figure", "project"] as const;
