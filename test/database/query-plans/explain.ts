import pg from "pg";
import type { CapturedStatement, LibSqlDatabase } from "./capture";

/**
 * Whether the database can serve a statement through its indexes, read from its plan.
 *
 * PostgreSQL: `EXPLAIN (FORMAT JSON)` with the statement's own parameters, in a session with
 * `enable_seqscan = off`, so that a Seq Scan left in the plan means that no index can serve that
 * table at all; and with hash and merge joins off, so that each join is a nested loop whose inner
 * side shows whether an index serves that lookup (on a few hundred actors the planner would rather
 * read them all into a hash, which says nothing about a registry of a million rows). Where the
 * verdict depends on what a scan really reads, a read-only statement is explained once more with
 * ANALYZE (in a read-only transaction that is rolled back), so that counts decide, not estimates:
 * - a Seq Scan of a table is a failure;
 * - an index scan whose condition does not constrain the index's first column reads the index
 *   whole (btree can do that, and does when sequential scans are off): a failure;
 * - an index scan without any condition is a failure unless it stopped early, as an ordered read
 *   under a LIMIT does (the newest 20 klantcontacten): it may read `readBound` rows, or ten times
 *   the rows it keeps (a filter that keeps one row in ten of a list in index order is fine);
 * - an index scan that keeps few of the many rows it reads (the rest removed by its filter) uses
 *   an index that does not fit the lookup: a failure too.
 * A statement with a Seq Scan is reported for that alone: the penalty that turns sequential scans
 * off distorts the planner's other choices in the same plan.
 * SQLite: EXPLAIN QUERY PLAN after ANALYZE. An AUTOMATIC index (one SQLite builds by reading the
 * table, for this statement only) is a failure; so is a "SCAN <table>" (of the table, or of an
 * index without a condition) unless it stopped early: a read-only statement is run once more and
 * the steps of its full scans (sqlite_stmt.nscan) may be as many as on PostgreSQL.
 *
 * Tables in `smallTables` (the few rows of a lookup table such as categorie) may be read whole.
 */
export interface Problem {
  /**
   * seq-scan: no index serves the read; whole-index: an index read whole; unconditioned: an index
   * scan without a condition (fine when a LIMIT stops it early); unfit: an index that reads many rows to keep few.
   */
  kind: "seq-scan" | "whole-index" | "unconditioned" | "unfit";
  table: string;
  /** What is wrong, for a developer (English, technical). */
  reason: string;
  /** The plan node, as EXPLAIN shows it. */
  node: string;
}

export interface Verdict {
  problems: Problem[];
  /** The plan, indented text, for the failure message. */
  plan: string;
}

export interface Explainer {
  explain(statement: CapturedStatement): Promise<Verdict>;
  close(): Promise<void>;
}

