import type { FilterQuery } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import { refuseBurger, requireAreaScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import { AuditSoort } from "../audit/enums";
import type { RequestContext } from "../common/context";
import { uuidFilter } from "../common/filters";
import type { Connection, PageArgs } from "../common/connection";
import { InvalidParams } from "../common/errors";
import { EntityGate, NO_ROWS } from "../common/gate";
import { fieldErrors } from "../common/validation";
import type { Partij } from "./partij.entity";
import { PartijService } from "./partij.service";
import { Vertegenwoordiging } from "./vertegenwoordiging.entity";
import type { VertegenwoordigingFilter, VertegenwoordigingInput, VertegenwoordigingUpdateInput } from "./vertegenwoordiging.input";

export class VertegenwoordigingService {
  /** The only way to Vertegenwoordiging rows. */
  private readonly gate: EntityGate<Vertegenwoordiging>;

  constructor(private readonly ctx: RequestContext) {
    this.gate = new EntityGate<Vertegenwoordiging>(ctx, Vertegenwoordiging, { visible: () => this.visibleCondition() });
  }

  private get partijen() {
    return this.ctx.service(PartijService);
  }

  /**
   * A relatie is visible when both its partijen are (so that its required relations always
   * resolve); a citizen-bound token sees none (who represents whom is for staff).
   */
  private visibleCondition(): FilterQuery<Vertegenwoordiging> | undefined {
    if (isBurger(this.ctx.principal)) return NO_ROWS as FilterQuery<Vertegenwoordiging>;
    const vertegenwoordigende = this.partijen.visibleUnder<Vertegenwoordiging>("vertegenwoordigendePartij");
    const vertegenwoordigde = this.partijen.visibleUnder<Vertegenwoordiging>("vertegenwoordigdePartij");
    if (!vertegenwoordigende || !vertegenwoordigde) return undefined;
    return { $and: [vertegenwoordigende, vertegenwoordigde] } as FilterQuery<Vertegenwoordiging>;
  }

  /** Reading needs partijen.lezen (FORBIDDEN before SQL); the gate decides which rows. */
  private get reading(): EntityGate<Vertegenwoordiging> {
    requireAreaScope(this.ctx, "partijen", "lezen");
    return this.gate;
  }

  /** Writing needs partijen.schrijven (or .verwijderen), and is for staff only. */
  private writable(action: "schrijven" | "verwijderen" = "schrijven"): void {
    requireAreaScope(this.ctx, "partijen", action);
    refuseBurger(this.ctx);
  }

  byUuid(uuid: string): Promise<Vertegenwoordiging | null> {
    return this.reading.byUuid(uuid);
  }

  list(filter: VertegenwoordigingFilter | null | undefined, page: PageArgs): Promise<Connection<Vertegenwoordiging>> {
    const where: FilterQuery<Vertegenwoordiging> = {};
    // not a uuid: the nil uuid, which matches nothing and is a valid uuid for PostgreSQL
    if (filter?.vertegenwoordigendePartij) where.vertegenwoordigendePartij = { uuid: uuidFilter(filter.vertegenwoordigendePartij) };
    if (filter?.vertegenwoordigdePartij) where.vertegenwoordigdePartij = { uuid: uuidFilter(filter.vertegenwoordigdePartij) };
    const reading = this.reading;
    return reading.page(where, [], page);
  }

  /** The visible relaties in which a partij represents others (batched over all partijen of the request). */
  vanVertegenwoordigende(partij: Partij): Promise<Vertegenwoordiging[]> {
    return this.reading.children("vertegenwoordigendePartij", partij.id);
  }

  /** Sub-query of the ids of the partijen that the partij with this uuid represents (the vertegenwoordigdDoor filter). */
  vertegenwoordigdeIds(vertegenwoordigendeUuid: string): Knex.QueryBuilder {
    return this.gate.subquery("vertegenwoordigdePartij", {
      vertegenwoordigendePartij: { uuid: uuidFilter(vertegenwoordigendeUuid) },
    });
  }

  async vertegenwoordigendePartij(relatie: Vertegenwoordiging): Promise<Partij> {
    return this.partijen.required(relatie.vertegenwoordigendePartij, relatie);
  }

  async vertegenwoordigdePartij(relatie: Vertegenwoordiging): Promise<Partij> {
    return this.partijen.required(relatie.vertegenwoordigdePartij, relatie);
  }

  async create(input: VertegenwoordigingInput): Promise<Vertegenwoordiging> {
    this.writable();
    const { vertegenwoordigende, vertegenwoordigde } = await this.check(null, input);
    return this.ctx.transaction(async () => {
      const relatie = this.ctx.em.create(Vertegenwoordiging, {
        vertegenwoordigendePartij: vertegenwoordigende!,
        vertegenwoordigdePartij: vertegenwoordigde!,
      } as never);
      await this.ctx.em.flush();
      this.audit(relatie, AuditSoort.SCHRIJVEN);
      return relatie;
    });
  }

  async update(uuid: string, input: VertegenwoordigingUpdateInput): Promise<Vertegenwoordiging> {
    this.writable();
    const relatie = await this.gate.get(uuid);
    const { vertegenwoordigende, vertegenwoordigde } = await this.check(relatie, input);
    return this.ctx.transaction(async () => {
      this.audit(relatie, AuditSoort.SCHRIJVEN);
      if (vertegenwoordigende) relatie.vertegenwoordigendePartij = vertegenwoordigende;
      if (vertegenwoordigde) relatie.vertegenwoordigdePartij = vertegenwoordigde;
      await this.ctx.em.flush();
      this.audit(relatie, AuditSoort.SCHRIJVEN);
      return relatie;
    });
  }

  async delete(uuid: string): Promise<string> {
    this.writable("verwijderen");
    const relatie = await this.gate.get(uuid);
    await this.ctx.transaction(async () => {
      await this.ctx.em.nativeDelete(Vertegenwoordiging, { id: relatie.id });
      this.audit(relatie, AuditSoort.VERWIJDEREN);
    });
    return relatie.uuid;
  }

  /** Both partijen of a relatie are data subjects of its writes. */
  private audit(relatie: Vertegenwoordiging, soort: AuditSoort): void {
    this.partijen.auditUnder([relatie.vertegenwoordigendePartij, relatie.vertegenwoordigdePartij], soort);
  }

  /** Checks the input (of a new relatie when `relatie` is null); returns the partijen it names. */
  private async check(relatie: Vertegenwoordiging | null, input: VertegenwoordigingUpdateInput) {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    problems.throwIfAny();
    // one after the other, so that the problems come in field order
    const vertegenwoordigende = await this.partijen.reference(input.vertegenwoordigendePartij, "vertegenwoordigendePartij", problems);
    const vertegenwoordigde = await this.partijen.reference(input.vertegenwoordigdePartij, "vertegenwoordigdePartij", problems);
    problems.throwIfAny();
    const vanId = vertegenwoordigende?.id ?? relatie!.vertegenwoordigendePartij.id;
    const voorId = vertegenwoordigde?.id ?? relatie!.vertegenwoordigdePartij.id;
    if (vanId === voorId) {
      problems.add("vertegenwoordigdePartij", "invalid", "De partij kan niet zichzelf vertegenwoordigen.");
    } else {
      if (await this.gate.isTaken({ vertegenwoordigendePartij: vanId, vertegenwoordigdePartij: voorId }, relatie)) {
        problems.add(
          "nonFieldErrors",
          "unique",
          "De velden vertegenwoordigendePartij, vertegenwoordigdePartij moeten een unieke set zijn.",
        );
      }
    }
    problems.throwIfAny();
    return { vertegenwoordigende, vertegenwoordigde };
  }
}
