import { describe, expect, it } from "vitest";
import { ACTIONS, can, REPORT_STATES, type Action, type Principal, type ReportState, type Resource } from "@/domain/policy";

/**
 * The policy table written out by hand: for each kind of caller and each action, the states of
 * the district-month (plus "none": not tied to a month) in which the action is allowed on
 * district 1's data owned by department 7. Everything not listed must be refused.
 */
type StateKey = ReportState | "none";
const ALL: StateKey[] = ["none", ...REPORT_STATES];
const OPEN: StateKey[] = ["none", "draft", "returned"];

const DISTRICT = 1;
const DEPARTMENT = 7;

const callers: Record<string, Principal | null> = {
  anonymous: null,
  city_admin: { id: 1, role: "city_admin", districtId: null, departmentId: null, active: true },
  city_leader: { id: 2, role: "city_leader", districtId: null, departmentId: null, active: true },
  district_editor_same: { id: 3, role: "district_editor", districtId: DISTRICT, departmentId: null, active: true },
  district_editor_other: { id: 4, role: "district_editor", districtId: 2, departmentId: null, active: true },
  department_editor_owner: { id: 5, role: "department_editor", districtId: null, departmentId: DEPARTMENT, active: true },
  department_editor_other: { id: 6, role: "department_editor", districtId: null, departmentId: 8, active: true },
  deactivated_admin: { id: 7, role: "city_admin", districtId: null, departmentId: null, active: false },
  deactivated_editor: { id: 8, role: "district_editor", districtId: DISTRICT, departmentId: null, active: false },
};

const allowed: Record<string, Partial<Record<Action, StateKey[]>>> = {
  anonymous: { "public.read": ALL },
  city_admin: {
    "public.read": ALL,
    "city.read": ALL,
    "export.download": ALL,
    "report.read": ALL,
    "report.edit": ["none", "draft", "returned", "submitted"],
    "record.edit": ["none", "draft", "returned", "submitted"],
    "report.review": ALL,
    "report.approve": ["submitted"],
    "report.return": ["submitted"],
    "report.reopen": ["approved"],
    "period.lock": ["approved"],
    "period.unlock": ["locked"],
    "user.manage": ALL,
    "lockout.lift": ALL,
    "audit.read": ALL,
    "campaign.manage": ALL,
    "account.update": ALL,
    "order.issue": ALL,
    "order.read": ALL,
  },
  city_leader: { "public.read": ALL, "city.read": ALL, "export.download": ALL, "report.read": ALL, "account.update": ALL, "order.issue": ALL, "order.read": ALL },
  district_editor_same: {
    "public.read": ALL,
    "report.read": ALL,
    "report.edit": OPEN,
    "record.edit": OPEN,
    "report.submit": ["draft", "returned"],
    "account.update": ALL,
  },
  district_editor_other: { "public.read": ALL, "account.update": ALL },
  department_editor_owner: { "public.read": ALL, "report.read": ALL, "report.edit": OPEN, "record.edit": OPEN, "account.update": ALL },
  department_editor_other: { "public.read": ALL, "account.update": ALL },
  deactivated_admin: { "public.read": ALL },
  deactivated_editor: { "public.read": ALL },
};

const cases: [string, Action, StateKey, boolean][] = [];
for (const caller of Object.keys(callers)) {
  for (const action of ACTIONS) {
    for (const state of ALL) {
      cases.push([caller, action, state, (allowed[caller]![action] ?? []).includes(state)]);
    }
  }
}

describe("policy: can(user, action, resource)", () => {
  it("covers every caller × action × state", () => {
    expect(cases.length).toBe(Object.keys(callers).length * ACTIONS.length * ALL.length);
  });

  it.each(cases)("%s · %s · %s → %s", (caller, action, state, expected) => {
    const resource: Resource = { districtId: DISTRICT, ownerDepartmentIds: [DEPARTMENT] };
    if (state !== "none") resource.state = state;
    expect(can(callers[caller]!, action, resource)).toBe(expected);
  });

  it("refuses a district editor whose resource names no district", () => {
    expect(can(callers.district_editor_same!, "report.edit", { state: "draft" })).toBe(false);
  });

  it("refuses a department editor when the data has no owning department", () => {
    expect(can(callers.department_editor_owner!, "record.edit", { districtId: DISTRICT })).toBe(false);
  });

  it("refuses a district editor without a district even against a resource without one", () => {
    const broken: Principal = { id: 9, role: "district_editor", districtId: null, departmentId: null, active: true };
    expect(can(broken, "record.edit", { districtId: null })).toBe(false);
  });
});

/**
 * Supervision orders: the order for district 1 (or department 7), in each of its states. Only
 * city roles issue, send back and close; only the responsible side reads and answers.
 */
const ORDER_STATES = ["open", "responded", "returned", "closed"] as const;
const orderAllowed: Record<string, Partial<Record<"order.read" | "order.respond" | "order.return" | "order.close", readonly string[]>>> = {
  anonymous: {},
  city_admin: { "order.read": ORDER_STATES, "order.return": ["responded"], "order.close": ["responded"] },
  city_leader: { "order.read": ORDER_STATES, "order.return": ["responded"], "order.close": ["responded"] },
  district_editor_same: { "order.read": ORDER_STATES, "order.respond": ["open", "returned"] },
  district_editor_other: {},
  department_editor_owner: {},
  department_editor_other: {},
  deactivated_admin: {},
  deactivated_editor: {},
};
const departmentOrderAllowed: Record<string, Partial<Record<"order.read" | "order.respond", readonly string[]>>> = {
  department_editor_owner: { "order.read": ORDER_STATES, "order.respond": ["open", "returned"] },
  department_editor_other: {},
  district_editor_same: {},
};

describe("policy: supervision orders", () => {
  for (const [caller, rules] of Object.entries(orderAllowed)) {
    for (const action of ["order.read", "order.respond", "order.return", "order.close"] as const) {
      for (const status of ORDER_STATES) {
        const expected = (rules[action] ?? []).includes(status);
        it(`${caller} · ${action} · district order ${status} → ${expected}`, () => {
          expect(can(callers[caller]!, action, { order: { districtId: DISTRICT, departmentId: null, status } })).toBe(expected);
        });
      }
    }
  }
  for (const [caller, rules] of Object.entries(departmentOrderAllowed)) {
    for (const action of ["order.read", "order.respond"] as const) {
      for (const status of ORDER_STATES) {
        const expected = (rules[action] ?? []).includes(status);
        it(`${caller} · ${action} · department order ${status} → ${expected}`, () => {
          expect(can(callers[caller]!, action, { order: { districtId: null, departmentId: DEPARTMENT, status } })).toBe(expected);
        });
      }
    }
  }
  it("never lets anyone answer an order without knowing whose it is", () => {
    expect(can(callers.district_editor_same!, "order.respond", {})).toBe(false);
  });
});
