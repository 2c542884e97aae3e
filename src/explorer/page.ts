import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { EXPLORER_PATH } from "./assets";
import { explorerBundle, type ExplorerBundle } from "./bundle";

/** What the explorer page opens with. */
export interface ExplorerPageOptions {
  /** The operation in the editor (one place per server: the subgraph's in subgraph-explorer.ts). */
  query: string;
  /** The Authorization header to fill in, made for each page (a fresh token); none when undefined. */
  authorization?: () => Promise<string>;
}

/**
 * The explorer as Apollo Server's landing page: Apollo answers GET /graphql with `Accept:
 * text/html` with this page, before any context or authentication, and every other request as
 * before. It takes the place of Apollo's own landing page (the sandbox, which loads from a CDN);
 * a server adds it outside production only. The page is rendered for each request, so that its
 * token is fresh; its script, stylesheet and workers come from EXPLORER_PATH (assets.ts), and its
 * empty icon keeps the browser from asking for /favicon.ico.
 */
export function explorerLandingPage<TContext extends BaseContext>(options: ExplorerPageOptions): ApolloServerPlugin<TContext> {
  return {
    async serverWillStart() {
      return { renderLandingPage: async () => ({ html: () => renderPage(options) }) };
    },
  };
}

async function renderPage(options: ExplorerPageOptions): Promise<string> {
  let bundle: ExplorerBundle;
  try {
    bundle = await explorerBundle();
  } catch {
    return UNAVAILABLE;
  }
  const authorization = options.authorization && (await options.authorization());
  const settings = {
    query: options.query,
    headers: authorization ? JSON.stringify({ Authorization: authorization }, null, 2) : "",
    workers: Object.fromEntries(Object.entries(bundle.workers).map(([label, name]) => [label, EXPLORER_PATH + name])),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Klantinteracties API explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${EXPLORER_PATH}${bundle.stylesheet}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql"><noscript>The API explorer (GraphiQL) needs JavaScript.</noscript></div>
<script id="explorer-settings" type="application/json">${scriptSafeJson(settings)}</script>
<script src="${EXPLORER_PATH}${bundle.script}"></script>
</body>
</html>
`;
}

/** JSON inside a <script> element: no `<` may end the element (`</script>`) or open a comment. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

const UNAVAILABLE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Klantinteracties API explorer</title></head>
<body>
<p>The API explorer could not be built: it is bundled from the development dependencies (graphiql,
react, esbuild), which this installation lacks. Install them with <code>npm ci</code> (without
<code>--omit=dev</code>), or send GraphQL requests to this URL with any client.</p>
</body>
</html>
`;
