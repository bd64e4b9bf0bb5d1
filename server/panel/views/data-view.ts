import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { control, messageOf } from "../api.js";
import { field, h, select, statusLine } from "../dom.js";
import type { View } from "../view.js";

interface ChartableEndpoint {
  id: string;
  vendor: string;
  action: string;
  indicators: string[];
  exampleAppId: string;
  lookbackMs?: number;
  dataDelayMs?: number;
}

interface Series {
  now: number;
  start?: number;
  end?: number;
  dataDelayMs?: number;
  lines?: { name: string; unit?: string; points: [number, number][] }[];
  error?: { code: string; message?: string };
  faults: { id: string; kind: string; code?: string; ms?: number; status?: number }[];
}

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

/**
 * The data the fake serves: for an endpoint, AppId and indicator, a chart over the endpoint's
 * lookback as of mock now (GET /__mock/series runs the endpoint's behaviour without spending quota
 * or a fault, docs/decisions/0008). A marker shows mock now, so the data delay is the gap before it;
 * fault rules that would hit the endpoint are listed above the chart.
 */
export function dataView(): View {
  const status = statusLine();
  const endpointSelect = select("endpoint", []);
  const indicatorSelect = select("indicator", []);
  const appId = h("input", { name: "appId", size: 16 });
  const summary = h("p", { class: "summary", "aria-live": "polite" });
  const faultNote = h("p", { class: "status error", hidden: true });
  const chartBox = h("figure", { class: "chart", "aria-label": "Chart of the served data" });
  let endpoints: ChartableEndpoint[] = [];
  let chart: uPlot | undefined;
  let shownKey = "";

  const chosen = () => endpoints.find((endpoint) => endpoint.id === endpointSelect.value);
  const fillIndicators = () => {
    const endpoint = chosen();
    indicatorSelect.replaceChildren(...(endpoint?.indicators ?? []).map((name) => h("option", { value: name }, name)));
    appId.value = endpoint?.exampleAppId ?? "";
  };
  endpointSelect.addEventListener("change", () => {
    fillIndicators();
    void refresh();
  });
  indicatorSelect.addEventListener("change", () => void refresh());

  const draw = (series: Series) => {
    const lines = series.lines ?? [];
    const times = (lines[0]?.points ?? []).map(([t]) => t / 1000);
    const data: uPlot.AlignedData = [times, ...lines.map((line) => line.points.map(([, v]) => v))];
    const now = series.now / 1000;
    chart?.destroy();
    chart = new uPlot(
      {
        width: Math.max(320, Math.min(960, chartBox.clientWidth || 900)),
        height: 320,
        scales: { x: { time: true, range: (_u, min, max) => [Math.min(min, (series.start ?? series.now) / 1000), Math.max(max, now)] } },
        series: [
          {},
          ...lines.map((line, i) => ({
            label: line.unit ? `${line.name} (${line.unit})` : line.name,
            stroke: COLOURS[i % COLOURS.length],
            width: 1.5,
          })),
        ],
        axes: [{}, { size: 60 }],
        hooks: {
          // Mock now as a dashed line: the gap before it is the endpoint's data delay.
          draw: [
            (u) => {
              const x = u.valToPos(now, "x", true);
              const ctx = u.ctx;
              ctx.save();
              ctx.strokeStyle = "#a3161b";
              ctx.setLineDash([6, 4]);
              ctx.beginPath();
              ctx.moveTo(x, u.bbox.top);
              ctx.lineTo(x, u.bbox.top + u.bbox.height);
              ctx.stroke();
              ctx.restore();
            },
          ],
        },
      },
      data,
      chartBox,
    );
    const last = times.at(-1);
    chartBox.dataset.lastPoint = last === undefined ? "" : String(last * 1000);
    summary.textContent =
      last === undefined
        ? "No points in the window."
        : `${times.length} points from ${iso(times[0]! * 1000)} to ${iso(last * 1000)}; mock now ${iso(series.now)}` +
          (series.dataDelayMs === undefined ? "" : `, data delay ${series.dataDelayMs / 1000} s`) +
          `. Last point: ${iso(last * 1000)}`;
  };

  const refresh = async () => {
    const endpoint = chosen();
    if (endpoint === undefined || indicatorSelect.value === "" || appId.value.trim() === "") return;
    const query = new URLSearchParams({ endpoint: endpoint.id, appId: appId.value.trim(), indicator: indicatorSelect.value });
    let series: Series;
    try {
      series = await control<Series>("GET", `/series?${query}`);
    } catch (cause) {
      status.show(messageOf(cause), true);
      return;
    }
    status.show("");
    faultNote.hidden = series.faults.length === 0;
    faultNote.textContent =
      series.faults.length === 0
        ? ""
        : `Fault rules hit this endpoint's next request, so your app sees ${series.faults
            .map((rule) =>
              rule.kind === "error"
                ? `error ${rule.code ?? ""}`
                : rule.kind === "latency"
                  ? `+${rule.ms ?? 0} ms`
                  : rule.kind === "http"
                    ? `HTTP ${rule.status ?? ""}`
                    : "a dropped connection",
            )
            .join(", ")} (${series.faults.map((rule) => rule.id).join(", ")}); the chart shows the data behind it.`;
    // Redraw only when what is served changed: polling every second must not flicker.
    const key = JSON.stringify([series.now, series.lines, series.error]);
    if (key === shownKey) return;
    shownKey = key;
    if (series.error !== undefined) {
      chart?.destroy();
      chart = undefined;
      chartBox.dataset.lastPoint = "";
      summary.textContent = `The endpoint answers ${series.error.code}${series.error.message ? `: ${series.error.message}` : ""}`;
      return;
    }
    draw(series);
  };

  return {
    id: "data",
    title: "Data",
    mount(root) {
      const form = h(
        "form",
        { class: "row", "aria-label": "Choose the data" },
        field("Endpoint", endpointSelect),
        field("AppId", appId),
        field("Indicator or metric", indicatorSelect),
        h("button", { type: "submit" }, "Show data"),
      );
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        shownKey = "";
        void refresh();
      });
      root.append(
        h(
          "p",
          {},
          "What the endpoint serves over its lookback at mock time, read without spending the tenant's rate limit. The dashed line is mock now.",
        ),
        form,
        status.element,
        faultNote,
        summary,
        chartBox,
      );
      void control<{ endpoints: ChartableEndpoint[] }>("GET", "/series/endpoints")
        .then((loaded) => {
          endpoints = loaded.endpoints;
          endpointSelect.replaceChildren(...endpoints.map((endpoint) => h("option", { value: endpoint.id }, endpoint.id)));
          endpointSelect.value = endpoints.find((endpoint) => endpoint.vendor === "zego")?.id ?? endpoints[0]?.id ?? "";
          fillIndicators();
          return refresh();
        })
        .catch((cause: unknown) => status.show(messageOf(cause), true));
    },
    refresh,
    poll: refresh,
  };
}
