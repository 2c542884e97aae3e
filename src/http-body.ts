import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { HttpError } from "./http-errors";

/** The largest body /graphql takes (1 MB), counted after decompression. */
export const MAX_BODY_BYTES = 1024 * 1024;

const TOO_LARGE = () => new HttpError(413, "PAYLOAD_TOO_LARGE", "De body is te groot.");
const NO_JSON = () => new HttpError(400, "BAD_REQUEST", "De body is geen geldige JSON.");
const UNREADABLE = () => new HttpError(400, "BAD_REQUEST", "Ongeldig verzoek.");
const UNSUPPORTED = () => new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Deze tekenset of codering van de body wordt niet ondersteund.");

/**
 * The JSON body of a POST, read as body-parser's json() reads it, without express around it:
 * - only a body sent as `application/json` is read; for any other type (or none) the answer is
 *   undefined, and Apollo Server refuses the request with its own 400;
 * - in UTF-8 (another charset: 415), plain or compressed with gzip, deflate or br (another
 *   Content-Encoding: 415);
 * - at most `limit` bytes, decompressed (413; a Content-Length above it is refused unread);
 * - an object or an array (strict JSON), else 400; an empty body is `{}`, which Apollo refuses.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const [mediaType, ...parameters] = (req.headers["content-type"] ?? "").split(";");
  if (mediaType.trim().toLowerCase() !== "application/json") return undefined;
  for (const parameter of parameters) {
    const [name, value = ""] = parameter.split("=");
    if (name.trim().toLowerCase() !== "charset") continue;
    const charset = value
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .toLowerCase();
    if (charset !== "utf-8" && charset !== "utf8") throw UNSUPPORTED();
  }
  const text = (await readBytes(req, limit)).toString("utf8").replace(/^\uFEFF/, "");
  const start = /\S/.exec(text);
  if (!start) return {};
  if (start[0] !== "{" && start[0] !== "[") throw NO_JSON();
  try {
    return JSON.parse(text);
  } catch {
    throw NO_JSON();
  }
}

/** The body's bytes, decompressed, refused once they exceed `limit`. */
function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  let stream: Readable;
  if (encoding === "identity") {
    if (Number(req.headers["content-length"]) > limit) return Promise.reject(TOO_LARGE());
    stream = req;
  } else if (encoding === "gzip" || encoding === "x-gzip") {
    stream = req.pipe(createGunzip());
  } else if (encoding === "deflate") {
    stream = req.pipe(createInflate());
  } else if (encoding === "br") {
    stream = req.pipe(createBrotliDecompress());
  } else {
    return Promise.reject(UNSUPPORTED());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    // What is left unread is Node's to drain once the answer is sent; a decompressor is ours to end.
    const stop = (error: HttpError) => {
      stream.removeAllListeners("data");
      req.unpipe();
      if (stream !== req) stream.destroy();
      reject(error);
    };
    stream.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) return stop(TOO_LARGE());
      chunks.push(chunk);
    });
    stream.on("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    // A corrupt compressed body, or a client that went away halfway.
    stream.on("error", () => stop(UNREADABLE()));
    if (stream !== req) req.on("error", () => stop(UNREADABLE()));
  });
}
