import DataLoader from "dataloader";
import type { FilterQuery } from "@mikro-orm/core";
import type { RequestContext } from "../common/context";
import { paginatePerKey, type Connection, type PageArgs } from "../common/connection";
import { childrenLoader } from "../common/loaders";
import { checkUuid } from "../common/validators";
import { zaakReference, type Zaak } from "../federation/zaak.type";
import { Betrokkene } from "./betrokkene.entity";
import { Klantcontact } from "./klantcontact.entity";
import { KLANTCONTACT_ORDER } from "./klantcontact.service";
import { Onderwerpobject } from "./onderwerpobject.entity";

/** A zaak as the router hands it over: its key and the identificatie this subgraph @requires. */
export interface ZaakRepresentatie {
  uuid: string;
  identificatie?: string | null;
}

export interface ZaakKlantcontactenArgs extends PageArgs {
  initiatorPartij?: string | null;
}

/**
 * The links between klantcontacten and zaken, which live in onderwerpobjecten. Real data has two
 * conventions: objectId holds the zaak uuid (codeSoortObjectId "uuid": KISS, ITA) or the zaak
 * identificatie (Open Inwoner). The codeObjecttype values that mean "zaak" are compared without
 * regard to case.
 */
export class ZaakService {
  private readonly zaakObjecttypes = ["zaak", "zgw-zaak"];

  constructor(private readonly ctx: RequestContext) {}

  private isZaak(onderwerpobject: Onderwerpobject): boolean {
    const type = onderwerpobject.onderwerpobjectidentificator?.codeObjecttype;
    return type !== null && type !== undefined && this.zaakObjecttypes.includes(type.toLowerCase());
  }

  /**
   * The zaak an onderwerpobject points at, as a reference the router completes from the Zaak
   * subgraph; null when it is no zaak, or names the zaak only by identificatie (this subgraph
   * cannot turn an identificatie into the zaak's key).
   */
  zaakVan(onderwerpobject: Onderwerpobject): Zaak | null {
    const identificator = onderwerpobject.onderwerpobjectidentificator;
    if (!identificator || !this.isZaak(onderwerpobject)) return null;
    const objectId = identificator.objectId ?? "";
    if (identificator.codeSoortObjectId?.toLowerCase() !== "uuid" || checkUuid(objectId) !== null) return null;
    return zaakReference(objectId.toLowerCase());
  }

  /** The zaken a klantcontact was about (batched over all klantcontacten in the request). */
  async zakenVan(klantcontact: Klantcontact): Promise<Zaak[]> {
    const onderwerpobjecten = await childrenLoader(this.ctx, Onderwerpobject, "klantcontact").load(klantcontact.id);
    const zaken = new Map<string, Zaak>();
    for (const onderwerpobject of onderwerpobjecten) {
      const zaak = this.zaakVan(onderwerpobject);
      if (zaak) zaken.set(zaak.uuid, zaak);
    }
    return [...zaken.values()];
  }

  /**
   * The klantcontacten about a zaak, newest first: one page per zaak for all zaken the router asks
   * about in one request, in one SQL statement.
   */
  klantcontactenVan(zaak: ZaakRepresentatie, args: ZaakKlantcontactenArgs): Promise<Connection<Klantcontact>> {
    const key = JSON.stringify([args.first ?? null, args.after ?? null, args.initiatorPartij ?? null]);
    const loader = this.ctx.loader(`Zaak.klantcontacten:${key}`, () =>
      new DataLoader<ZaakRepresentatie, Connection<Klantcontact>, string>((zaken) => this.pages(zaken, args), {
        cacheKeyFn: (z) => z.uuid.toLowerCase(),
      }),
    );
    return loader.load(zaak);
  }

  private async pages(zaken: readonly ZaakRepresentatie[], args: ZaakKlantcontactenArgs): Promise<Connection<Klantcontact>[]> {
    const em = this.ctx.em;
    const knex = em.getKnex();
    const uuids = zaken.map((z) => z.uuid.toLowerCase());
    const byIdentificatie = zaken.filter((z) => z.identificatie);

    // (klantcontact id, zaak uuid) for every onderwerpobject that points at one of these zaken. The
    // objectId is compared as stored (uuids in lower or upper case), so its index serves the lookup.
    const objectIds = [...uuids, ...uuids.map((u) => u.toUpperCase()), ...byIdentificatie.map((z) => z.identificatie as string)];
    const zaakUuid = knex.raw(
      "case when lower(o.onderwerpobjectidentificator_code_soort_object_id) = 'uuid' " +
        "then lower(o.onderwerpobjectidentificator_object_id) " +
        byIdentificatie.map(() => "when o.onderwerpobjectidentificator_object_id = ? then ? ").join("") +
        "end as page_key",
      byIdentificatie.flatMap((z) => [z.identificatie as string, z.uuid.toLowerCase()]),
    );
    const links = knex
      .from({ o: "onderwerpobject" })
      .distinct({ row_id: "o.klantcontact_id" }, zaakUuid)
      .whereNotNull("o.klantcontact_id")
      .whereIn("o.onderwerpobjectidentificator_object_id", objectIds)
      .whereIn(knex.raw("lower(o.onderwerpobjectidentificator_code_objecttype)") as never, this.zaakObjecttypes)
      // A uuid link must say so; a link by identificatie may call its soort anything.
      .where((match) =>
        match
          .whereRaw("lower(o.onderwerpobjectidentificator_code_soort_object_id) = 'uuid'")
          .orWhereNotIn("o.onderwerpobjectidentificator_object_id", [...uuids, ...uuids.map((u) => u.toUpperCase())]),
      );

    const where: FilterQuery<Klantcontact> = {};
    if (args.initiatorPartij) {
      const initiators = em
        .createQueryBuilder(Betrokkene, "b")
        .select("b.had_klantcontact_id")
        .where({ initiator: true, wasPartij: { uuid: args.initiatorPartij.toLowerCase() } })
        .getKnexQuery();
      Object.assign(where, { id: { $in: initiators } });
    }
    const pages = await paginatePerKey(em, Klantcontact, links, uuids, where, KLANTCONTACT_ORDER, args);
    return uuids.map((uuid) => pages.get(uuid)!);
  }
}
