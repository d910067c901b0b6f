import { describe, expect, it } from "vitest";
import { effectiveOrderLevel, isOrderOverdue } from "@/domain/order-level";

const order = { level: "general" as const, status: "open" as const, deadlineOn: "2023-11-01", lastEscalatedAt: null };

describe("the level an order shows at read time", () => {
  it("an unanswered order past its deadline shows one level up before the timer has stored it", () => {
    expect(effectiveOrderLevel(order, "2023-11-02")).toBe("key");
    expect(effectiveOrderLevel({ ...order, level: "key", status: "returned" }, "2023-11-02")).toBe("leader");
    expect(effectiveOrderLevel({ ...order, level: "leader" }, "2023-11-02")).toBe("leader");
  });

  it("on its deadline day, or once answered or closed, it keeps its level", () => {
    expect(effectiveOrderLevel(order, "2023-11-01")).toBe("general");
    expect(effectiveOrderLevel({ ...order, status: "responded" }, "2023-12-01")).toBe("general");
    expect(effectiveOrderLevel({ ...order, status: "closed" }, "2023-12-01")).toBe("general");
    expect(isOrderOverdue({ ...order, status: "responded" }, "2023-12-01")).toBe(false);
  });

  it("once the timer has escalated it, the stored level is shown, not one more step", () => {
    expect(effectiveOrderLevel({ ...order, level: "key", lastEscalatedAt: "2023-11-02T00:00:00Z" }, "2023-12-01")).toBe("key");
  });
});
