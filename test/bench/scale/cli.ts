import "reflect-metadata";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { openDatabase } from "../../../src/database/orm";
import { SeedRefusedError, seedScale } from "./seed-scale";
import { TABLE_NAMES } from "./tables";

/**
 * `npm run seed:scale -- --partijen 100000 [--replace] [--seed 1] [--klantcontacten 10]`: migrates
 * the target database and fills it with scale data for the benchmark. The target is the server's:
 * DATABASE_URL (PostgreSQL) when set, else the SQLite file DATABASE_FILE, whose default here is
 * data/scale.db rather than the server's own database. Progress goes to stderr, the summary to stdout.
 */

const USAGE = "usage: npm run seed:scale -- [--partijen 100000] [--replace] [--seed 1] [--klantcontacten 10] [--batch 50000]";

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new UsageError(`--${name} must be a whole number, got "${text}"`);
  return value;
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const parse = () =>
    parseArgs({
      options: {
        partijen: { type: "string" },
        replace: { type: "boolean", default: false },
        seed: { type: "string" },
        klantcontacten: { type: "string" },
        batch: { type: "string" },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }).values;
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let partijen: number, seed: number, klantcontactenPerPartij: number, batchRows: number;
  try {
    partijen = positiveInteger("partijen", args.partijen, 100_000);
    seed = positiveInteger("seed", args.seed, 1);
    klantcontactenPerPartij = positiveInteger("klantcontacten", args.klantcontacten, 10);
    batchRows = positiveInteger("batch", args.batch, 50_000) || 50_000;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }

  const databaseUrl = process.env.DATABASE_URL || undefined;
  const databaseFile = process.env.DATABASE_FILE || "data/scale.db";
  const target = databaseUrl ? redact(databaseUrl) : databaseFile;
  process.stderr.write(`seed:scale: ${partijen} partijen into ${target} (seed ${seed})\n`);

  const orm = await openDatabase({ databaseUrl, databaseFile }, { migrate: true });
  const bar = new SingleBar({
    stream: process.stderr,
    format:
      "seed:scale |{bar}| {percentage}% | {value}/{total} partijen | {klantcontacten} klantcontacten | RSS {rss} MB | {duration_formatted} (ETA {eta_formatted})",
    hideCursor: true,
    etaBuffer: 50,
    // Into a log file or CI too: a line every ten seconds instead of the redrawn bar.
    noTTYOutput: true,
    notTTYSchedule: 10_000,
  });
  try {
    const rss = () => Math.round(process.memoryUsage.rss() / 1_048_576);
    bar.start(partijen, 0, { klantcontacten: 0, rss: rss() });
    const summary = await seedScale(orm, {
      partijen,
      seed,
      replace: args.replace,
      klantcontactenPerPartij,
      batchRows,
      onProgress: (progress) => bar.update(progress.partijen, { klantcontacten: progress.klantcontacten, rss: rss() }),
    });
    bar.stop();
    const total = TABLE_NAMES.reduce((sum, table) => sum + summary.rows[table], 0);
    const lines = [
      `seed:scale: ${summary.dialect} ${target}, seed ${seed}`,
      ...TABLE_NAMES.map((table) => `  ${table.padEnd(22)}${String(summary.rows[table]).padStart(12)}`),
      `  ${"total".padEnd(22)}${String(total).padStart(12)}`,
      `  longest history: ${summary.langsteHistorie} klantcontacten for one partij`,
      `  ${summary.seconds.toFixed(1)} s (${Math.round(total / summary.seconds)} rows/s), peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } catch (err) {
    bar.stop();
    if (err instanceof SeedRefusedError) {
      process.stderr.write(`seed:scale: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await orm.close();
  }
}

/** A connection URL without its password, for the messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "DATABASE_URL";
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`seed:scale failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
