import DataLoader from "dataloader";
import type { RequestContext } from "../common/context";
import type { Actor } from "./actor.entity";
import { Toewijzing } from "./toewijzing.entity";

/**
 * The actors of many interne taken, each list in the order of assignment: one statement for all
 * taken in the request (toewijzing joined with actor, ordered by the toewijzing's id).
 */
export function toegewezenActorenLoader(ctx: RequestContext): DataLoader<number, Actor[]> {
  return ctx.loader("InterneTaak:toegewezenAanActoren", () =>
    new DataLoader<number, Actor[]>(async (taakIds) => {
      const toewijzingen = await ctx.em.find(
        Toewijzing,
        { interneTaak: { $in: [...taakIds] } },
        { populate: ["actor"], strategy: "joined", orderBy: { id: "asc" } },
      );
      const byTaak = new Map<number, Actor[]>();
      for (const toewijzing of toewijzingen) {
        const list = byTaak.get(toewijzing.interneTaak.id) ?? [];
        list.push(toewijzing.actor);
        byTaak.set(toewijzing.interneTaak.id, list);
      }
      return taakIds.map((id) => byTaak.get(id) ?? []);
    }),
  );
}
