/** Who did it: "王芳（jj.wang）", 系统 for the timer, or the name recorded at the time. */
export function actorText(r: { actorDisplayName: string | null; actorName: string }): string {
  if (r.actorDisplayName) return `${r.actorDisplayName}（${r.actorName}）`;
  if (r.actorName === "system") return "系统";
  return r.actorName || "—";
}
