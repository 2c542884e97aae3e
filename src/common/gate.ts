import DataLoader from "dataloader";
import type { EntityClass, FilterQuery, FindOptions } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import type { BaseEntity } from "./base.entity";
import {
  paginate,
  paginatePerKey,
  paginatePerParent,
  paginatePerSortedLink,
  type Connection,
  type PageArgs,
  type SortedLinks,
  type SortKey,
} from "./connection";
import type { RequestContext } from "./context";
import { type InvalidParams, NotFoundError } from "./errors";
import { checkUuid } from "./validators";
import { keyListFor, plainRowMapper, selectRows, type PlainRowMapper } from "../database/plain-rows";

/**
 * What a gate applies to every read of its entity: which rows this request may see, and who hears
 * of the rows it read (the audit log).
 */
export interface GatePolicy<T> {
  /** The rows the request may see, as a condition on the entity; undefined when it may see all. */
  visible(): FilterQuery<T> | undefined;
  /** Told of every row the gate hands out, whichever path asked for it. */
  onRead?(rows: readonly T[]): void;
}

/** Every row: the policy of entities that hold nothing a principal could be refused. */
export const ALL_ROWS: GatePolicy<never> = { visible: () => undefined };

/** A condition no row meets (MikroORM sends `1 = 0`): a policy's "nothing of this entity". */
export const NO_ROWS = { id: { $in: [] as number[] } } as const;

function and<T>(...conditions: Array<FilterQuery<T> | undefined>): FilterQuery<T> {
  const present = conditions.filter((c) => c !== undefined && Object.keys(c as object).length > 0) as FilterQuery<T>[];
  if (present.length === 0) return {} as FilterQuery<T>;
  return present.length === 1 ? present[0] : ({ $and: present } as unknown as FilterQuery<T>);
}

/**
 * The read gate of one entity (ARCHITECTURE.md: one read gate per entity). Every read of its rows
 * goes through here: by id or uuid, a relation of another entity, a page, a lookup while an input is
 * checked, and the sub-query of another entity's filter. So the entity's policy (which rows are
 * visible) and the audit of what was read hold on every path, `_entities` included, and a field
 * added later cannot forget them. Only the entity's own service makes its gate; other modules ask
 * that service (test/architecture.test.ts checks both).
 *
 * Lookups by id and uuid are batched per request: any number in one tick costs one statement.
 *
 * In a query operation (`ctx.readsPlainRows`) the relations, children and pages are read as plain
 * rows with constant SQL texts (src/database/plain-rows.ts); in a mutation as ORM entities, which
 * its checks and writes need. Both give the GraphQL types the same values.
 */
export class EntityGate<T extends BaseEntity> {
  private visibleCondition: FilterQuery<T> | undefined | null = null;
  private visibleFromClause: { sql: string; bindings: unknown[] } | null = null;

  constructor(
    private readonly ctx: RequestContext,
    readonly entity: EntityClass<T>,
    private readonly policy: GatePolicy<T>,
  ) {}

  /** The policy's condition, asked once per request. */
  private get visible(): FilterQuery<T> | undefined {
    if (this.visibleCondition === null) this.visibleCondition = this.policy.visible();
    return this.visibleCondition;
  }

  private where(condition: FilterQuery<T> | undefined): FilterQuery<T> {
    return and<T>(condition, this.visible);
  }

  private read<R extends T | null>(rows: R[]): R[] {
    const seen = rows.filter((row): row is NonNullable<R> => row !== null);
    if (seen.length) this.policy.onRead?.(seen);
    return rows;
  }

