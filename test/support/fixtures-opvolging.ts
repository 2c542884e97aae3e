import { ActorKlantcontact } from "../../src/klantcontacten/actor-klantcontact.entity";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Actor } from "../../src/opvolging/actor.entity";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { Toewijzing } from "../../src/opvolging/toewijzing.entity";
import type { TestApp } from "./app";

/**
 * Rows of the klantcontacten module that the opvolging tests need, written with the ORM (the
 * klantcontact mutations live on another branch).
 */

export async function maakKlantcontact(
  app: TestApp,
  velden: Partial<Pick<Klantcontact, "nummer" | "referentienummer" | "onderwerp">> = {},
): Promise<Klantcontact> {
  const em = app.orm.em.fork();
  const klantcontact = em.create(Klantcontact, {
    kanaal: "telefoon",
    onderwerp: velden.onderwerp ?? "Vraag over afvalpas",
    taal: "nld",
    vertrouwelijk: false,
    nummer: velden.nummer ?? null,
    referentienummer: velden.referentienummer ?? null,
  } as never);
  await em.flush();
  return klantcontact;
}

/** Links an actor to a klantcontact (ActorKlantcontact), by uuids. */
export async function koppelActorAanKlantcontact(app: TestApp, actorUuid: string, klantcontactUuid: string): Promise<void> {
  const em = app.orm.em.fork();
  const actor = await em.findOneOrFail(Actor, { uuid: actorUuid });
  const klantcontact = await em.findOneOrFail(Klantcontact, { uuid: klantcontactUuid });
  em.create(ActorKlantcontact, { actor, klantcontact } as never);
  await em.flush();
}

export async function aantalActorKlantcontacten(app: TestApp, actorUuid: string): Promise<number> {
  return app.orm.em.fork().count(ActorKlantcontact, { actor: { uuid: actorUuid } });
}

/** toegewezenOp is read-only through the API; tests that filter on time set it here. */
export async function zetToegewezenOp(app: TestApp, taakUuid: string, toegewezenOp: Date): Promise<void> {
  await app.orm.em.fork().nativeUpdate(InterneTaak, { uuid: taakUuid }, { toegewezenOp });
}

export async function aantalToewijzingen(app: TestApp): Promise<number> {
  return app.orm.em.fork().count(Toewijzing, {});
}
