import "./style.css";
import { control, setTarget } from "./api.js";
import { h } from "./dom.js";
import type { View } from "./view.js";
import { clockView } from "./views/clock-view.js";
import { dataView } from "./views/data-view.js";
import { faultsView } from "./views/faults-view.js";
import { requestsView } from "./views/requests-view.js";
import { rateLimitsView } from "./views/rate-limits-view.js";
import { roomsView } from "./views/rooms-view.js";
import { sessionsView } from "./views/sessions-view.js";

/** The views, in the order the navigation lists them. */
const views: View[] = [clockView(), faultsView(), requestsView(), roomsView(), rateLimitsView(), dataView(), sessionsView()];

const POLL_MS = 1_000;

/**
 * The control panel: a navigation of views, one shown at a time (its id in the URL's hash, so a
 * view can be linked and reloaded). The shown view is polled about once a second.
 */
function start(app: HTMLElement, showing: string): void {
  const nav = h("nav", { "aria-label": "Views" });
  const main = h("main", {});
  const panels = new Map<string, HTMLElement>();
  const buttons = new Map<string, HTMLButtonElement>();
  for (const view of views) {
    const section = h("section", { id: `view-${view.id}`, "aria-labelledby": `heading-${view.id}`, hidden: true });
    section.append(h("h2", { id: `heading-${view.id}` }, view.title));
    view.mount(section);
    panels.set(view.id, section);
    main.append(section);
    const button = h("button", { type: "button", "data-view": view.id }, view.title);
    button.addEventListener("click", () => {
      location.hash = view.id;
    });
    buttons.set(view.id, button);
    nav.append(button);
  }
  app.append(h("header", {}, h("h1", {}, "rtc-analytics-mock control panel"), h("p", { class: "showing" }, showing), nav), main);

  let shown: View = views[0]!;
  const show = () => {
    shown = views.find((view) => `#${view.id}` === location.hash) ?? views[0]!;
    for (const view of views) {
      panels.get(view.id)!.hidden = view !== shown;
      const button = buttons.get(view.id)!;
      if (view === shown) button.setAttribute("aria-current", "page");
      else button.removeAttribute("aria-current");
    }
    void shown.refresh();
  };
  window.addEventListener("hashchange", show);
  show();

  let polling = false;
  setInterval(() => {
    // One poll at a time: a slow server (a latency fault) must not pile requests up.
    if (polling || shown.poll === undefined || document.hidden) return;
    polling = true;
    void shown.poll().finally(() => {
      polling = false;
    });
  }, POLL_MS);
}

/**
 * Which session the panel drives: `?target=<baseUrl>` names another session of this server, used
 * only when this server lists it (a link cannot point the panel at a foreign server).
 */
async function chooseTarget(): Promise<string> {
  const target = new URLSearchParams(location.search).get("target");
  const own = () => control<{ session: string }>("GET", "/health").then((health) => `Session ${health.session} at ${location.origin}`);
  if (target === null) return own().catch(() => `Session at ${location.origin}`);
  const listed = await control<{ sessions: { id: string; baseUrl: string }[] }>("GET", "/sessions").catch(() => ({ sessions: [] }));
  const session = listed.sessions.find((candidate) => candidate.baseUrl === target);
  if (session === undefined)
    return `${target} is not a session of this server; showing this page's own session. ${await own().catch(() => "")}`;
  setTarget(session.baseUrl);
  return `Session ${session.id} at ${session.baseUrl} (this page is served by ${location.origin})`;
}

void chooseTarget().then((showing) => start(document.getElementById("app")!, showing));