  private loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    return this.ctx.loader(`${this.entity.name}:${name}`, () => new DataLoader<K, V>(batch));
  }

  private get plain(): boolean {
    return this.ctx.readsPlainRows;
  }

  private get mapper(): PlainRowMapper<T> {
    return plainRowMapper<T>(this.ctx.em, this.entity.name);
  }

  private get table(): string {
    return this.ctx.em.getMetadata().get(this.entity.name).tableName;
  }

  private column(property: string): string {
    const meta = this.ctx.em.getMetadata().get(this.entity.name);
    return meta.properties[property as keyof typeof meta.properties].fieldNames[0];
  }

  /**
   * The entity's table as `e` in a FROM clause: the table itself when every row is visible, else
   * `(select e.* from <table> as e where <visible>) e`, which both databases flatten into the
   * statement, so the policy's conditions apply to the rows the keys select (as in the ORM's own
   * queries) instead of being evaluated for the whole table first. Built once per request.
   */
  private visibleFrom(): { sql: string; bindings: unknown[] } {
    if (this.visibleFromClause === null) {
      if (this.visible === undefined) this.visibleFromClause = { sql: `${this.table} e`, bindings: [] };
      else {
        const query = this.ctx.em.createQueryBuilder(this.entity, "e").select("e.*").where(this.visible).getKnexQuery().toSQL();
        this.visibleFromClause = { sql: `(${query.sql}) e`, bindings: [...query.bindings] };
      }
    }
    return this.visibleFromClause;
  }

  /**
   * `select <extra>, e.* from <visible table e, maybe joined> where <key> in <keys> <order>` as plain rows:
   * one statement text whatever the number of keys.
   */
  private async plainRows(
    keyColumn: string,
    keyType: "integer" | "uuid",
    keys: readonly (number | string)[],
    options: { join?: (entityTable: string) => string; extra?: string; order?: string } = {},
  ): Promise<Array<{ row: Record<string, unknown>; entity: T }>> {
    const keyList = keyListFor(this.ctx.em.getPlatform());
    const from = this.visibleFrom();
    const sql =
      `select ${options.extra ? `${options.extra}, ` : ""}e.* from ${options.join ? `${options.join(from.sql)}` : from.sql}` +
      ` where ${keyList.sql(keyColumn, keyType)}${options.order ? ` order by ${options.order}` : ""}`;
    const rows = await selectRows(this.ctx.em, sql, [...from.bindings, keyList.binding(keys)]);
    const mapper = this.mapper;
    return rows.map((row) => ({ row, entity: mapper.map(row) }));
  }

  private byIdLoader(): DataLoader<number, T | null> {
    return this.loader("byId", async (ids) => {
      const rows = this.plain
        ? (await this.plainRows("e.id", "integer", ids)).map((r) => r.entity)
        : await this.ctx.em.find(this.entity, this.where({ id: { $in: [...ids] } } as unknown as FilterQuery<T>));
      const found = new Map(this.read(rows).map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** The row with this storage id, or null when there is none or it is not visible. */
  byId(id: number): Promise<T | null> {
    return this.byIdLoader().load(id);
  }

  /** The row a many-to-one relation points at; null when the relation is empty or the row not visible. */
  related(ref: { id: number } | null | undefined): Promise<T | null> {
    return ref ? this.byId(ref.id) : Promise.resolve(null);
  }

  /**
   * The row a required relation points at. Policies are consistent (a row is only visible when the
   * rows it requires are), so a missing row is a server fault, not a null the schema does not allow.
   */
  async required(ref: { id: number }, owner: BaseEntity): Promise<T> {
    const row = await this.byId(ref.id);
    if (!row) throw new Error(`${this.entity.name} ${ref.id} of ${owner.constructor.name} ${owner.uuid} is missing`);
    return row;
  }

  /** The row with this uuid, or null (also for a text that is no uuid, and for a row not visible). */
  byUuid(uuid: string): Promise<T | null> {
    if (checkUuid(uuid) !== null) return Promise.resolve(null);
    const loader = this.loader<string, T | null>("byUuid", async (uuids) => {
      const rows = this.plain
        ? (await this.plainRows("e.uuid", "uuid", uuids)).map((r) => r.entity)
        : await this.ctx.em.find(this.entity, this.where({ uuid: { $in: [...uuids] } } as unknown as FilterQuery<T>));
      const found = new Map(this.read(rows).map((row) => [row.uuid, row]));
      return uuids.map((u) => found.get(u) ?? null);
    });
    return loader.load(uuid.toLowerCase());
  }

  /** The row with this uuid; NOT_FOUND when there is none, or none this request may see. */
  async get(uuid: string): Promise<T> {
    const found = await this.byUuid(uuid);
    if (!found) throw new NotFoundError(this.entity.name, uuid);
    return found;
  }

  /**
   * A reference in an input (`wasPartij: "<uuid>"`): undefined stays undefined (not given), null
   * stays null (cleared); a uuid that matches nothing visible is "does_not_exist" on `field`, as
   * Open Klant reports it, so that the answer reveals nothing the request may not see.
   */
  async reference(uuid: string | null | undefined, field: string, problems: InvalidParams): Promise<T | null | undefined> {
    if (uuid === undefined || uuid === null) return uuid;
    if (checkUuid(uuid) !== null) {
      problems.add(field, "invalid", "Geen geldige UUID.");
      return undefined;
    }
    const found = await this.byUuid(uuid);
    if (!found) problems.add(field, "does_not_exist", `${this.entity.name} object met uuid ${uuid} bestaat niet.`);
    return found ?? undefined;
  }

  /**
   * The visible children of many parents through one foreign key, in storage order. For small
   * bounded lists only (identificatoren, digitale adressen); unbounded lists are pages.
   */
  children(foreignKey: keyof T & string, parentId: number): Promise<T[]> {
    const loader = this.loader<number, T[]>(`by:${foreignKey}`, async (parentIds) => {
      const rows = this.plain
        ? (await this.plainRows(`e.${this.column(foreignKey)}`, "integer", parentIds, { order: "e.id asc" })).map((r) => r.entity)
        : await this.ctx.em.find(this.entity, this.where({ [foreignKey]: { $in: [...parentIds] } } as unknown as FilterQuery<T>), {
            orderBy: { id: "asc" } as never,
          });
      const byParent = new Map<number, T[]>();
      for (const row of this.read(rows)) {
        const id = (row[foreignKey] as unknown as BaseEntity).id;
        const list = byParent.get(id);
        if (list) list.push(row);
        else byParent.set(id, [row]);
      }
      return parentIds.map((id) => byParent.get(id) ?? []);
    });
    return loader.load(parentId);
  }

  /**
   * The visible rows that many parents reach through a link table (the actors of klantcontacten
   * through ActorKlantcontact): one statement, each list in the order the links were made.
   */
  linked<L extends BaseEntity>(link: EntityClass<L>, parent: keyof L & string, target: keyof L & string, parentId: number): Promise<T[]> {
    const loader = this.loader<number, T[]>(`via:${link.name}:${parent}`, async (parentIds) => {
      if (this.plain) return this.plainLinked(link, parent, target, parentIds);
      const links = await this.ctx.em.find(
        link,
        { [parent]: { $in: [...parentIds] }, ...(this.visible ? { [target]: this.visible } : {}) } as unknown as FilterQuery<L>,
        { populate: [target] as never, strategy: "joined", orderBy: { id: "asc" } as never },
      );
      const byParent = new Map<number, T[]>();
      for (const row of links) {
        const id = (row[parent] as unknown as BaseEntity).id;
        byParent.set(id, [...(byParent.get(id) ?? []), row[target] as unknown as T]);
      }
      this.read(links.map((row) => row[target] as unknown as T));
      return parentIds.map((id) => byParent.get(id) ?? []);
    });
    return loader.load(parentId);
  }

  /** `linked` in a query operation: the link table joined to this entity's table, plain rows. */
  private async plainLinked<L extends BaseEntity>(
    link: EntityClass<L>,
    parent: keyof L & string,
    target: keyof L & string,
    parentIds: readonly number[],
  ): Promise<T[][]> {
    const linkMeta = this.ctx.em.getMetadata().get(link.name);
    const column = (property: string) => linkMeta.properties[property as keyof typeof linkMeta.properties].fieldNames[0];
    const rows = await this.plainRows(`l.${column(parent)}`, "integer", parentIds, {
      join: (entityTable) => `${linkMeta.tableName} l join ${entityTable} on e.id = l.${column(target)}`,
      extra: `l.${column(parent)} as link_parent`,
      order: "l.id asc",
    });
    const byParent = new Map<number, T[]>();
    for (const { row, entity } of rows) {
      const id = Number(row.link_parent);
      const list = byParent.get(id);
      if (list) list.push(entity);
      else byParent.set(id, [entity]);
    }
    this.read(rows.map((r) => r.entity));
    return parentIds.map((id) => byParent.get(id) ?? []);
  }

  /** One page of the visible rows that match `where`: one statement. */
  async page(where: FilterQuery<T>, order: SortKey[], args: PageArgs): Promise<Connection<T>> {
    const page = await paginate(this.ctx.em, this.entity, this.where(where), order, args, this.plain ? this.mapper : undefined);
    this.read(page.edges.map((edge) => edge.node));
    return page;
  }

  /** One page per parent through a foreign key, for many parents in one statement. */
  async pagesPerParent(
    foreignKey: keyof T & string,
    parentIds: readonly number[],
    where: FilterQuery<T>,
    order: SortKey[],
    args: PageArgs,
  ): Promise<Map<number, Connection<T>>> {
    const pages = await paginatePerParent(
      this.ctx.em,
      this.entity,
      foreignKey,
      parentIds,
      this.where(where),
      order,
      args,
      this.plain ? this.mapper : undefined,
    );
    for (const page of pages.values()) this.read(page.edges.map((edge) => edge.node));
    return pages;
  }

  /** One page per key, the rows reaching a key through a link query of (row_id, page_key) pairs. */
  async pagesPerKey(
    links: Knex.QueryBuilder,
    keyType: "integer" | "text",
    keys: readonly string[],
    where: FilterQuery<T>,
    order: SortKey[],
    args: PageArgs,
  ): Promise<Map<string, Connection<T>>> {
    const pages = await paginatePerKey(
      this.ctx.em,
      this.entity,
      links,
      keyType,
      keys,
      this.where(where),
      order,
      args,
      this.plain ? this.mapper : undefined,
    );
    for (const page of pages.values()) this.read(page.edges.map((edge) => edge.node));
    return pages;
  }

  /** One page per parent through a link table that holds the page's sort keys (see SortedLinks): one statement. */
  async pagesPerSortedLink(
    links: SortedLinks,
    parentIds: readonly number[],
    where: FilterQuery<T>,
    order: SortKey[],
    args: PageArgs,
  ): Promise<Map<number, Connection<T>>> {
    const pages = await paginatePerSortedLink(
      this.ctx.em,
      this.entity,
      links,
      parentIds,
      this.where(where),
      order,
      args,
      this.plain ? this.mapper : undefined,
    );
    for (const page of pages.values()) this.read(page.edges.map((edge) => edge.node));
    return pages;
  }

  /** The visible rows that match `where`, for the checks and writes of the entity's own service. */
  async find(where: FilterQuery<T>, options?: FindOptions<T>): Promise<T[]> {
    return this.read(await this.ctx.em.find(this.entity, this.where(where), options as never));
  }

  /**
   * Whether any row other than `current` matches, visible or not: uniqueness holds across the
   * whole registry. Only for the unique checks of the entity's own writes.
   */
  async isTaken(where: FilterQuery<T>, current: T | null): Promise<boolean> {
    const condition = current ? and<T>(where, { id: { $ne: current.id } } as unknown as FilterQuery<T>) : where;
    return (await this.ctx.em.count(this.entity, condition)) > 0;
  }

  /**
   * `select <property> from <entity> where <where> and <visible>`, for another entity's filter or
   * policy (`{ id: { $in: ... } }`): a filter can only match through rows this request may see.
   */
  subquery(property: keyof T & string, where: FilterQuery<T>): Knex.QueryBuilder {
    subqueryCounter = (subqueryCounter + 1) % 1_000_000;
    const alias = `${this.entity.name.toLowerCase()}_${subqueryCounter}`;
    return this.ctx.em.createQueryBuilder(this.entity, alias).select(`${alias}.${property}`).where(this.where(where)).getKnexQuery();
  }
}

let subqueryCounter = 0;
