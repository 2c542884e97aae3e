import DataLoader from "dataloader";
import type { RequestContext } from "../common/context";
import type { Actor } from "../opvolging/actor.entity";
import { ActorKlantcontact } from "./actor-klantcontact.entity";

/**
 * Klantcontact.hadBetrokkenActoren: the actors of many klantcontacten through ActorKlantcontact,
 * in one statement (the link rows joined with their actors), in the order they were linked.
 */
export function actorenVanKlantcontactLoader(ctx: RequestContext): DataLoader<number, Actor[]> {
  return ctx.loader("Klantcontact:actoren", () =>
    new DataLoader<number, Actor[]>(async (klantcontactIds) => {
      const links = await ctx.em.find(
        ActorKlantcontact,
        { klantcontact: { $in: [...klantcontactIds] } },
        { populate: ["actor"], strategy: "joined", orderBy: { id: "asc" } },
      );
      const byKlantcontact = new Map<number, Actor[]>();
      for (const link of links) {
        const list = byKlantcontact.get(link.klantcontact.id) ?? [];
        list.push(link.actor);
        byKlantcontact.set(link.klantcontact.id, list);
      }
      return klantcontactIds.map((id) => byKlantcontact.get(id) ?? []);
    }),
  );
}
