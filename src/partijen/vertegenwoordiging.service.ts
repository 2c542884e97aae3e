import type { FilterQuery } from "@mikro-orm/core";
import type { RequestContext } from "../common/context";
import { uuidFilter } from "../common/filters";
import { paginate, type Connection, type PageArgs } from "../common/connection";
import { InvalidParams } from "../common/errors";
import { loadRequiredRelated } from "../common/loaders";
import { findByUuid, getByUuid, resolveReference } from "../common/references";
import { isTaken } from "../common/unique";
import { fieldErrors } from "../common/validation";
import { Partij } from "./partij.entity";
import { Vertegenwoordiging } from "./vertegenwoordiging.entity";
import type { VertegenwoordigingFilter, VertegenwoordigingInput, VertegenwoordigingUpdateInput } from "./vertegenwoordiging.input";

export class VertegenwoordigingService {
  constructor(private readonly ctx: RequestContext) {}

  byUuid(uuid: string): Promise<Vertegenwoordiging | null> {
    return findByUuid(this.ctx, Vertegenwoordiging, uuid);
  }

  list(filter: VertegenwoordigingFilter | null | undefined, page: PageArgs): Promise<Connection<Vertegenwoordiging>> {
    const where: FilterQuery<Vertegenwoordiging> = {};
    // not a uuid: the nil uuid, which matches nothing and is a valid uuid for PostgreSQL
    if (filter?.vertegenwoordigendePartij) where.vertegenwoordigendePartij = { uuid: uuidFilter(filter.vertegenwoordigendePartij) };
    if (filter?.vertegenwoordigdePartij) where.vertegenwoordigdePartij = { uuid: uuidFilter(filter.vertegenwoordigdePartij) };
    return paginate(this.ctx.em, Vertegenwoordiging, where, [], page);
  }

  async vertegenwoordigendePartij(relatie: Vertegenwoordiging): Promise<Partij> {
    return loadRequiredRelated(this.ctx, Partij, relatie.vertegenwoordigendePartij, relatie);
  }

  async vertegenwoordigdePartij(relatie: Vertegenwoordiging): Promise<Partij> {
    return loadRequiredRelated(this.ctx, Partij, relatie.vertegenwoordigdePartij, relatie);
  }

  async create(input: VertegenwoordigingInput): Promise<Vertegenwoordiging> {
    const { vertegenwoordigende, vertegenwoordigde } = await this.check(null, input);
    return this.ctx.transaction(async () => {
      const relatie = this.ctx.em.create(Vertegenwoordiging, {
        vertegenwoordigendePartij: vertegenwoordigende!,
        vertegenwoordigdePartij: vertegenwoordigde!,
      } as never);
      await this.ctx.em.flush();
      return relatie;
    });
  }

  async update(uuid: string, input: VertegenwoordigingUpdateInput): Promise<Vertegenwoordiging> {
    const relatie = await getByUuid(this.ctx, Vertegenwoordiging, uuid);
    const { vertegenwoordigende, vertegenwoordigde } = await this.check(relatie, input);
    return this.ctx.transaction(async () => {
      if (vertegenwoordigende) relatie.vertegenwoordigendePartij = vertegenwoordigende;
      if (vertegenwoordigde) relatie.vertegenwoordigdePartij = vertegenwoordigde;
      await this.ctx.em.flush();
      return relatie;
    });
  }

  async delete(uuid: string): Promise<string> {
    const relatie = await getByUuid(this.ctx, Vertegenwoordiging, uuid);
    await this.ctx.transaction(() => this.ctx.em.nativeDelete(Vertegenwoordiging, { id: relatie.id }));
    return relatie.uuid;
  }

  /** Checks the input (of a new relatie when `relatie` is null); returns the partijen it names. */
  private async check(relatie: Vertegenwoordiging | null, input: VertegenwoordigingUpdateInput) {
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    problems.throwIfAny();
    // one after the other, so that the problems come in field order
    const vertegenwoordigende = await resolveReference(this.ctx, Partij, input.vertegenwoordigendePartij, "vertegenwoordigendePartij", problems);
    const vertegenwoordigde = await resolveReference(this.ctx, Partij, input.vertegenwoordigdePartij, "vertegenwoordigdePartij", problems);
    problems.throwIfAny();
    const vanId = vertegenwoordigende?.id ?? relatie!.vertegenwoordigendePartij.id;
    const voorId = vertegenwoordigde?.id ?? relatie!.vertegenwoordigdePartij.id;
    if (vanId === voorId) {
      problems.add("vertegenwoordigdePartij", "invalid", "De partij kan niet zichzelf vertegenwoordigen.");
    } else {
      if (await isTaken(this.ctx.em, Vertegenwoordiging, { vertegenwoordigendePartij: vanId, vertegenwoordigdePartij: voorId }, relatie)) {
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
