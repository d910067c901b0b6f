import "server-only";
import type ExcelJS from "exceljs";
import { ORDER_LEVEL_LABELS, ORDER_STATUS_LABELS } from "@/domain/labels";
import { guardTextCells, styledSheet } from "@/app/_lib/excel/workbook";
import type { OrderLevel, OrderStatus } from "@/domain/codes";
import { formatDateTime } from "@/domain/format";

export interface OrderStatRow {
  name: string;
  issued: number;
  active: number;
  overdue: number;
  closed: number;
  avgDaysToClose: number | null;
}

export interface OrderListRow {
  code: string;
  status: OrderStatus;
  level: OrderLevel;
  districtName: string | null;
  departmentName: string | null;
  deadlineOn: string;
  issuedAt: string;
  issue: string;
  issuerName: string | null;
  escalations: number;
  overdueDays: number;
}

/** /city/orders: the per-district counts, and the orders the page lists (with its filters). */
export function orderSheets(wb: ExcelJS.Workbook, stats: OrderStatRow[], orders: OrderListRow[]): void {
  const ws = styledSheet(wb, "各区县督办情况", [
    { header: "区县", key: "name", width: 22 },
    { header: "已下达（件）", key: "issued", width: 12 },
    { header: "在办（件）", key: "active", width: 11 },
    { header: "逾期（件）", key: "overdue", width: 11 },
    { header: "已销号（件）", key: "closed", width: 12 },
    { header: "平均办结天数（天）", key: "avg", width: 16, numFmt: "0.0" },
  ]);
  for (const s of stats) ws.addRow({ ...s, avg: s.avgDaysToClose == null ? null : Math.round(s.avgDaysToClose * 10) / 10 });

  const list = styledSheet(wb, "督办单", [
    { header: "编号", key: "code", width: 16 },
    { header: "状态", key: "status", width: 16 },
    { header: "督办级别", key: "level", width: 12 },
    { header: "逾期（天）", key: "overdue", width: 10 },
    { header: "责任单位", key: "unit", width: 20 },
    { header: "办理期限", key: "deadline", width: 12 },
    { header: "下达时间", key: "issuedAt", width: 18 },
    { header: "下达人", key: "issuer", width: 12 },
    { header: "逾期升级（次）", key: "escalations", width: 12 },
    { header: "督办事项", key: "issue", width: 60 },
  ]);
  for (const o of orders) {
    const row = list.addRow({
      code: o.code,
      status: ORDER_STATUS_LABELS[o.status],
      level: ORDER_LEVEL_LABELS[o.level],
      overdue: o.overdueDays,
      unit: o.districtName ?? o.departmentName ?? "",
      deadline: o.deadlineOn,
      issuedAt: formatDateTime(o.issuedAt),
      issuer: o.issuerName ?? "",
      escalations: o.escalations,
      issue: o.issue,
    });
    row.getCell("issue").alignment = { wrapText: true, vertical: "top" };
  }
  guardTextCells(wb);
}
