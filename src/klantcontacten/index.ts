import { zaakFromRepresentation } from "../federation/zaak.type";
import type { SchemaModule } from "../schema";
import { ActorKlantcontactResolver } from "./actor-klantcontact.resolver";
import { BetrokkeneResolver, PartijBetrokkenenResolver } from "./betrokkene.resolver";
import { BetrokkeneService } from "./betrokkene.service";
import { BijlageResolver } from "./bijlage.resolver";
import { KlantcontactResolver, PartijKlantcontactenResolver } from "./klantcontact.resolver";
import { KlantcontactService } from "./klantcontact.service";
import { MaakKlantcontactResolver } from "./maak-klantcontact.resolver";
import { OnderwerpobjectResolver } from "./onderwerpobject.resolver";
import { OnderwerpobjectService } from "./onderwerpobject.service";
import { RegistreerKlantcontactResolver } from "./registreer-klantcontact.resolver";
import { ZaakKlantcontactenResolver } from "./zaak.resolver";

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
    RegistreerKlantcontactResolver,
    ZaakKlantcontactenResolver,
  ],
  references: {
    // Batched through the services' uuid loaders: N references, one statement per type.
    Klantcontact: (reference, ctx) => ctx.service(KlantcontactService).byUuid(reference.uuid),
    Betrokkene: (reference, ctx) => ctx.service(BetrokkeneService).byUuid(reference.uuid),
    Onderwerpobject: (reference, ctx) => ctx.service(OnderwerpobjectService).byUuid(reference.uuid),
    // Owned by the Zaak subgraph: the representation itself is all this side knows of the zaak.
    Zaak: (reference) => zaakFromRepresentation(reference),
  },
};
