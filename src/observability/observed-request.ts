import type { GraphQLResponse, HTTPGraphQLResponse } from "@apollo/server";
import { traceIdFrom } from "../audit/audit-meta";
import { HttpError } from "../http-errors";
import type { OperationSpan } from "./tracing";

/**
 * What is known about one GraphQL request while it runs, from the HTTP face (its arrival, its
 * answer) and from the Apollo plugin (its operation, its errors): enough for its metrics, its log
 * line and its span once it is answered (src/observability/observability.ts).
 */
export class ObservedRequest {
  /**
   * The one trace id of the request: the audit records', the log line's and the spans'. That of the
   * operation span when tracing (the caller's when its traceparent is valid), else that of the
   * traceparent when valid, else a new one.
   */
  readonly traceId: string;
  readonly startedAt = performance.now();
  /** query, mutation or subscription; undefined while no operation is resolved. */
  operationType: string | undefined = undefined;
  /** The operation's name; null when it is anonymous, undefined while no operation is resolved. */
  operationName: string | null | undefined = undefined;
  /** The client id of the token, once the request is authenticated. */
  clientId: string | null = null;
  private response: GraphQLResponse | undefined = undefined;
  private httpStatus: number | undefined = undefined;
  private refusal: { codes: string[] } | undefined = undefined;
  private errorBody: string | undefined = undefined;
  /** The answer was the explorer's HTML page (a browser's GET of /graphql), not a GraphQL response. */
  servedPage = false;

  constructor(
    traceparent: string | undefined,
    readonly span: OperationSpan | undefined,
  ) {
    this.traceId = span ? span.span.spanContext().traceId : traceIdFrom(traceparent);
  }

  /** The response Apollo is about to send (the plugin's willSendResponse); read once it is sent, when every plugin is done with it. */
  responding(response: GraphQLResponse): void {
    this.response = response;
  }

  /** Apollo's answer over HTTP. An answer without the plugin (the request was refused before it ran) tells its errors in its body. */
  answeredOverHttp(response: HTTPGraphQLResponse): void {
    this.httpStatus = response.status ?? 200;
    this.servedPage = response.headers.get("content-type")?.startsWith("text/html") ?? false;
    if (this.httpStatus >= 400 && response.body.kind === "complete") this.errorBody = response.body.string;
  }

  /** The answer of an operation executed in-process (tests). */
  answered(httpStatus: number): void {
    this.httpStatus = httpStatus;
  }

  /** Refused before Apollo saw it (a body that is no JSON, a wrong method), or failed unexpectedly. */
  failed(err: unknown): void {
    const known = err instanceof HttpError ? err : undefined;
    this.httpStatus = known?.status ?? 500;
    this.refusal = { codes: [known?.code ?? "INTERNAL_SERVER_ERROR"] };
  }

  get status(): number {
    return this.httpStatus ?? 500;
  }

  /** extensions.code of each error the client got. */
  errorCodes(): unknown[] {
    if (this.refusal) return this.refusal.codes;
    if (this.response) {
      const body = this.response.body;
      return body.kind === "single" ? (body.singleResult.errors ?? []).map((error) => error.extensions?.code) : [];
    }
    if (this.errorBody === undefined) return [];
    try {
      const parsed = JSON.parse(this.errorBody) as { errors?: Array<{ extensions?: { code?: unknown } }> };
      return (parsed.errors ?? []).map((error) => error.extensions?.code);
    } catch {
      return [undefined];
    }
  }
}
