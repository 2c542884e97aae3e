import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import { RequiresScope } from "../auth/access";
import type { RequestContext } from "../common/context";
import { ConnectionType, PageArgs } from "../common/connection";
import { AuditBetrokkeneInput } from "./audit.input";
import { AuditRecord } from "./audit-record.entity";
import { AuditService } from "./audit.service";

export const AuditRecordConnection = ConnectionType(AuditRecord);

@Resolver(() => AuditRecord)
export class AuditResolver {
  @RequiresScope("audit.lezen")
  @Query(() => AuditRecordConnection, {
    description:
      "Het logboek van verwerkingen van één betrokkene (Logboek Dataverwerkingen): wie las of wijzigde wanneer, waarvoor en met welke uitkomst; nieuwste eerst.",
  })
  auditRecords(
    @Arg("betrokkene", () => AuditBetrokkeneInput) betrokkene: AuditBetrokkeneInput,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.service(AuditService).records(betrokkene, page);
  }
}
