import { Directive, Field, ID, ObjectType } from "type-graphql";
import { checkUuid } from "../common/validators";
import type { EntityRepresentation } from "./subgraph";

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
  identificatie?: string | null;
}

/**
 * The zaak a representation names: its uuid in lower case, and the identificatie it @requires when
 * that came as a string (without one only uuid links are found). Null when the uuid is malformed:
 * ZGW zaken are keyed by uuid, so such a representation names no zaak.
 */
export function zaakFromRepresentation(representation: EntityRepresentation): Zaak | null {
  if (checkUuid(representation.uuid) !== null) return null;
  const identificatie = typeof representation.identificatie === "string" ? representation.identificatie : null;
  return Object.assign(new Zaak(), { uuid: representation.uuid.toLowerCase(), identificatie });
}
