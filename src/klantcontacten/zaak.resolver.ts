import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { Zaak } from "../federation/zaak.type";
import { KlantcontactConnection } from "./klantcontact.resolver";
import { ZaakKlantcontactenArgs } from "./zaak.input";
import { ZaakService } from "./zaak.service";

/**
 * Zaak.klantcontacten: what this subgraph adds to the Zaak of the Zaak subgraph. Nullable, as every
 * field one subgraph adds to another's entity: when it fails, only it is null, not the zaak.
 */
@Resolver(() => Zaak)
export class ZaakKlantcontactenResolver {
  @RequiresScope("klantcontacten.lezen")
  @FieldResolver(() => KlantcontactConnection, {
    nullable: true,
    description: "Klantcontacten over deze zaak (via hun onderwerpobjecten, op zaak-uuid of zaakidentificatie), nieuwste eerst.",
  })
  @Directive('@requires(fields: "identificatie")')
  klantcontacten(@Root() zaak: Zaak, @Args(() => ZaakKlantcontactenArgs) args: ZaakKlantcontactenArgs, @Ctx() ctx: RequestContext) {
    return ctx.service(ZaakService).klantcontactenVan(zaak, args);
  }
}
