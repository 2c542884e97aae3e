import type { EntityMetadata, EntityProperty, Platform } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { PostgreSqlPlatform } from "@mikro-orm/postgresql";
import type { SelectingConnection } from "./drivers";

/**
 * The read path of queries without ORM entities. MikroORM's `find` builds a query from criteria,
 * creates a managed entity per row and takes a snapshot of it for change detection: most of the
 * CPU of a klantbeeld went there. A query operation changes nothing, so its rows are read with
 * constant SQL texts and mapped here to plain objects with the entity's prototype and property
 * names, which the GraphQL types resolve exactly like entities: a many-to-one relation becomes
 * `{ id }` (as an unloaded ORM reference), an embeddable an object of its class (or null when all
 * its columns are null and it may be null), booleans, dates and JSON as the ORM hydrates them.
 */

type Row = Record<string, unknown>;

/** How one column becomes a property value. */
type Convert = (value: unknown) => unknown;

interface MappedProperty {
  name: string;
  column: string;
  convert: Convert;
}

interface MappedEmbeddable {
  name: string;
  prototype: object;
  nullable: boolean;
  properties: MappedProperty[];
}

const asIs: Convert = (value) => value;

function converter(prop: EntityProperty, platform: Platform): Convert {
  const custom = prop.customType;
  if (custom) {
    return (value) => (value === null || value === undefined ? null : custom.convertToJSValue(value, platform));
  }
  switch (prop.runtimeType) {
    case "boolean":
      // SQLite stores booleans as 0 and 1.
      return (value) => (value === null || value === undefined ? null : Boolean(value));
    case "Date":
      // PostgreSQL hands over a Date; SQLite the milliseconds the ORM stored.
      return (value) => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(value as number | string));
    default:
      return asIs;
  }
}

/**
 * A prototype between the class's and the plain object: MikroORM puts setters for change tracking
 * on an entity class's prototype, which on first assignment give the object an ORM helper. Writable
 * data properties of the same names in front of them make an assignment create a plain own
 * property instead, while `instanceof` still holds (type-graphql checks it before it would convert
 * a root object into a new instance per field).
 */
function rowPrototype(classPrototype: object, names: string[]): object {
  return Object.create(
    classPrototype,
    Object.fromEntries(names.map((name) => [name, { value: undefined, writable: true, enumerable: false, configurable: true }])),
  );
}

/** A row mapper for one entity, compiled once from its metadata. */
export class PlainRowMapper<T> {
  private readonly scalars: MappedProperty[] = [];
  private readonly relations: Array<{ name: string; column: string }> = [];
  private readonly embeddables: MappedEmbeddable[] = [];
  private readonly prototype: object;

  constructor(meta: EntityMetadata<T>, platform: Platform) {
    for (const prop of meta.props) {
      if (prop.persist === false || prop.formula) continue;
      if (prop.kind === "scalar" && !prop.embedded) {
        this.scalars.push({ name: prop.name, column: prop.fieldNames[0], convert: converter(prop, platform) });
      } else if ((prop.kind === "m:1" || (prop.kind === "1:1" && prop.owner)) && prop.fieldNames.length === 1) {
        this.relations.push({ name: prop.name, column: prop.fieldNames[0] });
      } else if (prop.kind === "embedded") {
        const inner = meta.props.filter((p) => p.embedded?.[0] === prop.name);
        const properties = inner.map((p) => ({ name: p.embedded![1], column: p.fieldNames[0], convert: converter(p, platform) }));
        this.embeddables.push({
          name: prop.name,
          prototype: rowPrototype(
            (prop.embeddable as { prototype: object }).prototype,
            properties.map((p) => p.name),
          ),
          nullable: Boolean(prop.nullable),
          properties,
        });
      }
    }
    const names = [...this.scalars, ...this.relations, ...this.embeddables].map((p) => p.name);
    this.prototype = rowPrototype(meta.prototype as object, names);
  }

  map(row: Row): T {
    const target = Object.create(this.prototype) as Record<string, unknown>;
    for (const p of this.scalars) target[p.name] = p.convert(row[p.column]);
    for (const r of this.relations) {
      const id = row[r.column];
      target[r.name] = id === null || id === undefined ? null : { id: Number(id) };
    }
    for (const e of this.embeddables) {
      let empty = true;
      const value = Object.create(e.prototype) as Record<string, unknown>;
      for (const p of e.properties) {
        const v = p.convert(row[p.column]);
        if (v !== null && v !== undefined) empty = false;
        value[p.name] = v;
      }
      target[e.name] = empty && e.nullable ? null : value;
    }
    return target as T;
  }
}

/**
 * A list of keys as one parameter, so the statement text is the same for 1 and for 100 keys
 * (PostgreSQL can then plan it once, and the logs show one statement shape).
 */
export interface KeyList {
  /** `<column> = any(?::int[])` (PostgreSQL) or `<column> in (select value from json_each(?))` (SQLite). */
  sql(column: string, type: "integer" | "uuid" | "text"): string;
  /** The one binding of that condition. */
  binding(keys: readonly (number | string)[]): string;
}

const postgresKeyList: KeyList = {
  sql: (column, type) => `${column} = any(?::${type}[])`,
  // An array literal: numbers and uuids as they are; text keys quoted with " and \ escaped.
  binding: (keys) => `{${keys.map((k) => (typeof k === "number" ? String(k) : `"${k.replace(/["\\]/g, "\\$&")}"`)).join(",")}}`,
};

const sqliteKeyList: KeyList = {
  sql: (column) => `${column} in (select value from json_each(?))`,
  binding: (keys) => JSON.stringify(keys),
};

export function keyListFor(platform: Platform): KeyList {
  return platform instanceof PostgreSqlPlatform ? postgresKeyList : sqliteKeyList;
}

const mappers = new WeakMap<EntityMetadata, PlainRowMapper<unknown>>();

/** The mapper of an entity (made once per metadata, i.e. once per process). */
export function plainRowMapper<T>(em: SqlEntityManager, entityName: string): PlainRowMapper<T> {
  const meta = em.getMetadata().get(entityName) as EntityMetadata;
  let mapper = mappers.get(meta);
  if (!mapper) {
    mapper = new PlainRowMapper(meta, em.getPlatform());
    mappers.set(meta, mapper);
  }
  return mapper as PlainRowMapper<T>;
}

/**
 * Runs one statement (`?` placeholders) with its parameters bound, on the request's connection (in
 * its transaction, if any), and returns the rows (src/database/drivers.ts: prepared on PostgreSQL).
 */
export function selectRows(em: SqlEntityManager, sql: string, bindings: readonly unknown[]): Promise<Row[]> {
  const connection = em.getConnection() as unknown as SelectingConnection;
  return connection.select(sql, bindings, em.getTransactionContext());
}

/** A built query (knex) run the same way: its text with placeholders, its values bound. */
export function selectQuery(em: SqlEntityManager, query: { toSQL(): { sql: string; bindings: readonly unknown[] } }): Promise<Row[]> {
  const { sql, bindings } = query.toSQL();
  return selectRows(em, sql, bindings);
}
