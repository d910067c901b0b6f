/**
 * The map as an SVG string, built on the server like the other charts (no map library and
 * nothing fetched reaches the browser). Each district is a path with its fill, its status as a
 * data attribute and a <title> for hover; points (projects, parks) are circles and squares with
 * their own titles. Colours come from pace (PACE_FILL). Pure: no I/O.
 */
import type { PaceStatus } from "../pace";
import type { MultiPolygonCoords, Position } from "./geojson";
import { boundsOf, fitProjection, labelPoint, pathOf } from "./projection";

/** The pace colours of the app's badges (globals.css --color-ahead …); grey without a status. */
export const PACE_FILL: Record<PaceStatus, string> = {
  ahead: "#15803d",
  behind: "#b45309",
  lagging: "#b91c1c",
  no_target: "#cbd5e1",
  no_data: "#cbd5e1",
};
export const FOCUS_FILL = "#fde68a";
export const PLAIN_FILL = "#e2e8f0";

export interface MapArea {
  key: string;
  label: string;
  shape: MultiPolygonCoords;
  fill: string;
  status?: PaceStatus;
  /** Hover text: "晋江市：正常，完成 80.1%，序时 75.0%" */
  title: string;
}

export interface MapPoint {
  kind: "project" | "park";
  position: Position;
  title: string;
}

export const POINT_FILL: Record<MapPoint["kind"], string> = { project: "#1d4ed8", park: "#7c3aed" };

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Returns null when there is nothing to draw (no boundaries and no points). */
export function renderMapSvg(opts: {
  areas: readonly MapArea[];
  points?: readonly MapPoint[];
  title: string;
  width?: number;
  maxHeight?: number;
  labels?: boolean;
  /** Fit the view to these areas (and the points) only; the others are drawn around them, clipped. */
  fitKeys?: readonly string[];
}): string | null {
  const points = opts.points ?? [];
  const fit = opts.fitKeys ? opts.areas.filter((a) => opts.fitKeys!.includes(a.key)) : opts.areas;
  const b = boundsOf(
    fit.map((a) => a.shape),
    points.map((p) => p.position),
  );
  if (!b) return null;
  const proj = fitProjection(b, opts.width ?? 560, opts.maxHeight ?? 520, 12);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${proj.width} ${proj.height}" width="${proj.width}" height="${proj.height}" role="img" aria-label="${escapeXml(opts.title)}" style="max-width:100%;height:auto">`,
    `<title>${escapeXml(opts.title)}</title>`,
  );
  for (const a of opts.areas) {
    out.push(
      `<path data-district="${escapeXml(a.key)}"${a.status ? ` data-status="${a.status}"` : ""} d="${pathOf(a.shape, proj)}" fill="${a.fill}" fill-rule="evenodd" stroke="#ffffff" stroke-width="1.2"><title>${escapeXml(a.title)}</title></path>`,
    );
  }
  if (opts.labels !== false) {
    for (const a of opts.areas) {
      const at = labelPoint(a.shape);
      if (!at) continue;
      const [x, y] = proj.project(at[0], at[1]);
      out.push(
        `<text x="${x}" y="${y}" text-anchor="middle" dominant-baseline="middle" font-size="11" fill="#0f172a" stroke="#ffffff" stroke-width="3" paint-order="stroke" pointer-events="none" aria-hidden="true">${escapeXml(a.label)}</text>`,
      );
    }
  }
  for (const p of points) {
    const [x, y] = proj.project(p.position[0], p.position[1]);
    const title = `<title>${escapeXml(p.title)}</title>`;
    out.push(
      p.kind === "park"
        ? `<rect data-point="park" x="${x - 5}" y="${y - 5}" width="10" height="10" fill="${POINT_FILL.park}" stroke="#ffffff" stroke-width="1.5">${title}</rect>`
        : `<circle data-point="project" cx="${x}" cy="${y}" r="5" fill="${POINT_FILL.project}" stroke="#ffffff" stroke-width="1.5">${title}</circle>`,
    );
  }
  out.push("</svg>");
  return out.join("");
}
