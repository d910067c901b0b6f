import type { Role } from "./codes";
import type { PaceStatus } from "./pace";

/** Pace in words (colour is never the only signal): pages, badges, workbooks and the map legend. */
export const PACE_LABELS: Record<PaceStatus, string> = {
  ahead: "正常",
  behind: "落后",
  lagging: "严重落后",
  no_target: "未设目标",
  no_data: "暂无数据",
};

/** How an indicator gets its numbers, in the office's words (set-up, dashboard, workbooks). */
export const INDICATOR_KIND_LABELS = { reported: "填报", derived: "台账计算", milestone: "里程碑" } as const;

export const ROLE_LABELS: Record<Role, string> = {
  city_admin: "专项办管理员",
  city_leader: "市领导",
  district_editor: "区县填报员",
  department_editor: "市直部门填报员",
};

/** The kinds of place on a district's map, in both public languages. */
export const MAP_POINT_KIND_LABELS = {
  zh: { project: "项目", park: "园区", pilot: "试点园区" },
  en: { project: "Project", park: "Park", pilot: "Pilot park" },
} as const;

export const DISTRICT_KIND_LABELS = { district: "区", county_city: "县级市", county: "县", development_zone: "开发区" } as const;

export const REPORT_STATE_LABELS = {
  draft: "草稿",
  submitted: "已报送，待审核",
  returned: "已退回，待修改",
  approved: "已审核",
  locked: "已锁定",
} as const;

export const REPORT_STATE_STYLES = {
  draft: "bg-slate-100 text-slate-800",
  submitted: "bg-blue-50 text-blue-800",
  returned: "bg-amber-100 text-amber-900",
  approved: "bg-green-50 text-green-800",
  locked: "bg-slate-200 text-slate-700",
} as const;

export const ORDER_LEVEL_LABELS = { general: "一般督办", key: "重点督办", leader: "市领导督办" } as const;
export const ORDER_STATUS_LABELS = { open: "待办理", responded: "已反馈，待销号", returned: "已退回，重新办理", closed: "已销号" } as const;
export const ORDER_STATUS_STYLES = {
  open: "bg-blue-50 text-blue-800",
  responded: "bg-amber-50 text-amber-900",
  returned: "bg-red-50 text-red-800",
  closed: "bg-green-50 text-green-800",
} as const;
