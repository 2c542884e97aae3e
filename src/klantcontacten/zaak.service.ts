import DataLoader from "dataloader";
import type { Knex } from "@mikro-orm/knex";
import type { FilterQuery } from "@mikro-orm/core";
import type { RequestContext } from "../common/context";
import { paginatePerKey, type Connection, type PageArgs } from "../common/connection";
import { uuidFilter } from "../common/filters";
import type { Zaak } from "../federation/zaak.type";
import { Betrokkene } from "./betrokkene.entity";
import { Klantcontact } from "./klantcontact.entity";
import { KLANTCONTACT_ORDER } from "./klantcontact.service";

export interface ZaakKlantcontactenArgs extends PageArgs {
  initiatorPartij?: string | null;
}

/**
 * Zaak.klantcontacten: the klantcontacten whose onderwerpobject points at a zaak. Real data has
 * two link conventions, and a link is matched as follows:
 * - by uuid (KISS, ITA): codeSoortObjectId is "uuid" in any case, and objectId is the zaak uuid
 *   in lower or in upper case (each compared as stored, so that the objectId index serves the
 *   lookup; a uuid in mixed case is not found);
 * - by identificatie (Open Inwoner): objectId equals the zaak identificatie exactly, whatever
 *   codeSoortObjectId says.
 * codeObjecttype is not looked at: which of its values mean "zaak" is the Zaak subgraph's
 * knowledge (contract version 2), and an objectId equal to a zaak's uuid or identificatie names
 * that zaak whatever the type says.
 */
export class ZaakService {
  constructor(private readonly ctx: RequestContext) {}

  /**
   * The klantcontacten about a zaak, newest first: one page per zaak for all zaken the router asks
   * about in one request, in one SQL statement.
   */
  klantcontactenVan(zaak: Zaak, args: ZaakKlantcontactenArgs): Promise<Connection<Klantcontact>> {
    const key = JSON.stringify([args.first ?? null, args.after ?? null, args.initiatorPartij ?? null]);
    const loader = this.ctx.loader(`Zaak.klantcontacten:${key}`, () =>
      new DataLoader<Zaak, Connection<Klantcontact>, string>((zaken) => this.pages(zaken, args), { cacheKeyFn: (z) => z.uuid }),
    );
    return loader.load(zaak);
  }

  private async pages(zaken: readonly Zaak[], args: ZaakKlantcontactenArgs): Promise<Connection<Klantcontact>[]> {
    const em = this.ctx.em;
    const where: FilterQuery<Klantcontact> = {};
    if (args.initiatorPartij) {
      const initiators = em
        .createQueryBuilder(Betrokkene, "b")
        .select("b.had_klantcontact_id")
        .where({ initiator: true, wasPartij: { uuid: uuidFilter(args.initiatorPartij) } })
        .getKnexQuery();
      Object.assign(where, { id: { $in: initiators } });
    }
    const uuids = zaken.map((z) => z.uuid);
    const pages = await paginatePerKey(em, Klantcontact, this.links(zaken), uuids, where, KLANTCONTACT_ORDER, args);
    return uuids.map((uuid) => pages.get(uuid)!);
  }

  /**
   * (klantcontact id, zaak uuid) for every link to one of these zaken, each pair once. A
   * klantcontact counts for every zaak it names, also when two zaken (of two bronorganisaties)
   * share an identificatie, so that a zaak's page does not depend on the other zaken asked with it.
   */
  private links(zaken: readonly Zaak[]): Knex.QueryBuilder {
    const knex = this.ctx.em.getKnex();
    const uuids = zaken.map((z) => z.uuid);
    const byUuid = knex
      .from({ o: "onderwerpobject" })
      .distinct({ row_id: "o.klantcontact_id" }, knex.raw("lower(o.onderwerpobjectidentificator_object_id) as page_key"))
      .whereNotNull("o.klantcontact_id")
      .whereIn("o.onderwerpobjectidentificator_object_id", [...uuids, ...uuids.map((u) => u.toUpperCase())])
      .whereRaw("lower(o.onderwerpobjectidentificator_code_soort_object_id) = 'uuid'");

    const withIdentificatie = zaken.filter((z) => z.identificatie);
    if (!withIdentificatie.length) return byUuid;
    // The zaken as a small table (identificatie, zaak_uuid) to join on; cast, so that PostgreSQL
    // knows the parameters' type.
    const identificaties = knex.raw(
      `(${withIdentificatie.map(() => "select cast(? as text) as identificatie, cast(? as text) as zaak_uuid").join(" union all ")}) as z`,
      withIdentificatie.flatMap((z) => [z.identificatie!, z.uuid]),
    );
    const byIdentificatie = knex
      .from({ o: "onderwerpobject" })
      .join(identificaties, "z.identificatie", "o.onderwerpobjectidentificator_object_id")
      .select({ row_id: "o.klantcontact_id", page_key: "z.zaak_uuid" })
      .whereNotNull("o.klantcontact_id");
    // union (not union all) drops the pairs both conventions found.
    return byUuid.union(byIdentificatie);
  }
}
