import { control, messageOf } from "../api.js";
import { field, h, orDash, select, statusLine } from "../dom.js";
import type { JournalEntry } from "../../../mocks/core/journal.js";
import type { View } from "../view.js";

/** Most entries the view keeps; the journal itself is bounded by --journal-size. */
const KEPT = 500;

/** A request or reply part as text: its JSON body, its text, or a dash when the journal has none. */
function partText(part: { body?: unknown; bodyText?: string; truncated?: true } | undefined): string {
  if (part === undefined) return "—";
  const text = part.body !== undefined ? JSON.stringify(part.body, null, 2) : (part.bodyText ?? "—");
  return part.truncated ? `${text}\n… (truncated by the journal)` : text;
}

/**
 * What the app sent and got back: the journal, newest first, polled with `after=<seq>` (seq never
 * goes back, across resets too). The filters are the journal's own, sent when applied.
 */
export function requestsView(): View {
  const status = statusLine();
  const filters = {
    vendor: select("vendor", [["", "any vendor"], "volcengine", "zego", "tencent"]),
    action: h("input", { name: "action", size: 24, placeholder: "ListRealTimeQuality" }),
    tenant: h("input", { name: "tenant", size: 14, placeholder: "AppId or SecretId" }),
    status: h("input", { name: "status", size: 5, inputmode: "numeric", placeholder: "200" }),
    errorCode: h("input", { name: "errorCode", size: 14, placeholder: "InternalError" }),
  };
  const rows = h("tbody");
  const details = h("div", { class: "details", "aria-live": "polite" }, h("p", {}, "Choose a request to see what was sent and answered."));
  let entries: JournalEntry[] = [];
  let lastSeq = 0;
  let selected: number | undefined;

  /** The filters as last applied (Apply filters, or a vendor chosen). */
  let applied = new URLSearchParams();
  const apply = () => {
    applied = new URLSearchParams();
    const values = {
      vendor: filters.vendor.value,
      action: filters.action.value.trim(),
      tenant: filters.tenant.value.trim(),
      status: filters.status.value.trim(),
      errorCode: filters.errorCode.value.trim(),
    };
    for (const [name, value] of Object.entries(values)) if (value !== "") applied.set(name, value);
  };

  const fetchNew = async (): Promise<JournalEntry[]> => {
    const query = new URLSearchParams(applied);
    query.set("after", String(lastSeq));
    return (await control<{ entries: JournalEntry[] }>("GET", `/journal?${query}`)).entries;
  };

  const showDetails = (entry: JournalEntry) => {
    selected = entry.seq;
    const request = entry.request;
    details.replaceChildren(
      h("h3", {}, `#${entry.seq} ${entry.method} ${entry.path}`),
      h(
        "p",
        {},
        `${new Date(entry.at).toISOString()} · HTTP ${entry.status}${entry.errorCode ? ` · ${entry.errorCode}` : ""}${entry.faultId ? ` · fault ${entry.faultId}` : ""}`,
      ),
      h(
        "div",
        { class: "columns" },
        h(
          "div",
          {},
          h("h4", {}, "Request (sanitised)"),
          h(
            "pre",
            { "aria-label": "Request query and headers" },
            JSON.stringify({ query: request.query, headers: request.headers }, null, 2),
          ),
          h("pre", { "aria-label": "Request body" }, partText(request)),
        ),
        h("div", {}, h("h4", {}, "Reply"), h("pre", { "aria-label": "Reply body" }, partText(entry.reply))),
      ),
    );
    render();
  };

  let rendered = "";
  const render = () => {
    const shown = [...entries].reverse();
    // Polling must not rebuild an unchanged table: that would take the keyboard focus away.
    const key = `${selected}:${shown.map((entry) => entry.seq).join(",")}`;
    if (key === rendered) return;
    rendered = key;
    rows.replaceChildren(
      ...shown.map((entry) =>
        h(
          "tr",
          { class: entry.seq === selected ? "selected" : undefined },
          h(
            "td",
            {},
            h("button", { type: "button", "aria-label": `Show request ${entry.seq}`, onclick: () => showDetails(entry) }, `#${entry.seq}`),
          ),
          h("td", {}, new Date(entry.at).toISOString().slice(11, 19)),
          h("td", {}, orDash(entry.vendor)),
          h("td", {}, orDash(entry.action)),
          h("td", {}, orDash(entry.tenant)),
          h("td", {}, entry.status === 0 ? "dropped" : String(entry.status)),
          h("td", {}, orDash(entry.errorCode)),
          h("td", {}, `${Math.round(entry.latencyMs * 10) / 10} ms`),
        ),
      ),
    );
    if (shown.length === 0) rows.append(h("tr", {}, h("td", { colspan: 8 }, "No requests yet (or none that match).")));
  };

  const poll = async () => {
    try {
      const fresh = await fetchNew();
      if (fresh.length > 0) {
        entries = [...entries, ...fresh].slice(-KEPT);
        lastSeq = entries[entries.length - 1]!.seq;
      }
      render();
    } catch (cause) {
      status.show(messageOf(cause), true);
    }
  };
  const restart = () => {
    apply();
    entries = [];
    lastSeq = 0;
    void poll();
  };

  return {
    id: "requests",
    title: "Requests",
    mount(root) {
      const form = h(
        "form",
        { class: "row", "aria-label": "Filter requests" },
        field("Vendor", filters.vendor),
        field("Action", filters.action),
        field("Tenant", filters.tenant),
        field("Status", filters.status),
        field("Error code", filters.errorCode),
        h("button", { type: "submit" }, "Apply filters"),
        h(
          "button",
          {
            type: "button",
            onclick: () =>
              void control("DELETE", "/journal")
                .then(() => {
                  selected = undefined;
                  restart();
                  status.show("Journal emptied");
                })
                .catch((cause: unknown) => status.show(messageOf(cause), true)),
          },
          "Empty the journal",
        ),
      );
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        restart();
      });
      filters.vendor.addEventListener("change", restart);
      root.append(
        form,
        status.element,
        h(
          "table",
          { "aria-label": "Requests, newest first" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ...["Seq", "Mock time", "Vendor", "Action", "Tenant", "Status", "Error code", "Latency"].map((text) => h("th", {}, text)),
            ),
          ),
          rows,
        ),
        details,
      );
    },
    refresh: poll,
    poll,
  };
}
