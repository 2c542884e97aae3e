import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import type { FailureLog } from "./failure-log";

/**
 * Errors that happen before a request reaches GraphQL (wrong method, unknown path, a body that is
 * no JSON or too large) answer in the GraphQL error shape as well, so that a client needs one
 * parser for every error: {"errors":[{"message","extensions":{"code"}}]}. Never a stack trace,
 * never a server path, whatever NODE_ENV says.
 */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** /graphql answers GET (queries) and POST; anything else is refused before Apollo sees it. */
export const onlyGetAndPost: RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "POST") return next();
  res.setHeader("Allow", "GET, POST");
  sendError(res, 405, "METHOD_NOT_ALLOWED", `Methode ${req.method} is hier niet toegestaan; gebruik GET of POST.`);
};

export const unknownPath: RequestHandler = (_req, res) => {
  sendError(res, 404, "NOT_FOUND", "Onbekend pad; de GraphQL-endpoint is /graphql.");
};

/** What the body parser (body-parser's error types) and anything else in express can throw. */
export function errorHandler(failures: FailureLog): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const type = typeof err?.type === "string" ? err.type : undefined;
    if (type === "entity.parse.failed") return sendError(res, 400, "BAD_REQUEST", "De body is geen geldige JSON.");
    if (type === "entity.too.large") return sendError(res, 413, "PAYLOAD_TOO_LARGE", "De body is te groot.");
    if (type === "encoding.unsupported" || type === "charset.unsupported") {
      return sendError(res, 415, "UNSUPPORTED_MEDIA_TYPE", "Deze tekenset of codering van de body wordt niet ondersteund.");
    }
    const status = Number(err?.status ?? err?.statusCode);
    if (status >= 400 && status < 500) return sendError(res, status, "BAD_REQUEST", "Ongeldig verzoek.");
    failures.error(err, "unexpected error in HTTP handling");
    sendError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
  };
}
