import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from "type-graphql";
import type { EntityClass, FilterQuery } from "@mikro-orm/core";
import type { Knex, SqlEntityManager } from "@mikro-orm/knex";
import type { BaseEntity } from "./base.entity";
import { InvalidInputError } from "./errors";
import { PostgreSqlPlatform } from "@mikro-orm/postgresql";
import { keyListFor, selectQuery, type PlainRowMapper } from "../database/plain-rows";

/**
 * Relay connections with keyset (cursor) pagination: a page is "the next `first` rows after the
 * row the cursor names, in a fixed order", so it stays correct and fast however deep a client
 * pages, and no OFFSET is ever used. Every order ends on the storage id, so it is total.
 */

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: "Where a page lies in the whole list." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when rows follow the last edge of this page." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when this page was asked for with `after` (rows precede it)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first edge." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; pass it as `after` for the next page." })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /**
   * The number of rows of the whole list (every page, the cursor ignored). A function, so that the
   * COUNT statement runs only when a client selects `totalCount`.
   */
  totalCount: () => Promise<number>;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Number of rows (at most ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor)." })
  after?: string | null;
}

/** GraphQL types `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name = node.name) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} rows.` })
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    /**
     * A method, so type-graphql resolves it per request (with the Connection's own `totalCount`
     * function, which shadows this one on the object a service returns) and only when selected.
     */
    @Field(() => Int, {
      description: "Het aantal rijen van de hele lijst (alle pagina's, zonder `after`); alleen berekend als het gevraagd wordt.",
    })
    totalCount(): Promise<number> {
      throw new Error(`${name}Connection without totalCount`);
    }
  }
  return ConnectionClass;
}

/** One sort key; the storage id is always appended as the last one. */
export interface SortKey {
  property: string;
  direction: "asc" | "desc";
}

export const NEWEST_FIRST: SortKey[] = [];

/** A list in time order, for the lists whose client chooses the direction (a work queue: oldest first). */
export enum Volgorde {
  NIEUWSTE_EERST = "nieuwste_eerst",
  OUDSTE_EERST = "oudste_eerst",
}

registerEnumType(Volgorde, {
  name: "Volgorde",
  description: "Volgorde van een lijst in de tijd.",
  valuesConfig: {
    NIEUWSTE_EERST: { description: "Het nieuwste (laatste tijdstip) eerst." },
    OUDSTE_EERST: { description: "Het oudste (vroegste tijdstip) eerst." },
  },
});

/** The sort keys of a list in `volgorde` on one time property (default newest first); ties by storage id, the same way. */
export function inVolgorde(property: string, volgorde: Volgorde | null | undefined): SortKey[] {
  return [{ property, direction: volgorde === Volgorde.OUDSTE_EERST ? "asc" : "desc" }];
}

function sortKeys(order: SortKey[]): SortKey[] {
  const direction = order.length ? order[order.length - 1].direction : "desc";
  return [...order, { property: "id", direction }];
}

type CursorValue = string | number | boolean | null | { d: string };

function encodeCursor(values: unknown[]): string {
  const plain: CursorValue[] = values.map((v) => (v instanceof Date ? { d: v.toISOString() } : (v as CursorValue)));
  return Buffer.from(JSON.stringify(plain)).toString("base64url");
}

function decodeCursor(cursor: string, keys: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString()) as CursorValue[];
    if (!Array.isArray(values) || values.length !== keys) throw new Error("wrong length");
    return values.map((v) => (v && typeof v === "object" && "d" in v ? new Date(v.d) : v));
  } catch {
    throw InvalidInputError.of("after", "invalid", "Ongeldige cursor; gebruik een endCursor uit een eerder antwoord.");
  }
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw InvalidInputError.of("first", "max_value", `first moet tussen 0 en ${MAX_PAGE_SIZE} liggen.`);
  }
  return first;
}

/** The rows that come after the cursor in the given order: (a < x) or (a = x and b < y) or ... */
function afterCursor(keys: SortKey[], after: string | null | undefined): FilterQuery<object> | undefined {
  if (!after) return undefined;
  const values = decodeCursor(after, keys.length);
  const alternatives = keys.map((key, i) => {
    const condition: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) condition[keys[j].property] = values[j];
    condition[key.property] = { [key.direction === "desc" ? "$lt" : "$gt"]: values[i] };
    return condition;
  });
  return { $or: alternatives } as FilterQuery<object>;
}

