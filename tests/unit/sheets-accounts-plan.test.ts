import { describe, expect, it } from "vitest";
import { parseCsv, readAccountsCsv } from "@/app/_lib/excel/accounts-sheet";
import { planAccounts, type SheetLine } from "@/app/(staff)/city/users/bulk/plan";

const ctx = {
  districts: [
    { id: 1, code: "jinjiang", name: "晋江市" },
    { id: 2, code: "licheng", name: "鲤城区" },
  ],
  departments: [{ id: 7, code: "commerce", name: "市商务局" }],
  existing: [
    { id: 40, username: "old.clerk", displayName: "老张", role: "district_editor" as const, districtId: 2, departmentId: null, version: 3 },
    { id: 1, username: "admin", displayName: "管理员", role: "city_admin" as const, districtId: null, departmentId: null, version: 1 },
  ],
};
const line = (n: number, username: string, displayName: string, role: string, scope: string): SheetLine => ({ line: n, username, displayName, role, scope });

describe("planning an account sheet", () => {
  it("plans creations and updates, taking roles and scopes by Chinese name or code", () => {
    const r = planAccounts([line(2, "JJ.Wang", "王芳", "区县填报员", "晋江市"), line(3, "old.clerk", "张伟", "department_editor", "commerce"), line(4, "boss", "李市长", "市领导", "")], ctx);
    expect(r).toEqual({
      ok: true,
      plan: [
        { kind: "create", line: 2, username: "jj.wang", displayName: "王芳", role: "district_editor", districtId: 1, departmentId: null },
        { kind: "update", line: 3, id: 40, version: 3, username: "old.clerk", displayName: "张伟", role: "department_editor", districtId: null, departmentId: 7 },
        { kind: "create", line: 4, username: "boss", displayName: "李市长", role: "city_leader", districtId: null, departmentId: null },
      ],
    });
  });

  it("lists every bad row with its line number and plans nothing", () => {
    const r = planAccounts(
      [
        line(2, "good.one", "好", "区县填报员", "晋江市"),
        line(3, "x", "短名", "区县填报员", "晋江市"),
        line(4, "no.district", "无区", "区县填报员", "火星区"),
        line(5, "good.one", "重复", "区县填报员", "鲤城区"),
        line(6, "admin", "改管理员", "市领导", ""),
        line(7, "boss2", "", "专项办管理员", ""),
      ],
      ctx,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => [e.line, e.message])).toEqual([
      [3, "用户名“x”无效：用户名为 3–32 个字符，只能包含小写字母、数字、下划线（_）、连字符（-）和点（.）"],
      [4, "没有名称或代码为“火星区”的区县（或已停用）"],
      [5, "用户名“good.one”与第 2 行重复"],
      [6, "“admin”是专项办管理员账号，不能用表格修改"],
      [7, "请输入姓名"],
      [7, "专项办管理员账号须在“新建用户”中逐个创建"],
    ]);
  });
});

describe("account CSV", () => {
  it("reads quoted fields, doubled quotes and CRLF, UTF-8 with BOM or GB18030", () => {
    expect(parseCsv('a,"b,c","d""e"\r\n1,2,3\n')).toEqual([
      ["a", "b,c", 'd"e'],
      ["1", "2", "3"],
    ]);
    const text = "用户名,姓名,角色,区县或部门\r\njj.li,李娜,区县填报员,晋江市\r\n";
    const limits = { maxRows: 100, maxCellChars: 100 };
    const utf8 = readAccountsCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), limits);
    expect(utf8).toEqual({ lines: [{ line: 2, username: "jj.li", displayName: "李娜", role: "区县填报员", scope: "晋江市" }] });
    // "李娜" in GB18030, inside an otherwise ASCII file.
    const gb = readAccountsCsv(new Uint8Array([...new TextEncoder().encode("username,name,role,scope\njj.li,"), 0xc0, 0xee, 0xc4, 0xc8, ...new TextEncoder().encode(",district_editor,jinjiang\n")]), limits);
    expect(gb).toEqual({ lines: [{ line: 2, username: "jj.li", displayName: "李娜", role: "district_editor", scope: "jinjiang" }] });
  });
});
