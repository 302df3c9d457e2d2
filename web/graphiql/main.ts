/** Mounts GraphiQL (loaded by index.html from this service's copies of graphiql, react and react-dom). */
import { EXAMPLES } from "./examples.js";

interface FetcherOptions { headers?: Record<string, unknown> }
type Fetcher = (params: unknown, options?: FetcherOptions) => unknown;
declare const React: { createElement(type: unknown, props: Record<string, unknown>): unknown };
declare const ReactDOM: { createRoot(element: Element): { render(node: unknown): void } };
declare const GraphiQL: { createFetcher(options: { url: string }): Fetcher };

const PLACEHOLDER = "Bearer <paste the admin or support key here>";

const base = GraphiQL.createFetcher({ url: "/graphql" });
/** The placeholder is not a key: until one is pasted, ask without one (PDP queries still work). */
const fetcher: Fetcher = (params, options = {}) => {
  const headers = Object.fromEntries(Object.entries(options.headers ?? {})
    .filter(([name, value]) => !(name.toLowerCase() === "authorization" && String(value).includes("<"))));
  return base(params, { ...options, headers });
};

/**
 * The schema and every query but the PDP lookups need a key. A key entered in the console
 * (/admin) in this tab is used here too; otherwise paste one into the header editor and
 * re-fetch the schema (the docs pane's refresh button, or Shift+Ctrl+R).
 */
const consoleKey = sessionStorage.getItem("oms.console.key");
const headers = JSON.stringify({ Authorization: consoleKey ? `Bearer ${consoleKey}` : PLACEHOLDER }, null, 2);
ReactDOM.createRoot(document.getElementById("graphiql")!).render(React.createElement(GraphiQL, {
  fetcher,
  defaultTabs: EXAMPLES.map((tab) => ({ ...tab, headers })),
  defaultHeaders: headers,
  defaultEditorToolsVisibility: "headers",
  // Keys typed into the header editor stay in memory, never in localStorage.
  shouldPersistHeaders: false,
  visiblePlugin: "Documentation Explorer",
}));
