import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Zaak, owned by the Zaak subgraph (contract: schema/zaken.graphql). This subgraph only knows its
 * key and adds `klantcontacten`; `identificatie` is external so that links written with the zaak
 * identificatie (Open Inwoner) are found as well as links written with its uuid (KISS, ITA).
 */
@ObjectType({ description: "Een zaak in een zaaksysteem (ZGW Zaken API); eigendom van de Zaak-subgraph." })
@Directive('@key(fields: "uuid")')
export class Zaak {
  @Field(() => ID)
  uuid!: string;

  @Field(() => String)
  @Directive("@external")
  identificatie?: string;
}

/** A reference the router completes from the Zaak subgraph. */
export function zaakReference(uuid: string): Zaak {
  return Object.assign(new Zaak(), { uuid });
}
