import DataLoader from "dataloader";
import type { EntityClass, FilterQuery } from "@mikro-orm/core";
import type { BaseEntity } from "./base.entity";
import type { RequestContext } from "./context";

/**
 * Generic batched lookups: whatever the number of keys asked in one tick, one SQL statement.
 * Module loaders (*.loader.ts) are built from these.
 */

/** Entities by storage id (to follow a many-to-one reference). Missing ids give null. */
export function byIdLoader<T extends BaseEntity>(ctx: RequestContext, entity: EntityClass<T>): DataLoader<number, T | null> {
  return ctx.loader(`${entity.name}:byId`, () =>
    new DataLoader<number, T | null>(async (ids) => {
      const rows = await ctx.em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  );
}

/** Entities by uuid (root fields and federation references). Unknown uuids give null. */
export function byUuidLoader<T extends BaseEntity>(ctx: RequestContext, entity: EntityClass<T>): DataLoader<string, T | null> {
  return ctx.loader(`${entity.name}:byUuid`, () =>
    new DataLoader<string, T | null>(async (uuids) => {
      const rows = await ctx.em.find(entity, { uuid: { $in: [...uuids] } } as unknown as FilterQuery<T>);
      const found = new Map(rows.map((row) => [row.uuid, row]));
      return uuids.map((uuid) => found.get(uuid) ?? null);
    }),
  );
}

/**
 * The children of many parents through one foreign key, e.g. DigitaalAdres by verstrektDoorPartij.
 * For small bounded lists only (identificatoren, digitale adressen); lists that can grow without
 * bound are connections (connection.ts).
 */
export function childrenLoader<T extends BaseEntity>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  foreignKey: keyof T & string,
): DataLoader<number, T[]> {
  return ctx.loader(`${entity.name}:by:${foreignKey}`, () =>
    new DataLoader<number, T[]>(async (parentIds) => {
      const rows = await ctx.em.find(entity, { [foreignKey]: { $in: [...parentIds] } } as unknown as FilterQuery<T>, {
        orderBy: { id: "asc" } as never,
      });
      const byParent = new Map<number, T[]>();
      for (const row of rows) {
        const parentId = (row[foreignKey] as unknown as BaseEntity).id;
        const list = byParent.get(parentId) ?? [];
        list.push(row);
        byParent.set(parentId, list);
      }
      return parentIds.map((id) => byParent.get(id) ?? []);
    }),
  );
}

/**
 * The targets of many parents through a link table, e.g. the actors of klantcontacten through
 * ActorKlantcontact: one statement (link rows joined with their targets), each list in the order
 * the links were made.
 */
export function linkedLoader<L extends BaseEntity, T extends BaseEntity>(
  ctx: RequestContext,
  link: EntityClass<L>,
  parent: keyof L & string,
  target: keyof L & string,
): DataLoader<number, T[]> {
  return ctx.loader(`${link.name}:${target}:by:${parent}`, () =>
    new DataLoader<number, T[]>(async (parentIds) => {
      const links = await ctx.em.find(link, { [parent]: { $in: [...parentIds] } } as unknown as FilterQuery<L>, {
        populate: [target] as never,
        strategy: "joined",
        orderBy: { id: "asc" } as never,
      });
      const byParent = new Map<number, T[]>();
      for (const row of links) {
        const parentId = (row[parent] as unknown as BaseEntity).id;
        byParent.set(parentId, [...(byParent.get(parentId) ?? []), row[target] as unknown as T]);
      }
      return parentIds.map((id) => byParent.get(id) ?? []);
    }),
  );
}

/** The row a many-to-one relation points at (batched through byIdLoader); null when it is empty. */
export function loadRelated<T extends BaseEntity>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  ref: { id: number } | null | undefined,
): Promise<T | null> {
  return ref ? byIdLoader(ctx, entity).load(ref.id) : Promise.resolve(null);
}

/**
 * The row a required relation points at. The foreign key guarantees it exists, so a missing row
 * is a server fault (masked as an internal error), not a null the schema does not allow.
 */
export async function loadRequiredRelated<T extends BaseEntity>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  ref: { id: number },
  owner: BaseEntity,
): Promise<T> {
  const row = await byIdLoader(ctx, entity).load(ref.id);
  if (!row) throw new Error(`${entity.name} ${ref.id} of ${owner.constructor.name} ${owner.uuid} is missing`);
  return row;
}
