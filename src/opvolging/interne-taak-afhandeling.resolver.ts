import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import {
  HandelInterneTaakAfInput,
  HandelInterneTaakAfResultaat,
  StuurInterneTaakDoorInput,
  StuurInterneTaakDoorResultaat,
} from "./interne-taak-afhandeling.input";
import { InterneTaakAfhandelingService } from "./interne-taak-afhandeling.service";

@Resolver()
export class InterneTaakAfhandelingResolver {
  @RequiresScope("opvolging.schrijven")
  @Mutation(() => HandelInterneTaakAfResultaat, {
    description:
      "Handelt een openstaande interne taak af (status verwerkt, afgehandeldOp nu), optioneel met het antwoord aan de klant als nieuw klantcontact over de vraag, in één transactie: alles of niets. Een antwoord vraagt ook klantcontacten.schrijven en klantcontacten.lezen.",
  })
  handelInterneTaakAf(
    @Arg("uuid", () => ID, { description: "uuid van de interne taak." }) uuid: string,
    @Arg("input", () => HandelInterneTaakAfInput, { nullable: true }) input: HandelInterneTaakAfInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(InterneTaakAfhandelingService).handelAf(uuid, input);
  }

  @RequiresScope("opvolging.schrijven")
  @Mutation(() => StuurInterneTaakDoorResultaat, {
    description:
      "Stuurt een openstaande interne taak door naar andere actoren: toegewezen aan hen, of afgesloten met een toelichting en als nieuwe taak op hetzelfde klantcontact aan hen gegeven; in één transactie.",
  })
  stuurInterneTaakDoor(
    @Arg("uuid", () => ID, { description: "uuid van de interne taak." }) uuid: string,
    @Arg("input", () => StuurInterneTaakDoorInput) input: StuurInterneTaakDoorInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(InterneTaakAfhandelingService).stuurDoor(uuid, input);
  }
}
