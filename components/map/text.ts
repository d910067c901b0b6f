/** The map's words in both page languages (staff pages are Chinese). */
export type MapLocale = "zh" | "en";

export const MAP_TEXT = {
  zh: {
    indicator: "地图指标",
    show: "显示",
    legend: "图例",
    noBoundaries: "尚未导入区县边界，暂无地图（专项办可在“专项设置 → 区县边界”中导入）。下表列出各区县的进度。",
    missing: (names: string[]) => `${names.join("、")}没有边界数据，未在图中绘出，进度见右表。`,
    source: (s: string) => `边界来源：${s}`,
    tableCaption: (c: string) => `${c}：各区县进度（与地图颜色对应）`,
    district: "区县",
    status: "进度",
    points: (projects: number, parks: number) => `图中蓝色圆点为有坐标的项目（${projects} 个），紫色方块为园区（${parks} 个）。`,
    noPoints: "本区县还没有登记坐标的项目或园区。",
    noDistrictBoundary: "本区县没有边界数据，图中只标出项目和园区的位置。",
  },
  en: {
    indicator: "Indicator on the map",
    show: "Show",
    legend: "Legend",
    noBoundaries: "No district boundaries have been loaded yet. The table lists each district's progress.",
    missing: (names: string[]) => `${names.join(", ")}: no boundary data, not drawn; see the table for their progress.`,
    source: (s: string) => `Boundaries: ${s}`,
    tableCaption: (c: string) => `${c}: progress by district (as coloured on the map)`,
    district: "District",
    status: "Progress",
    points: (projects: number, parks: number) => `Blue dots: projects with a location (${projects}); purple squares: parks (${parks}).`,
    noPoints: "No project or park in this district has a location yet.",
    noDistrictBoundary: "This district has no boundary data; the map shows only its project and park locations.",
  },
} as const;
