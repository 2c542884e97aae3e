import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * .env.example promises every variable the process reads. src/config.ts is the only reader of
 * process.env, with its parts' parsers (src/<part>/<part>-config.ts) and the demo's
 * test/federation/run-supergraph.ts: every variable they name (`env.NAME`, or a "NAME_WITH_UNDERSCORE"
 * literal as their readers take them) must be listed there, as `# NAME=default`.
 */
const ROOT = path.join(__dirname, "..", "..");
const readers = [
  "src/config.ts",
  ...readdirSync(path.join(ROOT, "src"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(path.join(ROOT, "src", dir.name))
        .filter((file) => file.endsWith("-config.ts"))
        .map((file) => `src/${dir.name}/${file}`),
    ),
  "test/federation/run-supergraph.ts",
];

function variablesReadBy(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const names = [...text.matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b/g), ...text.matchAll(/"([A-Z][A-Z0-9]*_[A-Z0-9_]+)"/g)].map((m) => m[1]);
  return [...new Set(names)];
}

describe(".env.example", () => {
  const listed = new Set([...readFileSync(path.join(ROOT, ".env.example"), "utf8").matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

  it("names the readers it is checked against", () => {
    expect(readers).toEqual(
      expect.arrayContaining(["src/config.ts", "src/auth/auth-config.ts", "src/audit/audit-config.ts", "src/limits/limits-config.ts"]),
    );
  });

  it.each(readers)("lists every variable %s reads", (file) => {
    const missing = variablesReadBy(file).filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
  });

  it("lists the variables with their defaults commented out, so that copying it changes nothing", () => {
    const active = readFileSync(path.join(ROOT, ".env.example"), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("#"));
    expect(active).toEqual([]);
    expect(listed.size).toBeGreaterThan(30);
  });
});
