import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The read gate (issue 7): an entity's rows are read only by its own service, through its
 * EntityGate, so that its visibility policy and audit hold on every path. This scans src/ for the
 * ways to read rows (em.find/findOne/count, query builders, paginate*, row locks, EntityGate
 * construction, raw knex on a table) and fails for any that names an entity outside that entity's
 * *.service.ts, unless listed below with its reason.
 */

const SRC = path.resolve(__dirname, "../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

const relative = (file: string) => path.relative(SRC, file).split(path.sep).join("/");

/** Every entity class of src/ (`export class X` in a *.entity.ts). */
function entityNames(files: string[]): string[] {
  return files
    .filter((file) => file.endsWith(".entity.ts"))
    .flatMap((file) => [...readFileSync(file, "utf8").matchAll(/export class (\w+)/g)].map((m) => m[1]));
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

/** Entities without a service of their own, read by the service of the entity they belong to. */
const OWNED_BY: Record<string, string> = {
  Toewijzing: "interne-taak.service.ts", // the link of an InterneTaak to its actors
  AuditRecord: "audit.service.ts", // the audit log, read by the auditor's query
};

/** Files that read past the gates on purpose, per entity, with the reason. */
const EXCEPTIONS: Record<string, { entities: string[]; reason: string }> = {
  "audit/audit-betrokkene.ts": {
    entities: ["Partij", "PartijIdentificator", "Betrokkene"],
    reason: "the audit log names the person behind every row read, also those the requester may not see; it returns nothing to a client",
  },
  "database/demo-data.ts": { entities: ["Partij"], reason: "seeding at start, outside any request" },
};

/** The ways to read rows, each capturing the entity (or table) named. */
const READS: Array<{ pattern: RegExp; table?: boolean }> = [
  { pattern: /\.(?:find|findOne|findOneOrFail|findAndCount|findAll|count|createQueryBuilder|lock)\(\s*([A-Z]\w*)\s*[,)]/g },
  { pattern: /\bpaginate\w*\(\s*[\w.]+\s*,\s*([A-Z]\w*)\s*,/g },
  { pattern: /new EntityGate(?:<\w+>)?\(\s*\w+\s*,\s*([A-Z]\w*)\s*,/g },
  { pattern: /\.from\(\s*(?:\{\s*\w+\s*:\s*)?["'](\w+)["']/g, table: true },
];

interface Read {
  file: string;
  entity: string;
  line: number;
}

/** The reads in one file that name an entity, other than in that entity's own service. */
function readsOutsideOwner(file: string, source: string, entities: readonly string[]): Read[] {
  const byTable = new Map(entities.map((entity) => [snake(entity), entity]));
  const found: Read[] = [];
  for (const { pattern, table } of READS) {
    for (const match of source.matchAll(pattern)) {
      const entity = table ? byTable.get(match[1]) : entities.includes(match[1]) ? match[1] : undefined;
      if (!entity) continue;
      const owner = OWNED_BY[entity] ?? `${kebab(entity)}.service.ts`;
      if (path.basename(file) === owner) continue;
      if (EXCEPTIONS[file]?.entities.includes(entity)) continue;
      found.push({ file, entity, line: source.slice(0, match.index).split("\n").length });
    }
  }
  return found;
}

describe("the read gate", () => {
  const files = sourceFiles(SRC);
  const entities = entityNames(files);

  it("knows the entities of every module", () => {
    expect(entities).toEqual(expect.arrayContaining(["Partij", "DigitaalAdres", "Klantcontact", "Betrokkene", "InterneTaak", "Actor"]));
  });

  it("no module reads an entity's rows except through that entity's service", () => {
    const offences = files
      .filter((file) => !relative(file).startsWith("database/migrations/"))
      .flatMap((file) => readsOutsideOwner(relative(file), readFileSync(file, "utf8"), entities))
      .map(({ file, entity, line }) => `${file}:${line} reads ${entity}`);
    expect(offences).toEqual([]);
  });

  it("would catch a read of another entity's rows, by any of the ways to read", () => {
    const entitiesHere = ["Partij", "Betrokkene", "PartijIdentificator"];
    const source = [
      "const a = await this.ctx.em.find(Partij, { id: 1 });",
      "const b = em.createQueryBuilder(PartijIdentificator, 'pi');",
      "return paginate(this.ctx.em, Partij, where, [], page);",
      "this.gate = new EntityGate<Partij>(ctx, Partij, policy);",
      'return knex.from({ b: "betrokkene" }).select("id");',
      "await this.ctx.lock(Partij, { id: 1 });",
    ].join("\n");
    expect(readsOutsideOwner("klantcontacten/klantcontact.service.ts", source, entitiesHere).map((r) => `${r.line}:${r.entity}`)).toEqual([
      "1:Partij",
      "2:PartijIdentificator",
      "6:Partij",
      "3:Partij",
      "4:Partij",
      "5:Betrokkene",
    ]);
    expect(readsOutsideOwner("partijen/partij.service.ts", "em.find(Partij, {})", entitiesHere)).toEqual([]);
  });
});
