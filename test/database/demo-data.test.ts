import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoDataIfEmpty } from "../../src/database/demo-data";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { Partij } from "../../src/partijen/partij.entity";
import { TestApp } from "../support/app";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

describe("demo data", () => {
  it("fills an empty database once and never duplicates on a restart", async () => {
    expect(await seedDemoDataIfEmpty(app.orm.em.fork())).toBe(true);
    expect(await seedDemoDataIfEmpty(app.orm.em.fork())).toBe(false);
    const em = app.orm.em.fork();
    expect(await em.count(Partij, {})).toBe(3);
    expect(await em.count(Klantcontact, {})).toBe(4);
    expect(await em.count(InterneTaak, {})).toBe(2);
  });
});
