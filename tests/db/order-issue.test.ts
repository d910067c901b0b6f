import { describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import type { NewOrder } from "@/db/mutations/orders";
import { demoAppDatabase } from "../support/demo-app-db";

/*
 * Issuing a supervision order checks, inside its write transaction, every id the issuer's form
 * named: the responsible district or department exists and is active, and the indicator, project
 * or problem it is about belongs to the order's campaign. Before, the action looked them up
 * itself before the write, and a problem was not checked against the campaign at all.
 */

let open: OpenDatabase;
let orders: typeof import("@/db/mutations/orders");
demoAppDatabase("tuijin-order-issue-", async (db) => {
  open = db;
  orders = await import("@/db/mutations/orders");
});

const actor = { id: 1, name: "专项办", clientAddress: "127.0.0.1" };
const one = async (sql: string, args: (string | number)[] = []) => Number((await open.client.execute({ sql, args })).rows[0]![0]);
const counts = async () => ({
  orders: await one("select count(*) from supervision_orders"),
  events: await one("select count(*) from order_events"),
  audit: await one("select count(*) from audit_events where action = 'order.issue'"),
});

async function ids() {
  const campaign = await one("select id from campaigns where year = 2023");
  const district = await one("select id from districts where code = 'anxi'");
  const department = await one("select id from departments order by id limit 1");
  const indicator = await one("select id from indicators where campaign_id = ? order by id limit 1", [campaign]);
  const problem = await one("select pr.id from problems pr join projects p on p.id = pr.project_id where p.campaign_id = ? order by pr.id limit 1", [campaign]);
  const project = await one("select id from projects where campaign_id = ? order by id limit 1", [campaign]);
  return { campaign, district, department, indicator, problem, project };
}

function order(campaignId: number, over: Partial<NewOrder>): NewOrder {
  return {
    campaignId, subjectType: "other", indicatorId: null, projectId: null, problemId: null, month: "2023-10",
    districtId: null, departmentId: null, issue: "进度落后", requirement: "本月内整改", deadlineOn: "2023-11-30", level: "general", ...over,
  };
}

describe("issuing a supervision order", () => {
  it("issues one whose ids exist, with its timeline event and audit row", async () => {
    const x = await ids();
    const before = await counts();
    const r = await orders.issueOrder(open, order(x.campaign, { subjectType: "problem", problemId: x.problem, districtId: x.district }), actor);
    expect(r.ok).toBe(true);
    expect(await counts()).toEqual({ orders: before.orders + 1, events: before.events + 1, audit: before.audit + 1 });
  });

  it("refuses a responsible unit that does not exist, is inactive, or is two at once, and stores nothing", async () => {
    const x = await ids();
    const before = await counts();
    expect(await orders.issueOrder(open, order(x.campaign, { districtId: 999_999 }), actor)).toEqual({ ok: false, reason: "responsible" });
    expect(await orders.issueOrder(open, order(x.campaign, { departmentId: 999_999 }), actor)).toEqual({ ok: false, reason: "responsible" });
    expect(await orders.issueOrder(open, order(x.campaign, {}), actor)).toEqual({ ok: false, reason: "responsible" });
    expect(await orders.issueOrder(open, order(x.campaign, { districtId: x.district, departmentId: x.department }), actor)).toEqual({ ok: false, reason: "responsible" });
    await open.client.execute({ sql: "update districts set active = 0 where id = ?", args: [x.district] });
    try {
      expect(await orders.issueOrder(open, order(x.campaign, { districtId: x.district }), actor)).toEqual({ ok: false, reason: "responsible" });
    } finally {
      await open.client.execute({ sql: "update districts set active = 1 where id = ?", args: [x.district] });
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses an indicator, project or problem of another campaign, and stores nothing", async () => {
    const x = await ids();
    const other = await one(
      `insert into campaigns (slug, year, city_name, title, starts_on, ends_on, status)
       values ('order-issue-test', 2031, '泉州市', '另一年的专项', '2031-01-01', '2031-12-31', 'draft') returning id`,
    );
    const before = await counts();
    for (const subject of [
      { subjectType: "indicator", indicatorId: x.indicator },
      { subjectType: "project", projectId: x.project },
      { subjectType: "problem", problemId: x.problem },
      { subjectType: "indicator", indicatorId: 999_999 },
    ] as Partial<NewOrder>[]) {
      expect(await orders.issueOrder(open, order(other, { ...subject, districtId: x.district }), actor), JSON.stringify(subject)).toEqual({ ok: false, reason: "subject" });
      // The same subject in its own campaign is accepted (the refusal is about the campaign).
      if (!subject.indicatorId || subject.indicatorId !== 999_999) expect((await orders.issueOrder(open, order(x.campaign, { ...subject, districtId: x.district }), actor)).ok).toBe(true);
    }
    const after = await counts();
    expect(after.orders - before.orders).toBe(3);
    expect(after.audit - before.audit).toBe(3);
  });
});