function toConnection<T>(rows: T[], keys: SortKey[], size: number, hadCursor: boolean, totalCount: () => Promise<number>): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({
    node,
    cursor: encodeCursor(keys.map((key) => (node as Record<string, unknown>)[key.property])),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/** Runs `count` on first call only; later calls share its answer (a field selected twice, under aliases). */
function once<V>(count: () => Promise<V>): () => Promise<V> {
  let result: Promise<V> | undefined;
  return () => (result ??= count());
}

function and<T>(...conditions: Array<FilterQuery<T> | undefined>): FilterQuery<T> {
  const present = conditions.filter((c) => c && Object.keys(c).length > 0) as FilterQuery<T>[];
  if (present.length === 0) return {} as FilterQuery<T>;
  if (present.length === 1) return present[0];
  return { $and: present } as FilterQuery<T>;
}

/**
 * One page of a root list: one SQL statement. With `plain` (a query operation) its rows are mapped
 * to plain objects instead of ORM entities.
 */
export async function paginate<T extends BaseEntity>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  order: SortKey[],
  args: PageArgs,
  plain?: PlainRowMapper<T>,
): Promise<Connection<T>> {
  const size = pageSize(args.first);
  const keys = sortKeys(order);
  const condition = and<T>(where, afterCursor(keys, args.after) as FilterQuery<T>);
  const orderBy = Object.fromEntries(keys.map((k) => [k.property, k.direction])) as never;
  const rows = plain
    ? (
        await selectQuery(
          em,
          em
            .createQueryBuilder(entity, "e")
            .select("*")
            .where(condition)
            .orderBy(orderBy)
            .limit(size + 1)
            .getKnexQuery(),
        )
      ).map((row) => plain.map(row))
    : await em.find(entity, condition, { orderBy, limit: size + 1 });
  const totalCount = once(() => em.count(entity, where));
  return toConnection(rows, keys, size, Boolean(args.after), totalCount);
}

/**
 * The partition of a page per parent: the SQL expression to partition by (a column of the entity,
 * or `links.page_key` of a link query that `join` adds), the partitions to restrict to, and how a
 * PostgreSQL LATERAL sub-query finds the rows of one key `k.page_key`.
 */
interface Partition {
  expression: string;
  join?: (query: Knex.QueryBuilder) => void;
  /** The condition that limits the rows to the asked partitions (for the window form and the counts). */
  restrict: FilterQuery<object>;
  keyType: "integer" | "text";
  correlate: (inner: Knex.QueryBuilder) => void;
}

/**
 * Pages for many partitions in one SQL statement, cut at `first + 1` rows each, so a partition
 * with ten thousand rows costs no more than one with ten. PostgreSQL: the keys as one array
 * parameter, each key's page a LATERAL sub-query with ORDER BY and LIMIT, which an index can serve
 * as a top-N (a window function would number every row of every partition first). SQLite: rows
 * numbered per partition with a window function. The pages' totalCount is one more statement for
 * all partitions together, sent when the first of them is asked for.
 */
async function pagesPerPartition<T extends BaseEntity>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
  partition: Partition,
  partitionKeys: readonly string[],
  where: FilterQuery<T>,
  order: SortKey[],
  args: PageArgs,
  plain?: PlainRowMapper<T>,
): Promise<Map<string, Connection<T>>> {
  const size = pageSize(args.first);
  const keys = sortKeys(order);
  const meta = em.getMetadata().get(entity.name);
  const column = (property: string) => `e.${meta.properties[property as keyof typeof meta.properties].fieldNames[0]}`;
  const knex = em.getKnex();
  const orderSql = keys.map((k) => `${column(k.property)} ${k.direction}`).join(", ");
  const pageWhere = and<T>(where, afterCursor(keys, args.after) as FilterQuery<T>);

  let statement: Knex.Raw | Knex.QueryBuilder;
  if (em.getPlatform() instanceof PostgreSqlPlatform) {
    const inner = em.createQueryBuilder(entity, "e").select("*").where(pageWhere).getKnexQuery();
    partition.correlate(inner);
    inner.orderByRaw(orderSql).limit(size + 1);
    const keyList = keyListFor(em.getPlatform());
    statement = knex.raw(
      `select k.page_key as page_partition, r.* from unnest(?::${partition.keyType}[]) as k(page_key) cross join lateral ? as r`,
      [keyList.binding(partition.keyType === "integer" ? partitionKeys.map(Number) : partitionKeys), inner],
    );
  } else {
    const inner = em
      .createQueryBuilder(entity, "e")
      .select("*")
      .where(and<T>(pageWhere, partition.restrict as FilterQuery<T>))
      .getKnexQuery();
    partition.join?.(inner);
    inner.select(
      knex.raw(`${partition.expression} as page_partition`),
      knex.raw(`row_number() over (partition by ${partition.expression} order by ${orderSql}) as page_position`),
    );
    statement = knex
      .select("*")
      .from(inner.as("ranked"))
      .where("page_position", "<=", size + 1)
      .orderBy("page_position");
  }
  // On the request's connection: inside a write it reads in the write's transaction (SQLite has one connection).
  const rows = await selectQuery(em, statement);

  const byPartition = new Map<string, T[]>(partitionKeys.map((key) => [key, []]));
  for (const row of rows) {
    const key = String(row.page_partition);
    delete row.page_partition;
    delete row.page_position;
    byPartition.get(key)?.push(plain ? plain.map(row) : em.map(entity, row as never));
  }
  const counts = once(() => countPerPartition(em, entity, partition, and<T>(where, partition.restrict as FilterQuery<T>)));
  return new Map(
    partitionKeys.map((key) => [
      key,
      toConnection(byPartition.get(key)!, keys, size, Boolean(args.after), async () => (await counts()).get(key) ?? 0),
    ]),
  );
}

