/** The console's entry: asks for the key once per tab, learns its role, and routes #/ and #/po/<id>. */
import { ApiError, key, request, whenKeyRejected } from "./api.js";
import { renderDetailPage, Viewer } from "./detail-page.js";
import { h, notice, replace } from "./dom.js";
import { renderFindPage } from "./find-page.js";
import { renderPreOrdersPage } from "./pre-orders-page.js";
import { renderUploadPage } from "./upload-page.js";
import { VIEWER } from "./queries.js";

const app = document.getElementById("app")!;
const who = document.getElementById("who")!;
let viewer: Viewer | null = null;

const ROLE_WORDS: Record<string, string> = { ADMIN: "Admin key", SUPPORT: "Support key (read only)" };

function askForKey(problem?: string): void {
  viewer = null;
  replace(who);
  const input = h("input", { type: "password", id: "key", name: "key", required: true, autocomplete: "off", spellcheck: "false" });
  const form = h("form", { class: "key-form", id: "key-form" },
    h("h1", {}, "Purchase orders"),
    problem ? notice("error", problem) : null,
    h("label", { for: "key" }, "Admin or support key"), input,
    h("p", { class: "muted" }, "Kept only in this browser tab until you close it. Ask your administrator if you do not have one."),
    h("button", { type: "submit", class: "primary" }, "Open"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    key.set(input.value.trim());
    void start();
  });
  replace(app, form);
  input.focus();
}

/** Checks the key with the harmless viewer query, then shows the page the address asks for. */
async function start(): Promise<void> {
  if (!key.get()) return askForKey();
  replace(app, h("p", { class: "muted" }, "Checking the key…"));
  try {
    viewer = (await request(VIEWER)).viewer;
  } catch (error) {
    if ((error as ApiError).code === "UNAUTHENTICATED") return; // whenKeyRejected already asked again
    replace(app, notice("error", (error as ApiError).message), h("button", { type: "button", onclick: () => void start() }, "Try again"));
    return;
  }
  if (viewer.role !== "ADMIN" && viewer.role !== "SUPPORT") {
    key.clear();
    return askForKey("That key was not accepted. Enter your admin or support key again.");
  }
  replace(who,
    h("span", { class: "badge role", id: "role" }, ROLE_WORDS[viewer.role]),
    h("button", { type: "button", class: "link", onclick: () => { key.clear(); askForKey(); } }, "Use another key"));
  route();
}

function route(): void {
  if (!viewer) return;
  const hash = location.hash.replace(/^#/, "");
  const po = /^\/po\/(.+)$/.exec(hash);
  const [path, query] = [hash.split("?")[0], new URLSearchParams(hash.split("?")[1] ?? "")];
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>(".bar nav a"))) {
    const here = link.getAttribute("href") === `#${path === "" ? "/" : path}` || (po !== null && link.getAttribute("href") === "#/");
    if (here) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
  }
  if (path === "/upload") {
    renderUploadPage(app, viewer);
    document.title = "Upload POs · Pre-order allocation";
  } else if (path === "/pre-orders") {
    renderPreOrdersPage(app, query, viewer);
    document.title = "Pre-orders · Pre-order allocation";
  } else if (po) {
    renderDetailPage(app, decodeURIComponent(po[1]), viewer);
    document.title = `${decodeURIComponent(po[1])} · Purchase orders`;
  } else {
    renderFindPage(app, query);
    document.title = "Purchase orders · Pre-order allocation";
  }
  window.scrollTo(0, 0);
}

whenKeyRejected(() => {
  key.clear();
  askForKey("That key was not accepted. Enter your admin or support key again.");
});
window.addEventListener("hashchange", route);
void start();
