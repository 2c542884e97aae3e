import { Field, ObjectType } from "type-graphql";
import { Actor } from "./actor.entity";

@ObjectType({ description: "Wat vindOfMaakActor vond of maakte." })
export class VindOfMaakActorResultaat {
  @Field(() => Actor, { description: "De gevonden of nieuwe actor." })
  actor!: Actor;

  @Field(() => Boolean, { description: "true als de actor in deze aanroep is gemaakt, false als hij al bestond." })
  aangemaakt!: boolean;
}
