/**
 * A framework-free dashboard: five panels, each showing a loading state, its data, or what went
 * wrong (vendor error, throttling, HTTP error, network error). Vendor text is set with textContent,
 * never parsed as HTML.
 */
import type { AnalyticsClient, PanelResult, RoomSummary, SeriesSummary } from "./analytics-client.js";

/** One panel: its registry id, its title, and how it loads and draws itself (data or failure). */
interface Panel {
  id: string;
  title: string;
  show(client: AnalyticsClient, doc: Document): Promise<{ state: PanelResult<unknown>["state"]; node: HTMLElement }>;
}

function panel<T>(
  id: string,
  title: string,
  load: (client: AnalyticsClient) => Promise<PanelResult<T>>,
  draw: (data: T, doc: Document) => HTMLElement,
): Panel {
  return {
    id,
    title,
    async show(client, doc) {
      const result = await load(client);
      return { state: result.state, node: result.state === "ready" ? draw(result.data, doc) : drawFailure(result, doc) };
    },
  };
}

const panels: Panel[] = [
  panel("volcengine.ListRealTimeOperationData", "Volcengine · online now", (c) => c.realtimeOperation(), drawSeries),
  panel("volcengine.ListOperationData", "Volcengine · daily usage", (c) => c.dailyOperation(), drawSeries),
  panel("volcengine.ListRealTimeQuality", "Volcengine · realtime quality", (c) => c.realtimeQuality(), drawSeries),
  panel("zego.GetRealtimeUsage", "ZEGO · realtime usage", (c) => c.zegoUsage(), drawSeries),
  panel("tencent.DescribeRoomStatistics", "Tencent LCIC · room statistics", (c) => c.roomStatistics(), drawRoom),
];

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

function drawSeries(data: SeriesSummary[], doc: Document): HTMLElement {
  const list = el(doc, "ul", undefined, { class: "series" });
  for (const s of data) {
    const latest = s.latest === null ? "no data yet" : `${s.latest}${s.unit ? ` ${s.unit}` : ""}`;
    list.append(el(doc, "li", `${s.name}: ${latest} (${s.points} points)`, { "data-series": s.name, "data-latest": String(s.latest) }));
  }
  return list;
}

function drawRoom(room: RoomSummary, doc: Document): HTMLElement {
  const box = el(doc, "div", undefined, { class: "room" });
  const facts = el(doc, "dl");
  for (const [label, key, value] of [
    ["Peak members", "peak", room.peakMembers],
    ["Members", "members", room.members],
    ["Records", "total", room.total],
    ["Messages", "messages", room.messages],
  ] as const) {
    facts.append(el(doc, "dt", label), el(doc, "dd", String(value), { "data-fact": key }));
  }
  const table = el(doc, "table");
  table.append(el(doc, "caption", "First members"));
  for (const person of room.people) {
    const row = el(doc, "tr");
    row.append(el(doc, "td", person.userName), el(doc, "td", `${person.presentSeconds} s`));
    table.append(row);
  }
  box.append(facts, table);
  return box;
}

function drawFailure(result: Exclude<PanelResult<unknown>, { state: "ready" }>, doc: Document): HTMLElement {
  switch (result.state) {
    case "throttled":
      return el(doc, "p", `Rate limited (${result.code}): ${result.message}. Try again later.`, {
        class: "error",
        role: "alert",
        "data-code": result.code,
      });
    case "vendor-error":
      return el(doc, "p", `Vendor error ${result.code}: ${result.message}`, { class: "error", role: "alert", "data-code": result.code });
    case "http-error":
      return el(doc, "p", `Service unavailable (${result.message})`, {
        class: "error",
        role: "alert",
        "data-status": String(result.httpStatus),
      });
    case "network-error":
      return el(doc, "p", `Network error: ${result.message}`, { class: "error", role: "alert" });
  }
}

/** A mounted dashboard. */
export interface Dashboard {
  /** Loads every panel again (also wired to the Refresh button); resolves when all panels have settled. */
  refresh(): Promise<void>;
}

/** Mounts the dashboard into `root` and starts loading; `await dashboard.refresh()` waits for a full round. */
export function mountDashboard(root: HTMLElement, client: AnalyticsClient): Dashboard & { ready: Promise<void> } {
  const doc = root.ownerDocument;
  root.replaceChildren();
  const button = el(doc, "button", "Refresh", { type: "button" });
  const sections = panels.map((panel) => {
    const section = el(doc, "section", undefined, { class: "panel", "data-endpoint": panel.id });
    const body = el(doc, "div", undefined, { class: "panel-body" });
    section.append(el(doc, "h2", panel.title), body);
    return { panel, section, body };
  });
  root.append(button, ...sections.map((s) => s.section));

  let round = 0;
  const refresh = async () => {
    const mine = ++round;
    await Promise.all(
      sections.map(async ({ panel, section, body }) => {
        section.dataset.state = "loading";
        section.setAttribute("aria-busy", "true");
        body.replaceChildren(el(doc, "p", "Loading…", { class: "loading" }));
        const shown = await panel.show(client, doc);
        if (mine !== round) return; // a newer refresh owns the panel
        section.dataset.state = shown.state;
        section.removeAttribute("aria-busy");
        body.replaceChildren(shown.node);
      }),
    );
  };
  button.addEventListener("click", () => void refresh());
  return { refresh, ready: refresh() };
}
