import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNAUTHENTICATED_MESSAGE } from "../../src/auth/refusal";
import { TestServer } from "../support/http-server";

/**
 * The router's shared secret over real HTTP: with ROUTER_SECRET set, only requests that carry it
 * are answered (also with a valid token), and the router may fetch the SDL (`_service { sdl }`)
 * with it and without a token. Without ROUTER_SECRET, `_service` needs a token like the rest.
 */

const SECRET = "router secret of thirty-two characters or more";
const SDL = "{ _service { sdl } }";
const QUERY = "{ partijen(first: 1) { edges { node { uuid } } } }";

const unauthenticated = { errors: [{ message: UNAUTHENTICATED_MESSAGE, extensions: { code: "UNAUTHENTICATED" } }] };

describe("with ROUTER_SECRET", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ ROUTER_SECRET: SECRET, ROUTER_SECRET_HEADER: "X-Gateway-Secret" });
  });
  afterAll(() => server?.stop());

  const withSecret = (secret = SECRET) => ({ headers: { "x-gateway-secret": secret } });

  it("answers a request with the secret and a token", async () => {
    const response = await server.graphql(QUERY, undefined, withSecret());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { partijen: { edges: [] } } });
  });

  it("refuses a request with a valid token but without the secret, or with another one: 401", async () => {
    for (const response of [await server.graphql(QUERY), await server.graphql(QUERY, undefined, withSecret(`${SECRET}!`))]) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual(unauthenticated);
    }
    expect(server.logs.withMessage("request not authenticated").at(-1)?.reason).toBe("missing_router_secret");
  });

  it("refuses a request with the secret but without a token", async () => {
    const response = await server.graphql(QUERY, undefined, { ...withSecret(), authorization: null });
    expect(response.status).toBe(401);
  });

  it("gives the router the SDL with the secret and without a token", async () => {
    const response = await server.graphql(SDL, undefined, { ...withSecret(), authorization: null });
    expect(response.status).toBe(200);
    expect((response.body.data as { _service: { sdl: string } })._service.sdl).toContain("type Partij");
  });

  it("refuses the SDL without the secret, even with a token", async () => {
    expect((await server.graphql(SDL, undefined, { authorization: null })).status).toBe(401);
    expect((await server.graphql(SDL)).status).toBe(401);
  });

  it("lets nothing else through without a token along with _service", async () => {
    const sneaky = [
      `{ _service { sdl } partijen(first: 1) { edges { node { uuid } } } }`,
      `{ _service { sdl } ...rest } fragment rest on Query { partijen(first: 1) { edges { node { uuid } } } }`,
      `{ _service { sdl } } mutation { deletePartij(uuid: "00000000-0000-4000-8000-000000000000") }`,
      `{ sdl: _service { sdl } p: partijen { edges { node { uuid } } } }`,
    ];
    for (const query of sneaky) {
      const response = await server.graphql(query, undefined, { ...withSecret(), authorization: null });
      expect(response.status, query).toBe(401);
    }
  });
});

describe("without ROUTER_SECRET", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server?.stop());

  it("needs a token for the SDL like for everything else", async () => {
    const anonymous = await server.graphql(SDL, undefined, { authorization: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual(unauthenticated);
    const withToken = await server.graphql(SDL);
    expect(withToken.status).toBe(200);
    expect((withToken.body.data as { _service: { sdl: string } })._service.sdl).toContain("type Partij");
  });
});
