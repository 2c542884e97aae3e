import type { FilterQuery } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import { refuseBurger, requireAreaScope } from "../auth/access";
import { isBurger } from "../auth/principal";
import { AuditSoort } from "../audit/enums";
import type { RequestContext } from "../common/context";
import type { Connection, PageArgs } from "../common/connection";
import { toDateString } from "../common/dates";
import { InvalidParams } from "../common/errors";
import { uuidFilter } from "../common/filters";
import { EntityGate, NO_ROWS } from "../common/gate";
import type { Categorie } from "./categorie.entity";
import { CategorieService } from "./categorie.service";
import { CategorieRelatie } from "./categorie-relatie.entity";
import type { CategorieRelatieFilter, CategorieRelatieInput } from "./categorie-relatie.input";
import type { Partij } from "./partij.entity";
import { PartijService } from "./partij.service";

export class CategorieRelatieService {
  /** The only way to CategorieRelatie rows. */
  private readonly gate: EntityGate<CategorieRelatie>;

  constructor(private readonly ctx: RequestContext) {
    // visible with its partij; a citizen-bound token sees none (categorieën are the municipality's)
    this.gate = new EntityGate<CategorieRelatie>(ctx, CategorieRelatie, {
      visible: () =>
        isBurger(ctx.principal) ? (NO_ROWS as FilterQuery<CategorieRelatie>) : this.partijen.visibleUnder<CategorieRelatie>("partij"),
      onRead: (rows) => this.partijen.auditUnder(rows.map((row) => row.partij)),
    });
  }

  private get partijen() {
    return this.ctx.service(PartijService);
  }

  private get categorieen() {
    return this.ctx.service(CategorieService);
  }

  /** Reading needs partijen.lezen (FORBIDDEN before SQL); the gate decides which rows. */
  private get reading(): EntityGate<CategorieRelatie> {
    requireAreaScope(this.ctx, "partijen", "lezen");
    return this.gate;
  }

  /** Writing needs partijen.schrijven (or .verwijderen), and is for staff only. */
  private writable(action: "schrijven" | "verwijderen" = "schrijven"): void {
    requireAreaScope(this.ctx, "partijen", action);
    refuseBurger(this.ctx);
  }

  byUuid(uuid: string): Promise<CategorieRelatie | null> {
    return this.reading.byUuid(uuid);
  }

  /** Sub-query of the ids of the partijen in a categorie with this naam (the categorieNaam filter of partijen). */
  partijIdsMetCategorie(naam: string): Knex.QueryBuilder {
    return this.gate.subquery("partij", { categorie: this.categorieen.naamIs(naam) } as FilterQuery<CategorieRelatie>);
  }

  list(filter: CategorieRelatieFilter | null | undefined, page: PageArgs): Promise<Connection<CategorieRelatie>> {
    const where: FilterQuery<CategorieRelatie> = {};
    if (filter?.partij) where.partij = { uuid: uuidFilter(filter.partij) };
    if (filter?.categorie) where.categorie = { uuid: uuidFilter(filter.categorie) };
    if (filter?.categorieNaam)
      where.categorie = { ...(where.categorie as object), ...(this.categorieen.naamIs(filter.categorieNaam) as object) };
    if (filter?.beginDatum) where.beginDatum = toDateString(filter.beginDatum);
    if (filter?.eindDatum) where.eindDatum = toDateString(filter.eindDatum);
    const reading = this.reading;
    return reading.page(where, [], page);
  }

  /** The visible categorie-relaties of a partij (batched over all partijen in the request). */
  vanPartij(partij: Partij): Promise<CategorieRelatie[]> {
    return this.reading.children("partij", partij.id);
  }

  partij(relatie: CategorieRelatie): Promise<Partij | null> {
    return this.partijen.related(relatie.partij);
  }

  categorie(relatie: CategorieRelatie): Promise<Categorie | null> {
    return this.categorieen.related(relatie.categorie);
  }

  async create(input: CategorieRelatieInput): Promise<CategorieRelatie> {
    this.writable();
    return this.ctx.transaction(async () => {
      const relatie = this.ctx.em.create(CategorieRelatie, {} as never);
      await this.apply(relatie, input);
      await this.ctx.em.flush();
      this.partijen.auditUnder([relatie.partij], AuditSoort.SCHRIJVEN);
      return relatie;
    });
  }

  async update(uuid: string, input: CategorieRelatieInput): Promise<CategorieRelatie> {
    this.writable();
    const relatie = await this.gate.get(uuid);
    return this.ctx.transaction(async () => {
      this.partijen.auditUnder([relatie.partij], AuditSoort.SCHRIJVEN);
      await this.apply(relatie, input);
      await this.ctx.em.flush();
      this.partijen.auditUnder([relatie.partij], AuditSoort.SCHRIJVEN);
      return relatie;
    });
  }

  async delete(uuid: string): Promise<string> {
    this.writable("verwijderen");
    const relatie = await this.gate.get(uuid);
    await this.ctx.transaction(async () => {
      await this.ctx.em.nativeDelete(CategorieRelatie, { id: relatie.id });
      this.partijen.auditUnder([relatie.partij], AuditSoort.VERWIJDEREN);
    });
    return relatie.uuid;
  }

  private async apply(relatie: CategorieRelatie, input: CategorieRelatieInput): Promise<void> {
    const problems = new InvalidParams();
    const partij = await this.partijen.reference(input.partij, "partij", problems);
    const categorie = await this.categorieen.reference(input.categorie, "categorie", problems);
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
