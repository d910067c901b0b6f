import { describe, expect, it } from "vitest";
import { getDict } from "@/app/_lib/i18n";
import { formatDateTime } from "@/domain/format/dates";
import { todayInShanghai } from "@/domain/months";

/* Days and times are Beijing time whatever the server's zone, also past UTC midnight (formatters built once, issue #17). */

describe("dates in Asia/Shanghai", () => {
  it("today is the Beijing date: 17:30 UTC is already the next day, 15:59 UTC is not", () => {
    expect(todayInShanghai(new Date("2026-03-04T17:30:00Z"))).toBe("2026-03-05");
    expect(todayInShanghai(new Date("2026-03-04T15:59:00Z"))).toBe("2026-03-04");
    expect(todayInShanghai(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });

  it("a timestamp is written in Beijing time, in Chinese and in English", () => {
    expect(formatDateTime("2026-03-04T17:30:00Z")).toBe("2026/03/05 01:30");
    expect(formatDateTime("2026-03-04T17:30:00Z", "en")).toBe("5 Mar 2026, 01:30 (Beijing time)");
  });

  it("a correction's day is the Beijing day, in both languages", () => {
    expect(getDict("zh").corrections.day("2026-03-04T17:30:00Z")).toBe("2026年3月5日");
    expect(getDict("en").corrections.day("2026-03-04T17:30:00Z")).toBe("5 Mar 2026");
  });
});
