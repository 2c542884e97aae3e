import type { RequestContext } from "../common/context";
import { paginate, type Connection, type PageArgs } from "../common/connection";
import { InvalidParams } from "../common/errors";
import { TextFilters } from "../common/filters";
import { findByUuid, getByUuid } from "../common/references";
import { fieldErrors } from "../common/validation";
import { Categorie } from "./categorie.entity";
import type { CategorieFilter, CategorieInput, CategorieUpdateInput } from "./categorie.input";

export class CategorieService {
  constructor(private readonly ctx: RequestContext) {}

  byUuid(uuid: string): Promise<Categorie | null> {
    return findByUuid(this.ctx, Categorie, uuid);
  }

  list(filter: CategorieFilter | null | undefined, page: PageArgs): Promise<Connection<Categorie>> {
    const where = filter?.naam ? new TextFilters(this.ctx.em, Categorie).iexact("naam", filter.naam) : {};
    return paginate(this.ctx.em, Categorie, where, [], page);
  }

  async create(input: CategorieInput): Promise<Categorie> {
    await this.check(input);
    return this.ctx.transaction(async () => {
      const categorie = this.ctx.em.create(Categorie, { naam: input.naam ?? "" } as never);
      await this.ctx.em.flush();
      return categorie;
    });
  }

  async update(uuid: string, input: CategorieUpdateInput): Promise<Categorie> {
    const categorie = await getByUuid(this.ctx, Categorie, uuid);
    await this.check(input);
    return this.ctx.transaction(async () => {
      if (input.naam !== undefined) categorie.naam = input.naam ?? "";
      await this.ctx.em.flush();
      return categorie;
    });
  }

  /** Deleting a categorie deletes its relaties with partijen (not the partijen). */
  async delete(uuid: string): Promise<string> {
    const categorie = await getByUuid(this.ctx, Categorie, uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(Categorie, { id: categorie.id }));
    return categorie.uuid;
  }

  private async check(input: CategorieInput): Promise<void> {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    problems.throwIfAny();
  }
}