/** `select <partition>, count(distinct e.id) ... group by <partition>`: the totalCount of every partition in one statement. */
async function countPerPartition<T extends BaseEntity>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
  partition: Partition,
  where: FilterQuery<T>,
): Promise<Map<string, number>> {
  const knex = em.getKnex();
  const query = em.createQueryBuilder(entity, "e").select("e.id").where(where).getKnexQuery();
  partition.join?.(query);
  query
    .clearSelect()
    .select(knex.raw(`${partition.expression} as page_partition`), knex.raw("count(distinct e.id) as total"))
    .groupByRaw(partition.expression);
  const rows: Array<{ page_partition: unknown; total: unknown }> = await em.getConnection().execute(query as never);
  // PostgreSQL returns count() as a bigint, which its driver hands over as a string.
  return new Map(rows.map((row) => [String(row.page_partition), Number(row.total)]));
}

/** One page for each of many parents (e.g. the betrokkenen of 50 partijen) in one SQL statement. */
export async function paginatePerParent<T extends BaseEntity>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
  foreignKey: keyof T & string,
  parentIds: readonly number[],
  where: FilterQuery<T>,
  order: SortKey[],
  args: PageArgs,
  plain?: PlainRowMapper<T>,
): Promise<Map<number, Connection<T>>> {
  const meta = em.getMetadata().get(entity.name);
  const fkColumn = meta.properties[foreignKey as keyof typeof meta.properties].fieldNames[0];
  const pages = await pagesPerPartition(
    em,
    entity,
    {
      expression: `e.${fkColumn}`,
      restrict: { [foreignKey]: { $in: [...parentIds] } },
      keyType: "integer",
      correlate: (inner) => inner.whereRaw(`e.${fkColumn} = k.page_key`),
    },
    parentIds.map(String),
    where,
    order,
    args,
    plain,
  );
  return new Map(parentIds.map((id) => [id, pages.get(String(id))!]));
}

/**
 * One page for each key in one SQL statement, where the rows belong to a key through a link
 * query that selects `(row_id, page_key)` pairs (e.g. klantcontacten per zaak through their
 * onderwerpobjecten). The link query must not repeat a pair (select distinct).
 */
export async function paginatePerKey<T extends BaseEntity>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
  links: Knex.QueryBuilder,
  keyType: "integer" | "text",
  keys: readonly string[],
  where: FilterQuery<T>,
  order: SortKey[],
  args: PageArgs,
  plain?: PlainRowMapper<T>,
): Promise<Map<string, Connection<T>>> {
  return pagesPerPartition(
    em,
    entity,
    {
      expression: "links.page_key",
      join: (query) => query.join(links.clone().as("links"), "links.row_id", "e.id"),
      restrict: {},
      keyType,
      correlate: (inner) =>
        inner.whereRaw("e.id in (select links.row_id from ? as links where links.page_key = k.page_key)", [links.clone()]),
    },
    keys,
    where,
    order,
    args,
    plain,
  );
}

/**
 * A link table that carries copies of the sort keys of the rows it links to (betrokkene holds its
 * klantcontact's plaatsgevondenOp), with an index on (key, sort keys..., row): then one key's page
 * is the first `first + 1` entries of that index, however many rows the key has.
 */
export interface SortedLinks {
  table: string;
  /** The column of the page key (the parent: betrokkene.was_partij_id). */
  key: string;
  /** The column that names the linked row (betrokkene.had_klantcontact_id). */
  row: string;
  /** The link's column for each sort key of the page, the linked row's id included. */
  sortColumns: Record<string, string>;
  /** A further condition on the link (`l.initiator = true`), or none. */
  condition?: string;
}

