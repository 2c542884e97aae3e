// Reads run.sh's JSON lines on stdin; prints the median of each figure per version, database and
// load strategy (the machine is shared: single runs vary, medians of alternating runs compare).
import { createInterface } from "node:readline";

const groups = new Map();
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.startsWith("{")) continue;
  const run = JSON.parse(line);
  const key = `${run.database.split(" ")[0]} ${run.loadStrategy} ${run.mikroOrm}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(run);
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const rows = [];
for (const [key, runs] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
  const [database, loadStrategy, mikroOrm] = key.split(" ");
  const figure = (i, name) => +median(runs.map((r) => r.results[i][name])).toFixed(name === "opsPerSec" ? 1 : 3);
  rows.push({
    database,
    loadStrategy,
    mikroOrm,
    runs: runs.length,
    "find ops/s": figure(0, "opsPerSec"),
    "find CPU ms/op": figure(0, "cpuMsPerOp"),
    "find SQL/op": figure(0, "statementsPerOp"),
    "flush ops/s": figure(1, "opsPerSec"),
    "flush CPU ms/op": figure(1, "cpuMsPerOp"),
    "flush SQL/op": figure(1, "statementsPerOp"),
  });
}
console.table(rows);
