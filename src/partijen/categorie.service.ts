import type { FilterQuery } from "@mikro-orm/core";
import { refuseBurger, requireAreaScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import type { RequestContext } from "../common/context";
import type { Connection, PageArgs } from "../common/connection";
import { InvalidParams } from "../common/errors";
import { TextFilters } from "../common/filters";
import { EntityGate, NO_ROWS } from "../common/gate";
import { fieldErrors } from "../common/validation";
import { Categorie } from "./categorie.entity";
import type { CategorieFilter, CategorieInput, CategorieUpdateInput } from "./categorie.input";

export class CategorieService {
  /** The only way to Categorie rows: all of them for staff, none for a citizen-bound token. */
  private readonly gate: EntityGate<Categorie>;

  constructor(private readonly ctx: RequestContext) {
    this.gate = new EntityGate<Categorie>(ctx, Categorie, {
      visible: () => (isBurger(ctx.principal) ? (NO_ROWS as FilterQuery<Categorie>) : undefined),
    });
  }

  /** Reading needs partijen.lezen (FORBIDDEN before SQL). */
  private get reading(): EntityGate<Categorie> {
    requireAreaScope(this.ctx, "partijen", "lezen");
    return this.gate;
  }

  /** Writing needs partijen.schrijven (or .verwijderen), and is for staff only. */
  private writable(action: "schrijven" | "verwijderen" = "schrijven"): void {
    requireAreaScope(this.ctx, "partijen", action);
    refuseBurger(this.ctx);
  }

  byUuid(uuid: string): Promise<Categorie | null> {
    return this.reading.byUuid(uuid);
  }

  /** The categorie a relatie points at (CategorieRelatie.categorie); null when absent or not visible. */
  related(ref: { id: number } | null | undefined): Promise<Categorie | null> {
    return this.reading.related(ref);
  }

  /** A categorie named in an input: "does_not_exist" on `field` unless it is visible. */
  reference(uuid: string | null | undefined, field: string, problems: InvalidParams): Promise<Categorie | null | undefined> {
    return this.gate.reference(uuid, field, problems);
  }

  /** The condition "naam is (case-insensitively) `naam`", for the categorieNaam filters. */
  naamIs(naam: string): FilterQuery<Categorie> {
    return new TextFilters(this.ctx.em, Categorie).iexact("naam", naam);
  }

  list(filter: CategorieFilter | null | undefined, page: PageArgs): Promise<Connection<Categorie>> {
    const reading = this.reading;
    return reading.page(filter?.naam ? this.naamIs(filter.naam) : {}, [], page);
  }

  async create(input: CategorieInput): Promise<Categorie> {
    this.writable();
    await this.check(input);
    return this.ctx.transaction(async () => {
      const categorie = this.ctx.em.create(Categorie, { naam: input.naam ?? "" } as never);
      await this.ctx.em.flush();
      return categorie;
    });
  }

  async update(uuid: string, input: CategorieUpdateInput): Promise<Categorie> {
    this.writable();
    const categorie = await this.gate.get(uuid);
    await this.check(input);
    return this.ctx.transaction(async () => {
      if (input.naam !== undefined) categorie.naam = input.naam ?? "";
      await this.ctx.em.flush();
      return categorie;
    });
  }

  /** Deleting a categorie deletes its relaties with partijen (not the partijen). */
  async delete(uuid: string): Promise<string> {
    this.writable("verwijderen");
    const categorie = await this.gate.get(uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(Categorie, { id: categorie.id }));
    return categorie.uuid;
  }

  private async check(input: CategorieInput): Promise<void> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    problems.throwIfAny();
  }
}
