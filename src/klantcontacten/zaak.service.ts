import DataLoader from "dataloader";
import type { FilterQuery } from "@mikro-orm/core";
import type { RequestContext } from "../common/context";
import type { Connection, PageArgs } from "../common/connection";
import { uuidFilter } from "../common/filters";
import type { Zaak } from "../federation/zaak.type";
import { BetrokkeneService } from "./betrokkene.service";
import type { Klantcontact } from "./klantcontact.entity";
import { KlantcontactService } from "./klantcontact.service";
import { OnderwerpobjectService } from "./onderwerpobject.service";

export interface ZaakKlantcontactenArgs extends PageArgs {
  initiatorPartij?: string | null;
}

/**
 * Zaak.klantcontacten: the klantcontacten whose onderwerpobject points at a zaak
 * (OnderwerpobjectService.zaakLinks), read through the klantcontact gate, so that a zaak shows only
 * the klantcontacten this request may see. Real data has two link conventions, and a link is
 * matched as follows:
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
    const loader = this.ctx.loader(
      `Zaak.klantcontacten:${key}`,
      () => new DataLoader<Zaak, Connection<Klantcontact>, string>((zaken) => this.pages(zaken, args), { cacheKeyFn: (z) => z.uuid }),
    );
    return loader.load(zaak);
  }

  private async pages(zaken: readonly Zaak[], args: ZaakKlantcontactenArgs): Promise<Connection<Klantcontact>[]> {
    const where: FilterQuery<Klantcontact> = {};
    if (args.initiatorPartij) {
      // Through the betrokkene gate: a visible betrokkene's partij is visible, so its uuid may be compared.
      const initiators = this.ctx
        .service(BetrokkeneService)
        .subquery("hadKlantcontact", { initiator: true, wasPartij: { uuid: uuidFilter(args.initiatorPartij) } });
      Object.assign(where, { id: { $in: initiators } });
    }
    const uuids = zaken.map((z) => z.uuid);
    const links = this.ctx.service(OnderwerpobjectService).zaakLinks(zaken);
    const pages = await this.ctx.service(KlantcontactService).pagesPerKey(links, uuids, where, args);
    return uuids.map((uuid) => pages.get(uuid)!);
  }
}
