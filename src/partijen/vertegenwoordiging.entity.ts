import { Check, Entity, ManyToOne, Unique, type Rel } from "@mikro-orm/core";
import { ObjectType } from "type-graphql";
import { BaseEntity } from "../common/base.entity";
import { Partij } from "./partij.entity";

/** Vertegenwoordigden: one partij represents another (a guardian, a bewindvoerder, a company's contact). */
@Entity()
@Unique({ properties: ["vertegenwoordigendePartij", "vertegenwoordigdePartij"] })
@Check({
  name: "vertegenwoordiging_niet_zichzelf",
  expression: "vertegenwoordigende_partij_id <> vertegenwoordigde_partij_id",
})
@ObjectType({ description: "Relatie waarin een partij een andere partij vertegenwoordigt." })
export class Vertegenwoordiging extends BaseEntity {
  @ManyToOne({ entity: () => Partij, deleteRule: "cascade" })
  vertegenwoordigendePartij!: Rel<Partij>;

  @ManyToOne({ entity: () => Partij, deleteRule: "cascade", index: true })
  vertegenwoordigdePartij!: Rel<Partij>;
}