/** At most this many rows may an unconditioned (ordered) index scan read: a page and a little more. */
export function readBound(tableRows: number): number {
  return Math.max(100, Math.ceil(tableRows * 0.02));
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

interface PgPlanNode {
  "Node Type": string;
  "Parent Relationship"?: string;
  "Relation Name"?: string;
  Alias?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "Recheck Cond"?: string;
  Filter?: string;
  "Scan Direction"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  Plans?: PgPlanNode[];
}

const SCANS = new Set(["Index Scan", "Index Only Scan", "Bitmap Index Scan"]);

function isReadOnly(sql: string): boolean {
  return (
    /^\s*(select|with)\b/i.test(sql) &&
    !/\bfor\s+(update|share|no key update|key share)\b/i.test(sql) &&
    !/^\s*with\b[\s\S]*\b(insert|update|delete)\b/i.test(sql)
  );
}

export async function postgresExplainer(databaseUrl: string, smallTables: ReadonlySet<string>): Promise<Explainer> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("set enable_seqscan = off");
  await client.query("set enable_hashjoin = off");
  await client.query("set enable_mergejoin = off");
  // A plan that reads tables whole under these settings can take long to run; its plan alone tells enough.
  await client.query("set statement_timeout = '5s'");
  // Each index's table and first column, and each table's size.
  const indexes = new Map<string, { table: string; leading: string | null }>();
  for (const row of (
    await client.query<{ index: string; table: string; leading: string | null }>(
      `select i.relname as index, t.relname as table, a.attname as leading
         from pg_index x
         join pg_class i on i.oid = x.indexrelid
         join pg_class t on t.oid = x.indrelid
         join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
         left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0] and x.indkey[0] <> 0`,
    )
  ).rows) {
    indexes.set(row.index, { table: row.table, leading: row.leading });
  }
  const sizes = new Map<string, number>();
  for (const row of (
    await client.query<{ table: string; rows: number }>(
      `select c.relname as table, c.reltuples::float8 as rows from pg_class c
         join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema() where c.relkind = 'r'`,
    )
  ).rows) {
    sizes.set(row.table, Math.max(0, row.rows));
  }

  async function plan(statement: CapturedStatement, options: string): Promise<PgPlanNode> {
    const result = await client.query({ text: `explain (${options}) ${statement.sql}`, values: statement.params });
    return result.rows[0]["QUERY PLAN"][0].Plan;
  }

  /** The plan with what each node really read, or null when the statement cannot run read-only within the timeout. */
  async function analyzed(statement: CapturedStatement): Promise<PgPlanNode | null> {
    if (!isReadOnly(statement.sql)) return null;
    await client.query("begin read only");
    try {
      return await plan(statement, "analyze, format json");
    } catch (err) {
      if ((err as { code?: string }).code === "57014") return null; // statement_timeout
      throw err;
    } finally {
      await client.query("rollback");
    }
  }

  /** Whether the plan has a scan whose verdict depends on what it really reads (see judge). */
  function needsMeasuring(root: PgPlanNode): boolean {
    const scans = (node: PgPlanNode): boolean =>
      (SCANS.has(node["Node Type"]) && (!node["Index Cond"] || Boolean(node.Filter))) ||
      (node["Node Type"] === "Bitmap Heap Scan" && Boolean(node.Filter)) ||
      (node.Plans ?? []).some(scans);
    return scans(root);
  }

  /** A scan that read many more rows than it kept: more than the bound, and ten times as many. */
  const unfit = (read: number | undefined, kept: number | undefined, bound: number) =>
    read !== undefined && kept !== undefined && read - kept > bound && read > 10 * Math.max(kept, 1);

  function judge(root: PgPlanNode, analyzed: boolean): Problem[] {
    const problems: Problem[] = [];
    const walk = (node: PgPlanNode, parent: PgPlanNode | null) => {
      const type = node["Node Type"];
      // A Bitmap Index Scan names its index only; the Bitmap Heap Scan above it names the table.
      const index = node["Index Name"] ? indexes.get(node["Index Name"]) : undefined;
      const table = node["Relation Name"] ?? index?.table ?? parent?.["Relation Name"];
      const described = describe(node);
      if (table && !smallTables.has(table)) {
        const loops = node["Actual Loops"] ?? 1;
        const read = analyzed ? Math.round(((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0)) * loops) : undefined;
        const kept = analyzed ? Math.round((node["Actual Rows"] ?? 0) * loops) : undefined;
        const bound = readBound(sizes.get(table) ?? 0);
        const of = `${sizes.get(table) ?? "?"} rows`;
        if (type === "Seq Scan" || type === "Parallel Seq Scan") {
          problems.push({
            kind: "seq-scan",
            table,
            node: described,
            reason: `no index serves this read of ${table} (a Seq Scan although sequential scans are off; table of ${of})`,
          });
        } else if (SCANS.has(type)) {
          const condition = node["Index Cond"];
          if (!condition) {
            if (read === undefined) {
              problems.push({
                kind: "unconditioned",
                table,
                node: described,
                reason: `reads index ${node["Index Name"]} of ${table} without a condition (a whole-table read unless a LIMIT stops it, which could not be measured: the statement writes, or ran over 5 s; table of ${of})`,
              });
            } else if (read > Math.max(bound, 10 * (kept ?? 0))) {
              problems.push({
                kind: "unconditioned",
                table,
                node: described,
                reason: `reads ${read} rows of ${table} (of ${of}) through index ${node["Index Name"]} without a condition, to keep ${kept}: an ordered read that no LIMIT stopped early (at most ${bound} rows, or ten times the rows kept)`,
              });
            }
          } else if (index?.leading && !new RegExp(`\\b${index.leading}\\b`).test(condition)) {
            problems.push({
              kind: "whole-index",
              table,
              node: described,
              reason: `index ${node["Index Name"]} of ${table} is read whole: its first column ${index.leading} is not in the condition ${condition}`,
            });
          } else if (unfit(read, kept, bound)) {
            problems.push({
              kind: "unfit",
              table,
              node: described,
              reason: `index ${node["Index Name"]} of ${table} does not fit this lookup: the scan read ${read} rows (of ${of}) and its filter kept ${kept}`,
            });
          }
        } else if (type === "Bitmap Heap Scan" && unfit(read, kept, bound)) {
          problems.push({
            kind: "unfit",
            table,
            node: described,
            reason: `the indexes this bitmap scan of ${table} uses do not fit the lookup: it read ${read} rows (of ${of}) and its filter kept ${kept}`,
          });
        }
      }
      for (const child of node.Plans ?? []) walk(child, node);
    };
    walk(root, null);
    return problems;
  }

  return {
    async explain(statement) {
      const estimated = await plan(statement, "format json");
      const problems = judge(estimated, false);
      // A Seq Scan (alone, see above) or a whole index read fails the statement whatever it reads;
      // otherwise unconditioned and filtered scans are judged by what they read, if it can run read-only.
      const seqScans = problems.filter((p) => p.kind === "seq-scan");
      const definite = seqScans.length > 0 ? seqScans : problems.filter((p) => p.kind !== "unconditioned");
      if (definite.length > 0) return { problems: definite, plan: formatPgPlan(estimated) };
      if (needsMeasuring(estimated)) {
        const measured = await analyzed(statement);
        if (measured) return { problems: judge(measured, true), plan: formatPgPlan(measured) };
      }
      return { problems, plan: formatPgPlan(estimated) };
    },
    close: () => client.end(),
  };
}

