import type { SchemaModule } from "../schema";
import { ActorResolver } from "./actor.resolver";
import { ActorService } from "./actor.service";
import { InterneTaakAfhandelingResolver } from "./interne-taak-afhandeling.resolver";
import { InterneTaakResolver, KlantcontactInterneTakenResolver, PartijInterneTakenResolver } from "./interne-taak.resolver";
import { InterneTaakService } from "./interne-taak.service";
import { VindOfMaakActorResolver } from "./vind-of-maak-actor.resolver";

export const opvolgingModule: SchemaModule = {
  resolvers: [
    ActorResolver,
    InterneTaakResolver,
    InterneTaakAfhandelingResolver,
    KlantcontactInterneTakenResolver,
    PartijInterneTakenResolver,
    VindOfMaakActorResolver,
  ],
  references: {
    // Batched: byUuid goes through the request's uuid loader.
    Actor: (reference, ctx) => ctx.service(ActorService).byUuid(reference.uuid),
    InterneTaak: (reference, ctx) => ctx.service(InterneTaakService).byUuid(reference.uuid),
  },
};