/**
 * One page for each integer key through sorted links, in one statement. PostgreSQL: a LATERAL
 * sub-query per key that walks the link index in page order and stops after `first + 1`; SQLite
 * (no LATERAL): the same sub-query correlated in an IN per key of json_each.
 */
export async function paginatePerSortedLink<T extends BaseEntity>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
  links: SortedLinks,
  parentIds: readonly number[],
  where: FilterQuery<T>,
  order: SortKey[],
  args: PageArgs,
  plain?: PlainRowMapper<T>,
): Promise<Map<number, Connection<T>>> {
  const size = pageSize(args.first);
  const keys = sortKeys(order);
  const direction = keys[0].direction;
  if (keys.some((k) => k.direction !== direction || !links.sortColumns[k.property])) {
    throw new Error(`${links.table} does not hold the sort keys ${keys.map((k) => k.property).join(", ")} of ${entity.name}`);
  }
  const sortColumns = keys.map((k) => `l.${links.sortColumns[k.property]}`);
  const knex = em.getKnex();
  const table = em.getMetadata().get(entity.name).tableName;
  const postgres = em.getPlatform() instanceof PostgreSqlPlatform;
  const keyList = keyListFor(em.getPlatform());
  const correlation = postgres ? "k.page_key" : "k.value";

  const inner = em.createQueryBuilder(entity, "e").select("e.id").where(where).getKnexQuery();
  inner
    .clearSelect()
    .join(`${links.table} as l`, `l.${links.row}`, "e.id")
    .whereRaw(`l.${links.key} = ${correlation}`)
    .orderByRaw(sortColumns.map((c) => `${c} ${direction}`).join(", "))
    .limit(size + 1);
  if (links.condition) inner.whereRaw(links.condition);
  if (args.after) {
    // A row comparison on the link's own columns: the index can seek to the cursor.
    // SQLite holds dates as the milliseconds the ORM stored.
    const values = decodeCursor(args.after, keys.length).map((v) => (v instanceof Date && !postgres ? v.getTime() : v));
    inner.whereRaw(
      `(${sortColumns.join(", ")}) ${direction === "desc" ? "<" : ">"} (${sortColumns.map(() => "?").join(", ")})`,
      values as never,
    );
  }
  let statement: Knex.Raw;
  if (postgres) {
    inner.distinct(...sortColumns);
    statement = knex.raw(
      `select k.page_key as page_partition, r.* from unnest(?::integer[]) as k(page_key) cross join lateral ? as s join ${table} r on r.id = s.${links.row}`,
      [keyList.binding(parentIds), inner],
    );
  } else {
    // One row per linked row (a partij may be betrokkene twice in one klantcontact); SQLite allows
    // ordering by the link's sort columns, which follow from the row.
    inner.distinct(`l.${links.row}`);
    statement = knex.raw(`select k.value as page_partition, r.* from json_each(?) as k join ${table} r on r.id in ?`, [
      keyList.binding(parentIds),
      inner,
    ]);
  }
  const rows = await selectQuery(em, statement);

  const byParent = new Map<number, T[]>(parentIds.map((id) => [id, []]));
  for (const row of rows) {
    const key = Number(row.page_partition);
    delete row.page_partition;
    byParent.get(key)?.push(plain ? plain.map(row) : em.map(entity, row as never));
  }
  // The rows of a page came in no particular order: sort them by the page's keys.
  const value = (row: T, property: string) => {
    const v = (row as Record<string, unknown>)[property];
    return v instanceof Date ? v.getTime() : (v as number);
  };
  const sign = direction === "desc" ? -1 : 1;
  for (const list of byParent.values()) {
    list.sort((a, b) => {
      for (const k of keys) {
        const d = value(a, k.property) - value(b, k.property);
        if (d !== 0) return sign * d;
      }
      return 0;
    });
  }

  const linkQuery = knex
    .from({ l: links.table })
    .distinct({ row_id: `l.${links.row}`, page_key: `l.${links.key}` })
    .whereRaw(keyList.sql(`l.${links.key}`, "integer"), [keyList.binding(parentIds)]);
  if (links.condition) linkQuery.whereRaw(links.condition);
  const partition: Partition = {
    expression: "links.page_key",
    join: (query) => query.join(linkQuery.as("links"), "links.row_id", "e.id"),
    restrict: {},
    keyType: "integer",
    correlate: () => undefined,
  };
  const counts = once(() => countPerPartition(em, entity, partition, where));
  return new Map(
    parentIds.map((id) => [
      id,
      toConnection(byParent.get(id)!, keys, size, Boolean(args.after), async () => (await counts()).get(String(id)) ?? 0),
    ]),
  );
}
