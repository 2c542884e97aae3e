import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../common/context";
import { Zaak } from "../federation/zaak.type";
import { Klantcontact } from "./klantcontact.entity";
import { KlantcontactConnection } from "./klantcontact.resolver";
import { Onderwerpobject } from "./onderwerpobject.entity";
import { ZaakKlantcontactenArgs } from "./zaak.input";
import { ZaakService } from "./zaak.service";

/** Zaak.klantcontacten: what this subgraph adds to the Zaak of the Zaak subgraph. */
@Resolver(() => Zaak)
export class ZaakKlantcontactenResolver {
  @FieldResolver(() => KlantcontactConnection, {
    description:
      "Klantcontacten over deze zaak (via hun onderwerpobjecten, op zaak-uuid of zaakidentificatie), nieuwste eerst.",
  })
  @Directive('@requires(fields: "identificatie")')
  klantcontacten(@Root() zaak: Zaak, @Args(() => ZaakKlantcontactenArgs) args: ZaakKlantcontactenArgs, @Ctx() ctx: RequestContext) {
    return ctx.service(ZaakService).klantcontactenVan(zaak, args);
  }
}

@Resolver(() => Onderwerpobject)
export class OnderwerpobjectZaakResolver {
  @FieldResolver(() => Zaak, {
    nullable: true,
    description:
      "De zaak waar dit onderwerpobject naar verwijst (codeObjecttype een zaaktype uit ZAAK_OBJECTTYPES, codeSoortObjectId 'uuid'); null voor andere objecten en voor verwijzingen op zaakidentificatie.",
  })
  zaak(@Root() onderwerpobject: Onderwerpobject, @Ctx() ctx: RequestContext) {
    return ctx.service(ZaakService).zaakVan(onderwerpobject);
  }
}

@Resolver(() => Klantcontact)
export class KlantcontactZakenResolver {
  @FieldResolver(() => [Zaak], { description: "De zaken waar dit klantcontact over ging (via zijn onderwerpobjecten)." })
  zaken(@Root() klantcontact: Klantcontact, @Ctx() ctx: RequestContext) {
    return ctx.service(ZaakService).zakenVan(klantcontact);
  }
}
