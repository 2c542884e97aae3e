import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../support/http-server";
import { bearer } from "../support/tokens";

/**
 * Every error response is JSON in the GraphQL error shape, whatever went wrong and whatever
 * NODE_ENV says: no HTML page, no stack trace, no server path, no X-Powered-By.
 */

interface ErrorBody {
  errors: Array<{ message: string; extensions: { code: string } }>;
}

/** The server started with NODE_ENV as given (Apollo reads it when it is created). */
async function startWithNodeEnv(nodeEnv: string | undefined): Promise<TestServer> {
  const saved = process.env.NODE_ENV;
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  try {
    return await TestServer.start();
  } finally {
    process.env.NODE_ENV = saved;
  }
}

const json = { "content-type": "application/json" };

for (const nodeEnv of [undefined, "production"]) {
  describe(`HTTP errors with NODE_ENV ${nodeEnv ?? "unset"}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startWithNodeEnv(nodeEnv);
    });
    afterAll(() => server.stop());

    /** The one error of a response, after checking that it is JSON in the GraphQL shape and gives nothing away. */
    function theError(response: { status: number; headers: Headers; text: string; body: unknown }) {
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.headers.get("x-powered-by")).toBeNull();
      expect(response.text).not.toMatch(/node_modules|\/work\/|\bat [\w.<>]+ \(|SyntaxError|PayloadTooLarge/);
      const body = response.body as ErrorBody;
      expect(Object.keys(body)).toEqual(["errors"]);
      expect(body.errors).toHaveLength(1);
      expect(["extensions", "locations", "message"]).toEqual(expect.arrayContaining(Object.keys(body.errors[0])));
      return { status: response.status, code: body.errors[0].extensions.code, message: body.errors[0].message };
    }

    it("a body that is no JSON: 400 BAD_REQUEST", async () => {
      const response = await server.fetch("/graphql", { method: "POST", headers: json, body: '{"query": "{ __typename }"' });
      expect(theError(response)).toEqual({ status: 400, code: "BAD_REQUEST", message: "De body is geen geldige JSON." });
    });

    it("a body larger than 1 MB: 413 PAYLOAD_TOO_LARGE", async () => {
      const body = JSON.stringify({ query: "{ __typename }", variables: { x: "a".repeat(1_100_000) } });
      const response = await server.fetch("/graphql", { method: "POST", headers: json, body });
      expect(theError(response)).toEqual({ status: 413, code: "PAYLOAD_TOO_LARGE", message: "De body is te groot." });
    });

    it("PUT, DELETE and PATCH on /graphql: 405 METHOD_NOT_ALLOWED, with the methods that are", async () => {
      for (const method of ["PUT", "DELETE", "PATCH"]) {
        const response = await server.fetch("/graphql", { method, headers: json, body: method === "DELETE" ? undefined : "{}" });
        expect(theError(response)).toMatchObject({ status: 405, code: "METHOD_NOT_ALLOWED" });
        expect(response.headers.get("allow")).toBe("GET, POST");
      }
    });

    it("an unknown path: 404 NOT_FOUND", async () => {
      for (const path of ["/", "/graphq", "/api/v1/partijen", "/%E0%A4%A"]) {
        expect(theError(await server.fetch(path))).toMatchObject({ status: 404, code: "NOT_FOUND" });
      }
    });

    it("a body of another content type, or none: 400 BAD_REQUEST from Apollo Server, in the same shape", async () => {
      // With a token: without one the request is refused (401) before Apollo reads the body.
      const token = await bearer();
      const xml = await server.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/xml", ...token },
        body: "<query/>",
      });
      expect(theError(xml)).toMatchObject({ status: 400, code: "BAD_REQUEST" });
      expect(theError(await server.fetch("/graphql", { method: "POST", headers: { ...json, ...token } }))).toMatchObject({
        status: 400,
        code: "BAD_REQUEST",
      });
    });

    it("a GraphQL syntax error: 400 with GraphQL's own code; and a good query: 200 without X-Powered-By", async () => {
      const syntax = await server.graphql("{ partijen(");
      expect(theError(syntax)).toMatchObject({ status: 400, code: "GRAPHQL_PARSE_FAILED" });
      const ok = await server.graphql("{ __typename }");
      expect(ok.status).toBe(200);
      expect(ok.headers.get("x-powered-by")).toBeNull();
      expect(ok.body).toEqual({ data: { __typename: "Query" } });
    });

    it("a body compressed with gzip is read like a plain one; another Content-Encoding or charset: 415", async () => {
      const token = await bearer();
      const body = JSON.stringify({ query: "{ __typename }" });
      const gzipped = await server.fetch("/graphql", {
        method: "POST",
        headers: { ...json, ...token, "content-encoding": "gzip" },
        body: gzipSync(body),
      });
      expect(gzipped.status).toBe(200);
      expect(gzipped.body).toEqual({ data: { __typename: "Query" } });
      const utf8 = await server.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json; charset=UTF-8", ...token },
        body,
      });
      expect(utf8.body).toEqual({ data: { __typename: "Query" } });
      const compress = await server.fetch("/graphql", {
        method: "POST",
        headers: { ...json, ...token, "content-encoding": "compress" },
        body,
      });
      expect(theError(compress)).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
      const latin1 = await server.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json; charset=latin1", ...token },
        body,
      });
      expect(theError(latin1)).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    });

    it("a body larger than 1 MB without Content-Length (chunked, or compressed): 413 PAYLOAD_TOO_LARGE", async () => {
      const large = JSON.stringify({ query: "{ __typename }", variables: { x: "a".repeat(1_100_000) } });
      const chunks = [large.slice(0, 600_000), large.slice(600_000)];
      const chunked = new ReadableStream({
        pull(controller) {
          const chunk = chunks.shift();
          if (chunk === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(chunk));
        },
      });
      const response = await server.fetch("/graphql", { method: "POST", headers: json, body: chunked, duplex: "half" } as RequestInit);
      expect(theError(response)).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
      // 1 KB on the wire, 1.1 MB once unpacked
      const bomb = await server.fetch("/graphql", {
        method: "POST",
        headers: { ...json, "content-encoding": "gzip" },
        body: gzipSync(large),
      });
      expect(theError(bomb)).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    });

    it("JSON that is no object or array: 400 BAD_REQUEST", async () => {
      for (const body of ['"{ __typename }"', "42", "null"]) {
        const response = await server.fetch("/graphql", { method: "POST", headers: json, body });
        expect(theError(response)).toEqual({ status: 400, code: "BAD_REQUEST", message: "De body is geen geldige JSON." });
      }
    });

    it("a query by GET works as by POST (with a header that no browser form sends, against CSRF)", async () => {
      const query = `/graphql?query=${encodeURIComponent("{ __typename }")}`;
      const response = await server.fetch(query, { headers: { ...(await bearer()), "apollo-require-preflight": "true" } });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ data: { __typename: "Query" } });
    });

    it("/health and /ready answer HEAD too, without a body", async () => {
      for (const path of ["/health", "/ready"]) {
        const response = await server.fetch(path, { method: "HEAD" });
        expect(response.status).toBe(200);
        expect(response.text).toBe("");
      }
      expect((await server.fetch("/health", { method: "POST" })).status).toBe(404);
    });

    it("/health and /ready answer JSON without X-Powered-By", async () => {
      for (const path of ["/health", "/ready"]) {
        const response = await server.fetch(path);
        expect(response.status).toBe(200);
        expect(response.headers.get("x-powered-by")).toBeNull();
      }
    });
  });
}
