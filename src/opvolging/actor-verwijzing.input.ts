import { ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ActorInput } from "./actor.input";

/**
 * An actor named inside a workflow (registreerKlantcontact, the toewijzing of an interne taak):
 * an existing one by uuid, or one found by its actoridentificator and created when absent, as
 * KISS and ITA do for the medewerker who is logged in and for the afdeling a task goes to.
 */
@InputType({
  description: [
    "Een actor: een bestaande op uuid, of een die op zijn actoridentificator gevonden wordt en anders gemaakt (vindOfMaak). Geef precies één van beide.",
    "Bij vindOfMaak zijn alle vier delen van de actoridentificator vereist; een gevonden actor wordt niet gewijzigd.",
  ].join("\n"),
})
export class ActorVerwijzingInput {
  @Field(() => ID, { nullable: true, description: "uuid van een bestaande actor." })
  uuid?: string | null;

  @Field(() => ActorInput, {
    nullable: true,
    description: "De actor die op zijn actoridentificator gezocht wordt; bestaat hij niet, dan wordt hij met deze gegevens gemaakt.",
  })
  @ValidateNested()
  vindOfMaak?: ActorInput | null;
}
