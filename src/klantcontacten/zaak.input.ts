import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "../common/connection";

@ArgsType()
export class ZaakKlantcontactenArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Alleen klantcontacten waarin deze partij (uuid) de initiërende betrokkene was.",
  })
  initiatorPartij?: string | null;
}
