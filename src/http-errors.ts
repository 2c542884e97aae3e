import type { ServerResponse } from "node:http";

/**
 * Errors that happen before a request reaches GraphQL (wrong method, unknown path, a body that is
 * no JSON or too large) answer in the GraphQL error shape as well, so that a client needs one
 * parser for every error: {"errors":[{"message","extensions":{"code"}}]}. Never a stack trace,
 * never a server path, whatever NODE_ENV says.
 */

/** A refusal of the HTTP face: its status, `extensions.code` and message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** A JSON answer, in one write. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] }, error.headers);
}

/** /graphql answers GET (queries) and POST; anything else is refused before Apollo sees it. */
export function methodNotAllowed(method: string | undefined): HttpError {
  return new HttpError(405, "METHOD_NOT_ALLOWED", `Methode ${method} is hier niet toegestaan; gebruik GET of POST.`, {
    allow: "GET, POST",
  });
}

export const UNKNOWN_PATH = new HttpError(404, "NOT_FOUND", "Onbekend pad; de GraphQL-endpoint is /graphql.");

export const INTERNAL_ERROR = new HttpError(500, "INTERNAL_SERVER_ERROR", "Internal server error");
