import type { FilterQuery } from "@mikro-orm/core";
import type { RequestContext } from "../common/context";
import { paginate, type Connection, type PageArgs } from "../common/connection";
import { toDateString } from "../common/dates";
import { InvalidParams } from "../common/errors";
import { TextFilters, uuidFilter } from "../common/filters";
import { childrenLoader, loadRelated } from "../common/loaders";
import { findByUuid, getByUuid, resolveReference } from "../common/references";
import { Categorie } from "./categorie.entity";
import { CategorieRelatie } from "./categorie-relatie.entity";
import type { CategorieRelatieFilter, CategorieRelatieInput } from "./categorie-relatie.input";
import { Partij } from "./partij.entity";

export class CategorieRelatieService {
  constructor(private readonly ctx: RequestContext) {}

  byUuid(uuid: string): Promise<CategorieRelatie | null> {
    return findByUuid(this.ctx, CategorieRelatie, uuid);
  }

  list(filter: CategorieRelatieFilter | null | undefined, page: PageArgs): Promise<Connection<CategorieRelatie>> {
    const where: FilterQuery<CategorieRelatie> = {};
    if (filter?.partij) where.partij = { uuid: uuidFilter(filter.partij) };
    if (filter?.categorie) where.categorie = { uuid: uuidFilter(filter.categorie) };
    if (filter?.categorieNaam) where.categorie = { ...(where.categorie as object), ...new TextFilters(this.ctx.em, Categorie).iexact("naam", filter.categorieNaam) };
    if (filter?.beginDatum) where.beginDatum = toDateString(filter.beginDatum);
    if (filter?.eindDatum) where.eindDatum = toDateString(filter.eindDatum);
    return paginate(this.ctx.em, CategorieRelatie, where, [], page);
  }

  /** The categorie-relaties of a partij (batched over all partijen in the request). */
  vanPartij(partij: Partij): Promise<CategorieRelatie[]> {
    return childrenLoader(this.ctx, CategorieRelatie, "partij").load(partij.id);
  }

  partij(relatie: CategorieRelatie): Promise<Partij | null> {
    return loadRelated(this.ctx, Partij, relatie.partij);
  }

  categorie(relatie: CategorieRelatie): Promise<Categorie | null> {
    return loadRelated(this.ctx, Categorie, relatie.categorie);
  }

  async create(input: CategorieRelatieInput): Promise<CategorieRelatie> {
    return this.ctx.transaction(async () => {
      const relatie = this.ctx.em.create(CategorieRelatie, {} as never);
      await this.apply(relatie, input);
      await this.ctx.em.flush();
      return relatie;
    });
  }

  async update(uuid: string, input: CategorieRelatieInput): Promise<CategorieRelatie> {
    const relatie = await getByUuid(this.ctx, CategorieRelatie, uuid);
    return this.ctx.transaction(async () => {
      await this.apply(relatie, input);
      await this.ctx.em.flush();
      return relatie;
    });
  }

  async delete(uuid: string): Promise<string> {
    const relatie = await getByUuid(this.ctx, CategorieRelatie, uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(CategorieRelatie, { id: relatie.id }));
    return relatie.uuid;
  }

  private async apply(relatie: CategorieRelatie, input: CategorieRelatieInput): Promise<void> {
    const problems = new InvalidParams();
    const partij = await resolveReference(this.ctx, Partij, input.partij, "partij", problems);
    const categorie = await resolveReference(this.ctx, Categorie, input.categorie, "categorie", problems);
    const begin = input.beginDatum !== undefined ? toDateString(input.beginDatum) : relatie.beginDatum;
    const eind = input.eindDatum !== undefined ? toDateString(input.eindDatum) : relatie.eindDatum;
    if (begin && eind && eind < begin) {
      problems.add("eindDatum", "invalid", "De einddatum mag niet voor de begindatum liggen.");
    }
    problems.throwIfAny();
    if (partij !== undefined) relatie.partij = partij;
    if (categorie !== undefined) relatie.categorie = categorie;
    relatie.beginDatum = begin ?? null;
    relatie.eindDatum = eind ?? null;
  }
}
