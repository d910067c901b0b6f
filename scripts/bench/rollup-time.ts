/**
 * Times the dashboard rollup on one database (run with --conditions=react-server, as the server
 * runs it): cold = computed from the rows; warm = reused while the data is unchanged. Prints JSON.
 */
const file = process.argv[2];
process.env.DATABASE_URL = `file:${file}`;
const { computeCampaignRollups, getCampaignRollups } = await import("../../app/_lib/city-data");
const { loadKeyProjectSectors } = await import("../../db/queries/key-project-sectors");
const { getDatabase } = await import("../../db/index");
const { db } = await getDatabase();
const id = Number(((await db.all("select id from campaigns where year = 2023")) as { id: number }[])[0]!.id);
const month = "2023-10";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cold: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await computeCampaignRollups(id, month, "official", 500);
  await loadKeyProjectSectors(id, month, "official");
  cold.push(performance.now() - t);
}
await getCampaignRollups(id, month, "official", 500);
const warm: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await getCampaignRollups(id, month, "official", 500);
  warm.push(performance.now() - t);
}
console.log(JSON.stringify({ cold: median(cold), warm: median(warm) }));
export {};
