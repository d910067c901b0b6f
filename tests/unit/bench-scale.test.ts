import { describe, expect, it } from "vitest";
import { averagedRuns, mirrored } from "../../scripts/bench/scale";
import { cpuMs, type Measure } from "../../scripts/bench/http";

/**
 * The bench's growth comparison (npm run bench): the cities' dashboards measured in mirrored order,
 * each city's figures the mean of its two, so a host that slows down steadily during the
 * comparison does not make the later cities look slower.
 */
describe("the dashboard growth comparison", () => {
  it("measures each city once forwards and once backwards", () => {
    expect(mirrored(["big", "small", "d40", "i200"])).toEqual(["big", "small", "d40", "i200", "i200", "d40", "small", "big"]);
  });

  it("cancels a steady drift: on a host slowing by the same step per measurement, equal cities come out equal", () => {
    const cities = ["big", "small", "d40", "i200"];
    const order = mirrored(cities);
    const runs = new Map<string, Measure[]>(cities.map((c) => [c, []]));
    order.forEach((c, i) => {
      const p95 = 100 + 10 * i; // the same dashboard cost, measured later on a slower host
      runs.get(c)!.push({ name: c, rps: 1000 / p95, p50: p95 / 2, p95, p99: p95 * 1.2, errors: i === 3 ? 1 : 0, requests: 100, bytes: 5000 });
    });
    const means = cities.map((c) => averagedRuns(c, runs.get(c)!));
    for (const m of means) expect(m.p95).toBeCloseTo(135, 9);
    // Measured one after another (the first four alone), the last city would look 30 % slower.
    expect(runs.get("i200")![0]!.p95 / runs.get("big")![0]!.p95).toBeCloseTo(1.3, 9);
    expect(means.find((m) => m.name === "i200")!.errors).toBe(1);
    expect(means[0]!.requests).toBe(200);
  });

  it("takes the work as the server's CPU time per request, averaged like the rest", () => {
    const m = (cpu: number): Measure => ({ name: "big", rps: 100, p50: 50, p95: 90, p99: 120, errors: 0, requests: 1000, bytes: 5000, cpuMsPerRequest: cpu });
    expect(averagedRuns("big", [m(4), m(6)]).cpuMsPerRequest).toBe(5);
    // A process's CPU time, read from /proc, grows by the time it computes.
    const before = cpuMs(process.pid);
    const until = Date.now() + 200;
    let spins = 0;
    while (Date.now() < until) spins++;
    expect(spins).toBeGreaterThan(0);
    expect(cpuMs(process.pid) - before).toBeGreaterThanOrEqual(100);
  });
});
