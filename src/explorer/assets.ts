import type { IncomingMessage, ServerResponse } from "node:http";
import { UNKNOWN_PATH } from "../http-errors";
import { explorerBundle, type ExplorerBundle } from "./bundle";

/** Where the explorer's script, stylesheet, font and workers are served (outside production only). */
export const EXPLORER_PATH = "/explorer/";

/**
 * GET (or HEAD) EXPLORER_PATH + a file of the bundle. Each file name carries a hash of its content,
 * so a browser may keep a file for good; gzip-compressed when the browser takes it. Any other path
 * or method, and every path while the bundle cannot be built, is the HTTP face's JSON 404.
 */
export async function serveExplorerAsset(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") throw UNKNOWN_PATH;
  let bundle: ExplorerBundle;
  try {
    bundle = await explorerBundle();
  } catch {
    throw UNKNOWN_PATH;
  }
  const asset = bundle.assets.get(path.slice(EXPLORER_PATH.length));
  if (!asset) throw UNKNOWN_PATH;
  const gzip = acceptsGzip(req.headers["accept-encoding"]);
  const body = gzip ? asset.gzipped : asset.body;
  res.writeHead(200, {
    "content-type": asset.contentType,
    "content-length": body.length,
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
    vary: "accept-encoding",
    ...(gzip && { "content-encoding": "gzip" }),
  });
  res.end(body);
}

/** Whether an Accept-Encoding header takes gzip (`gzip` or `*`, without `q=0`). */
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((entry) => {
    const [coding, ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "*") return false;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
