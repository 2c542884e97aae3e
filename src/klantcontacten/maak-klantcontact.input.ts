import { Field, InputType, ObjectType } from "type-graphql";
import { Betrokkene } from "./betrokkene.entity";
import { MaakKlantcontactBetrokkeneInput } from "./betrokkene.input";
import { Klantcontact } from "./klantcontact.entity";
import { KlantcontactInput } from "./klantcontact.input";
import { Onderwerpobject } from "./onderwerpobject.entity";
import { MaakKlantcontactOnderwerpobjectInput } from "./onderwerpobject.input";

@InputType({
  description: "Een klantcontact met (optioneel) een betrokkene en een onderwerpobject, in één keer vast te leggen.",
})
export class MaakKlantcontactInput {
  @Field(() => KlantcontactInput, { description: "Het klantcontact." })
  klantcontact!: KlantcontactInput;

  @Field(() => MaakKlantcontactBetrokkeneInput, { nullable: true, description: "Een betrokkene bij dit klantcontact." })
  betrokkene?: MaakKlantcontactBetrokkeneInput | null;

  @Field(() => MaakKlantcontactOnderwerpobjectInput, {
    nullable: true,
    description: "Een onderwerpobject waarover dit klantcontact ging.",
  })
  onderwerpobject?: MaakKlantcontactOnderwerpobjectInput | null;
}

@ObjectType({ description: "Wat maakKlantcontact heeft vastgelegd." })
export class MaakKlantcontactResult {
  @Field(() => Klantcontact, { description: "Het nieuwe klantcontact." })
  klantcontact!: Klantcontact;

  @Field(() => Betrokkene, { nullable: true, description: "De nieuwe betrokkene (null als er geen is meegegeven)." })
  betrokkene!: Betrokkene | null;

  @Field(() => Onderwerpobject, { nullable: true, description: "Het nieuwe onderwerpobject (null als er geen is meegegeven)." })
  onderwerpobject!: Onderwerpobject | null;
}
