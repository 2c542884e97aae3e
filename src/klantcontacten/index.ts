import type { SchemaModule } from "../schema";
import { ActorKlantcontactResolver } from "./actor-klantcontact.resolver";
import { BetrokkeneResolver, PartijBetrokkenenResolver } from "./betrokkene.resolver";
import { BetrokkeneService } from "./betrokkene.service";
import { BijlageResolver } from "./bijlage.resolver";
import { KlantcontactResolver, PartijKlantcontactenResolver } from "./klantcontact.resolver";
import { KlantcontactService } from "./klantcontact.service";
import { MaakKlantcontactResolver } from "./maak-klantcontact.resolver";
import { OnderwerpobjectResolver } from "./onderwerpobject.resolver";
import { KlantcontactZakenResolver, OnderwerpobjectZaakResolver, ZaakKlantcontactenResolver } from "./zaak.resolver";

export const klantcontactenModule: SchemaModule = {
  resolvers: [
    KlantcontactResolver,
    PartijKlantcontactenResolver,
    BetrokkeneResolver,
    PartijBetrokkenenResolver,
    OnderwerpobjectResolver,
    BijlageResolver,
    ActorKlantcontactResolver,
    MaakKlantcontactResolver,
    ZaakKlantcontactenResolver,
    OnderwerpobjectZaakResolver,
    KlantcontactZakenResolver,
  ],
  // Batched through the services' uuid loaders: N references, one statement per type.
  references: {
    Klantcontact: (reference, ctx) => ctx.service(KlantcontactService).byUuid(reference.uuid),
    Betrokkene: (reference, ctx) => ctx.service(BetrokkeneService).byUuid(reference.uuid),
  },
};
