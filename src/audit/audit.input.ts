import { Field, ID, InputType } from "type-graphql";
import { Satisfies } from "../common/validation";
import { checkBsn, checkUuid } from "../common/validators";

@InputType({ description: "De betrokkene van wie de verwerkingen gevraagd worden: een BSN of een partij (precies één van beide)." })
export class AuditBetrokkeneInput {
  @Field(() => String, {
    nullable: true,
    description: "BSN van de persoon; geeft ook de verwerkingen die zijn vastgelegd op de partij die nu dit BSN heeft.",
  })
  @Satisfies(checkBsn)
  bsn?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "uuid van de partij (ook een verwijderde); geeft ook de verwerkingen die zijn vastgelegd op het BSN dat de partij nu heeft.",
  })
  @Satisfies(checkUuid)
  partij?: string | null;
}
