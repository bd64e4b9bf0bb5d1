import { control, currentTarget, messageOf } from "../api.js";
import { field, h, orDash, statusLine } from "../dom.js";
import type { SessionInfo } from "../../sessions/session-registry.js";
import type { View } from "../view.js";

interface SessionList {
  current: string;
  max: number;
  idleTimeoutMs: number;
  sessions: SessionInfo[];
}

/** The panel URL showing `baseUrl`'s session: the page's own origin needs no target. */
export function panelUrlFor(baseUrl: string, view = "sessions"): string {
  const own = new URL(baseUrl).origin === location.origin;
  return `${location.pathname}${own ? "" : `?target=${encodeURIComponent(baseUrl)}`}#${view}`;
}

/**
 * Sessions: list, open and delete them, and switch which one the panel shows. Switching reloads
 * the panel with `?target=<baseUrl>`: every view starts afresh against that session's control API
 * (the control guard lets pages of the server's sessions call each other).
 */
export function sessionsView(): View {
  const status = statusLine();
  const rows = h("tbody");
  const seed = h("input", { name: "seed", size: 8, placeholder: "configured" });
  const clockStart = h("input", { name: "clockStart", size: 24, placeholder: "configured (ISO or epoch ms)" });
  const frozen = h("input", { type: "checkbox", name: "frozen" });
  let rendered = "";

  const refresh = async () => {
    let list: SessionList;
    try {
      list = await control<SessionList>("GET", "/sessions");
    } catch (cause) {
      status.show(messageOf(cause), true);
      return;
    }
    // Polling must not rebuild an unchanged table: that would take the keyboard focus away.
    // (The panel's own polling keeps its session's last request fresh: times are shown to the minute.)
    const key = JSON.stringify([
      list.current,
      list.sessions.map(({ id, baseUrl, lastRequestAt }) => [id, baseUrl, lastRequestAt.slice(0, 16)]),
    ]);
    if (key === rendered) return;
    rendered = key;
    rows.replaceChildren(
      ...list.sessions.map((session) => {
        const shown = session.id === list.current;
        return h(
          "tr",
          { class: shown ? "selected" : undefined },
          h("td", {}, session.id, shown ? " (shown)" : ""),
          h("td", {}, session.baseUrl),
          h("td", {}, session.createdAt.slice(0, 16)),
          h("td", {}, session.lastRequestAt.slice(0, 16)),
          h("td", {}, orDash(session.expiresAt?.slice(0, 16))),
          h(
            "td",
            {},
            h(
              "div",
              { class: "row" },
              shown ? null : h("a", { href: panelUrlFor(session.baseUrl), "aria-label": `Show session ${session.id}` }, "Show"),
              session.default
                ? null
                : h(
                    "button",
                    {
                      type: "button",
                      "aria-label": `Delete session ${session.id}`,
                      onclick: () =>
                        void control("DELETE", `/sessions/${encodeURIComponent(session.id)}`)
                          .then(() => {
                            status.show(`Session ${session.id} deleted`);
                            // The panel showed the session it deleted: go back to its own origin.
                            if (shown) location.assign(panelUrlFor(location.origin));
                          })
                          .catch((cause: unknown) => status.show(messageOf(cause), true))
                          .then(refresh),
                    },
                    "Delete",
                  ),
            ),
          ),
        );
      }),
    );
  };

  const open = async () => {
    const spec: Record<string, unknown> = {};
    const seedText = seed.value.trim();
    if (seedText !== "") spec.seed = /^\d+$/.test(seedText) ? Number(seedText) : seedText;
    const start = clockStart.value.trim();
    if (start !== "" || frozen.checked)
      spec.clock = {
        ...(start !== "" ? { start: /^\d+$/.test(start) ? Number(start) : start } : {}),
        ...(frozen.checked ? { frozen: true } : {}),
      };
    try {
      const opened = await control<{ id: string; baseUrl: string }>("POST", "/sessions", spec);
      status.show(`Opened ${opened.id} at ${opened.baseUrl}`);
    } catch (cause) {
      status.show(messageOf(cause), true);
    }
    await refresh();
  };

  return {
    id: "sessions",
    title: "Sessions",
    mount(root) {
      const form = h(
        "form",
        { class: "row", "aria-label": "Open a session" },
        field("Seed", seed),
        field("Clock start", clockStart),
        h("label", { class: "field" }, h("span", {}, "Frozen"), frozen),
        h("button", { type: "submit" }, "Open session"),
      );
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        void open();
      });
      root.append(
        h(
          "p",
          {},
          "Each session is a fake of its own (clock, faults, quotas, rooms, journal) on its own port. ",
          currentTarget() === "" ? "The panel shows the session it was opened from." : `The panel shows the session at ${currentTarget()}.`,
        ),
        form,
        status.element,
        h(
          "table",
          { "aria-label": "Sessions" },
          h(
            "thead",
            {},
            h("tr", {}, ...["Session", "Base URL", "Opened", "Last request", "Closes when idle at", ""].map((text) => h("th", {}, text))),
          ),
          rows,
        ),
      );
    },
    refresh,
    poll: refresh,
  };
}
