import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { getNamedType, isNonNullType, isObjectType, type GraphQLObjectType } from "graphql";
import { buildKlantinteractiesSchema } from "../../src/schema";
import { TestApp } from "../support/app";
import { elfproefNummer, partijenMetKlantcontact } from "../support/fixtures";

/**
 * totalCount on every connection (issue 8): the number of rows of the whole list, the same on
 * every page, counted only when selected, and for nested connections one statement for all
 * parents. The root lists are found in the schema, so a list added later is covered as well.
 */

const ZAAK = randomUUID();
let app: TestApp;
let partijen: string[];

beforeAll(async () => {
  app = await TestApp.start();
  partijen = await partijenMetKlantcontact(app.orm, 3, ZAAK);
});
afterAll(() => app.stop());

/** Arguments a root list cannot go without. */
const REQUIRED: Record<string, string> = { auditRecords: `betrokkene: { bsn: "${elfproefNummer()}" }` };

interface Page {
  totalCount: number;
  edges: Array<{ cursor: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function rootConnections(): Promise<string[]> {
  const query = (await buildKlantinteractiesSchema()).getQueryType()!;
  return Object.values(query.getFields())
    .filter((field) => isObjectType(getNamedType(field.type)) && getNamedType(field.type).name.endsWith("Connection"))
    .map((field) => {
      const connection = getNamedType(field.type) as GraphQLObjectType;
      expect(isNonNullType(connection.getFields().totalCount.type), `${field.name} has totalCount: Int!`).toBe(true);
      return field.name;
    });
}

describe("totalCount", () => {
  it("is, on every root list, the number of rows of all its pages together", async () => {
    const counted: Record<string, number> = {};
    for (const field of await rootConnections()) {
      const extra = REQUIRED[field] ? `, ${REQUIRED[field]}` : "";
      let after: string | null = null;
      let rows = 0;
      const totals = new Set<number>();
      do {
        const data: Record<string, Page> = await app.ok(
          `query ($after: String) { ${field}(first: 2, after: $after${extra}) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        const page = data[field];
        rows += page.edges.length;
        totals.add(page.totalCount);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect([...totals], field).toEqual([rows]);
      counted[field] = rows;
    }
    expect(counted).toMatchObject({
      partijen: 3,
      klantcontacten: 3,
      betrokkenen: 3,
      onderwerpobjecten: 3,
      auditRecords: 0,
      interneTaken: 0,
    });
  });

  it("sends its COUNT only when selected", async () => {
    const zonder = await app.countStatements(`{ partijen(first: 1) { edges { node { uuid } } } }`);
    const met = await app.countStatements(`{ partijen(first: 1) { totalCount edges { node { uuid } } } }`);
    expect(met.count).toBe(zonder.count + 1);
    const last = (n: number) => app.statements.slice(app.statements.length - n);
    expect(last(met.count).filter((sql) => /count\(/i.test(sql))).toHaveLength(1);
    // selected twice under aliases: still counted once
    const tweemaal = await app.countStatements(`{ partijen(first: 1) { a: totalCount b: totalCount } }`);
    expect(tweemaal.data).toEqual({ partijen: { a: 3, b: 3 } });
    expect(tweemaal.count).toBe(met.count);
  });

  it("counts nested lists per parent, in one statement for all parents", async () => {
    const query = `query ($first: Int) { partijen(first: $first) { edges { node { uuid betrokkenen(first: 1) { totalCount } klantcontacten(first: 1) { totalCount } } } } }`;
    const een = await app.countStatements<
      { partijen: { edges: Array<{ node: { betrokkenen: { totalCount: number } } }> } },
      { first: number }
    >(query, { first: 1 });
    const drie = await app.countStatements<typeof een.data, { first: number }>(query, { first: 3 });
    expect(drie.data.partijen.edges.map((e) => e.node)).toEqual(
      [...partijen].reverse().map((uuid) => ({ uuid, betrokkenen: { totalCount: 1 }, klantcontacten: { totalCount: 1 } })),
    );
    expect(een.count).toBe(drie.count);
  });

  it("counts Zaak.klantcontacten per zaak, also for a zaak without any", async () => {
    const { _entities } = await app.ok<
      { _entities: Array<{ klantcontacten: { totalCount: number; edges: unknown[] } }> },
      Record<string, unknown>
    >(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Zaak { klantcontacten(first: 1) { totalCount edges { cursor } } } } }`,
      {
        r: [
          { __typename: "Zaak", uuid: ZAAK, identificatie: "ZAAK-1" },
          { __typename: "Zaak", uuid: randomUUID(), identificatie: "ZAAK-2" },
        ],
      },
    );
    expect(_entities.map((zaak) => [zaak.klantcontacten.totalCount, zaak.klantcontacten.edges.length])).toEqual([
      [3, 1],
      [0, 0],
    ]);
  });
});