function describe(node: PgPlanNode): string {
  const parts = [node["Node Type"]];
  if (node["Scan Direction"] === "Backward") parts.push("Backward");
  if (node["Index Name"]) parts.push(`using ${node["Index Name"]}`);
  if (node["Relation Name"])
    parts.push(`on ${node["Relation Name"]}${node.Alias && node.Alias !== node["Relation Name"] ? ` ${node.Alias}` : ""}`);
  const details = [
    node["Index Cond"] && `Index Cond: ${node["Index Cond"]}`,
    node["Recheck Cond"] && `Recheck Cond: ${node["Recheck Cond"]}`,
    node.Filter && `Filter: ${node.Filter}`,
    node["Actual Rows"] !== undefined && `actual rows=${node["Actual Rows"]} loops=${node["Actual Loops"]}`,
    node["Rows Removed by Filter"] && `removed by filter=${node["Rows Removed by Filter"]}`,
  ].filter(Boolean);
  return [parts.join(" "), ...details].join("  ");
}

function formatPgPlan(root: PgPlanNode): string {
  const lines: string[] = [];
  const walk = (node: PgPlanNode, depth: number) => {
    const relationship = node["Parent Relationship"] && depth > 0 ? `[${node["Parent Relationship"]}] ` : "";
    lines.push(`${"  ".repeat(depth)}-> ${relationship}${describe(node)}`);
    for (const child of node.Plans ?? []) walk(child, depth + 1);
  };
  walk(root, 0);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// SQLite

/** Which table each name in the statement stands for: `from partij as p0` makes p0 partij. */
export function sqliteAliases(sql: string, tables: ReadonlySet<string>): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const table of tables) aliases.set(table, table);
  const pattern = /\b(?:from|join|into|update)\s+[`"]?(\w+)[`"]?(?:\s+(?:as\s+)?[`"]?(\w+)[`"]?)?/gi;
  for (const [, table, alias] of sql.matchAll(pattern)) {
    if (
      alias &&
      tables.has(table) &&
      !/^(where|on|set|values|left|right|inner|cross|join|order|group|limit|union|select|natural|using|returning|default)$/i.test(alias)
    ) {
      aliases.set(alias, table);
    }
  }
  return aliases;
}

/** `tables`: every table of the schema (to tell a table from a subquery's or CTE's name in the plan). */
export function sqliteExplainer(tables: ReadonlySet<string>, smallTables: ReadonlySet<string>): Explainer {
  let sizes: Map<string, number> | null = null;
  let measurement = 0;

  /** How many steps the statement's full scans took when it ran (sqlite_stmt.nscan), and how many rows it gave. */
  function measure(connection: LibSqlDatabase, statement: CapturedStatement): { scanned: number; rows: number } {
    // A text of its own, so that sqlite_stmt shows this run's counters only.
    const sql = `${statement.sql} /* plan check ${++measurement} */`;
    const prepared = connection.prepare(sql);
    const rows = prepared.all(statement.params).length;
    const [counters] = connection.prepare("select nscan from sqlite_stmt where sql = ?").all([sql]) as Array<{ nscan: number }>;
    return { scanned: counters?.nscan ?? Number.POSITIVE_INFINITY, rows };
  }

  return {
    async explain(statement) {
      const connection: LibSqlDatabase | undefined = statement.connection;
      if (!connection) throw new Error("a SQLite statement without its connection");
      sizes ??= new Map(
        (
          connection.prepare("select tbl, max(cast(stat as integer)) as rows from sqlite_stat1 group by tbl").all() as Array<{
            tbl: string;
            rows: number;
          }>
        ).map((row) => [row.tbl, row.rows]),
      );
      const rows = connection.prepare(`explain query plan ${statement.sql}`).all(statement.params) as Array<{
        id: number;
        parent: number;
        detail: string;
      }>;
      const aliases = sqliteAliases(statement.sql, tables);
      const problems: Problem[] = [];
      const scans: Array<{ table: string; detail: string }> = [];
      for (const { detail } of rows) {
        const scan = /^(SCAN|SEARCH) [`"]?(\w+)[`"]?(.*)$/.exec(detail);
        if (!scan) continue;
        const [, kind, name, rest] = scan;
        const table = aliases.get(name);
        if (!table || smallTables.has(table)) continue;
        if (/AUTOMATIC/.test(rest)) {
          problems.push({
            kind: "seq-scan",
            table,
            node: detail,
            reason: `SQLite builds a temporary index on ${table} for this statement (it reads the table whole): no index serves it`,
          });
        } else if (kind === "SCAN" && !/VIRTUAL TABLE/.test(rest)) {
          scans.push({ table, detail });
        }
      }
      // A SCAN (of the table, or of an index without a condition) is fine when it stopped early, as
      // an ordered read under a LIMIT does: judged, like on PostgreSQL, by what it read when it ran.
      if (scans.length > 0 && problems.length === 0) {
        const measured = isReadOnly(statement.sql) ? measure(connection, statement) : null;
        const largest = Math.max(...scans.map((scan) => sizes!.get(scan.table) ?? 0));
        const allowed = measured && Math.max(readBound(largest), 10 * measured.rows);
        if (!measured || measured.scanned > allowed!) {
          for (const { table, detail } of scans) {
            const of = `${sizes.get(table) ?? "?"} rows`;
            problems.push({
              kind: "seq-scan",
              table,
              node: detail,
              reason: measured
                ? `no index serves this read of ${table} (table of ${of}): the statement took ${measured.scanned} steps through full scans to give ${measured.rows} rows (at most ${allowed} allowed)`
                : `no index serves this read of ${table} (table of ${of}): a SCAN in a statement that writes`,
            });
          }
        }
      }
      const depth = new Map<number, number>();
      const plan = rows
        .map(({ id, parent, detail }) => {
          const d = (depth.get(parent) ?? -1) + 1;
          depth.set(id, d);
          return `${"  ".repeat(d)}${detail}`;
        })
        .join("\n");
      return { problems, plan };
    },
    close: async () => {},
  };
}
