/**
 * The code that runs in the browser: GraphiQL on the page's own /graphql, opened with the page's
 * ready operation and request headers. It is kept as source text for the bundler (bundle.ts),
 * because it is browser code (React, the DOM) that neither tsc nor the server loads.
 *
 * The page hands over its settings as JSON in <script id="explorer-settings"> (page.ts):
 * - `query`: the operation the editor opens with (also the one of every new tab);
 * - `headers`: the request headers as JSON text (the development token), or "" for none;
 * - `workers`: the URL of each Monaco editor worker, by the label Monaco asks for.
 *
 * Headers are not kept in the browser's storage (GraphiQL's default): a page load brings a fresh
 * token, where a stored one would have expired.
 */
export const BROWSER_APP_SOURCE = `
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import "graphiql/style.css";

const settings = JSON.parse(document.getElementById("explorer-settings").textContent);

globalThis.MonacoEnvironment = {
  getWorker: (_workerId, label) => new Worker(settings.workers[label] ?? settings.workers.editor),
};

createRoot(document.getElementById("graphiql")).render(
  createElement(GraphiQL, {
    fetcher: createGraphiQLFetcher({ url: window.location.pathname }),
    initialQuery: settings.query,
    defaultQuery: settings.query,
    initialHeaders: settings.headers,
    defaultHeaders: settings.headers,
    defaultEditorToolsVisibility: settings.headers ? "headers" : undefined,
  }),
);
`;
