import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { MaakKlantcontactInput, MaakKlantcontactResult } from "./maak-klantcontact.input";
import { MaakKlantcontactService } from "./maak-klantcontact.service";

@Resolver()
export class MaakKlantcontactResolver {
  @RequiresScope("klantcontacten.schrijven")
  @Mutation(() => MaakKlantcontactResult, {
    description: "Legt een klantcontact vast met (optioneel) een betrokkene en een onderwerpobject, in één transactie: alles of niets.",
  })
  maakKlantcontact(@Arg("input", () => MaakKlantcontactInput) input: MaakKlantcontactInput, @Ctx() ctx: RequestContext) {
    return ctx.service(MaakKlantcontactService).maak(input);
  }
}
