import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { ActorInput } from "./actor.input";
import { ActorService } from "./actor.service";
import { VindOfMaakActorResultaat } from "./vind-of-maak-actor.type";

@Resolver()
export class VindOfMaakActorResolver {
  @RequiresScope("opvolging.schrijven")
  @Mutation(() => VindOfMaakActorResultaat, {
    description: [
      "Zoekt de actor met deze actoridentificator (alle vier delen vereist, exact gelijk) en maakt hem met deze gegevens als hij niet bestaat.",
      "Een gevonden actor wordt niet gewijzigd; zijn er meerdere, dan de oudste. Veilig bij gelijktijdige aanroepen: allemaal krijgen ze dezelfde actor, één maakt hem.",
    ].join("\n"),
  })
  vindOfMaakActor(@Arg("input", () => ActorInput) input: ActorInput, @Ctx() ctx: RequestContext) {
    return ctx.service(ActorService).vindOfMaak(input);
  }
}
