import { control, messageOf } from "../api.js";
import { field, h, orDash, select, statusLine } from "../dom.js";
import type { View } from "../view.js";

interface Catalogs {
  vendors: { vendor: string; actions: string[]; errors: { code: string; httpStatus: number; message: string }[] }[];
}

interface FaultRule {
  id: string;
  kind: "error" | "latency" | "http" | "drop";
  vendor?: string;
  action?: string;
  code?: string;
  ms?: number;
  status?: number;
  times?: number;
  remaining?: number;
  probability?: number;
}

/** What a rule does, in a few words. */
function effectOf(rule: FaultRule): string {
  switch (rule.kind) {
    case "error":
      return `error ${rule.code ?? ""}`;
    case "latency":
      return `+${rule.ms ?? 0} ms`;
    case "http":
      return `HTTP ${rule.status ?? ""}`;
    default:
      return "drop the connection";
  }
}

/** Fault rules: the active ones, a form whose choices come from GET /__mock/catalogs, remove one or all. */
export function faultsView(): View {
  const status = statusLine();
  const kind = select("kind", [
    ["error", "error (vendor catalog)"],
    ["latency", "latency"],
    ["http", "HTTP status (5xx)"],
    ["drop", "drop the connection"],
  ]);
  const vendor = select("vendor", [["", "any vendor"]]);
  const action = select("action", [["", "any action"]]);
  const code = select("code", []);
  const ms = h("input", { name: "ms", type: "number", min: 0, max: 60000, step: 1, value: "1500" });
  const httpStatus = h("input", { name: "status", type: "number", min: 400, max: 599, step: 1, value: "503" });
  const times = h("input", { name: "times", type: "number", min: 1, step: 1, placeholder: "every request" });
  const probability = h("input", { name: "probability", type: "number", min: 0, max: 1, step: 0.05, placeholder: "1" });
  const codeField = field("Error code", code);
  const msField = field("Latency (ms)", ms);
  const statusField = field("HTTP status", httpStatus);
  const rulesBody = h("tbody");
  let catalogs: Catalogs = { vendors: [] };

  const catalogOf = (name: string) => catalogs.vendors.find((entry) => entry.vendor === name);
  /** Shows only the fields of the chosen kind, and the actions and codes of the chosen vendor. */
  const update = () => {
    const chosen = catalogOf(vendor.value);
    const keepAction = action.value;
    action.replaceChildren(
      h("option", { value: "" }, "any action"),
      ...(chosen?.actions ?? []).map((name) => h("option", { value: name }, name)),
    );
    action.value = chosen?.actions.includes(keepAction) ? keepAction : "";
    action.disabled = chosen === undefined;
    const keepCode = code.value;
    code.replaceChildren(
      ...(chosen?.errors ?? []).map((error) => h("option", { value: error.code }, `${error.code} (HTTP ${error.httpStatus})`)),
    );
    if (chosen?.errors.some((error) => error.code === keepCode)) code.value = keepCode;
    codeField.hidden = kind.value !== "error";
    msField.hidden = kind.value !== "latency";
    statusField.hidden = kind.value !== "http";
  };
  kind.addEventListener("change", update);
  vendor.addEventListener("change", update);

  let shownRules = "";
  const showRules = (rules: FaultRule[]) => {
    // Polling must not rebuild an unchanged table: that would take the keyboard focus away.
    const key = JSON.stringify(rules);
    if (key === shownRules) return;
    shownRules = key;
    rulesBody.replaceChildren(
      ...rules.map((rule) =>
        h(
          "tr",
          {},
          h("td", {}, rule.id),
          h("td", {}, rule.kind),
          h("td", {}, orDash(rule.vendor)),
          h("td", {}, orDash(rule.action)),
          h("td", {}, effectOf(rule)),
          h("td", {}, rule.remaining === undefined ? "every" : `${rule.remaining} of ${rule.times ?? "?"}`),
          h("td", {}, orDash(rule.probability)),
          h("td", {}, h("button", { type: "button", "aria-label": `Remove ${rule.id}`, onclick: () => void remove(rule.id) }, "Remove")),
        ),
      ),
    );
    if (rules.length === 0) rulesBody.append(h("tr", {}, h("td", { colspan: 8 }, "No fault rules: every request is answered normally.")));
  };
  const refresh = async () => {
    try {
      showRules((await control<{ faults: FaultRule[] }>("GET", "/faults")).faults);
    } catch (cause) {
      status.show(messageOf(cause), true);
    }
  };
  const remove = async (id?: string) => {
    try {
      await control("DELETE", id === undefined ? "/faults" : `/faults/${encodeURIComponent(id)}`);
      status.show(id === undefined ? "Removed every rule" : `Removed ${id}`);
    } catch (cause) {
      status.show(messageOf(cause), true);
    }
    await refresh();
  };
  const add = async () => {
    const spec: Record<string, unknown> = { kind: kind.value };
    if (vendor.value !== "") spec.vendor = vendor.value;
    if (action.value !== "") spec.action = action.value;
    if (kind.value === "error") spec.code = code.value;
    if (kind.value === "latency") spec.ms = ms.valueAsNumber;
    if (kind.value === "http") spec.status = httpStatus.valueAsNumber;
    if (times.value !== "") spec.times = times.valueAsNumber;
    if (probability.value !== "") spec.probability = probability.valueAsNumber;
    try {
      const rule = await control<FaultRule>("POST", "/faults", spec);
      status.show(`Added ${rule.id}: ${effectOf(rule)}`);
    } catch (cause) {
      status.show(messageOf(cause), true);
    }
    await refresh();
  };

  return {
    id: "faults",
    title: "Faults",
    mount(root) {
      const form = h(
        "form",
        { "aria-label": "Add a fault rule", novalidate: true },
        h("div", { class: "row" }, field("Kind", kind), field("Vendor", vendor), field("Action", action), codeField, msField, statusField),
        h(
          "div",
          { class: "row" },
          field("Times (blank: every request)", times),
          field("Probability (0–1)", probability),
          h("button", { type: "submit" }, "Add fault"),
        ),
      );
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        void add();
      });
      root.append(
        h("h3", {}, "Add a rule"),
        form,
        status.element,
        h("h3", {}, "Active rules, in the order they apply"),
        h(
          "table",
          { "aria-label": "Active fault rules" },
          h(
            "thead",
            {},
            h("tr", {}, ...["Id", "Kind", "Vendor", "Action", "Effect", "Hits left", "Probability", ""].map((text) => h("th", {}, text))),
          ),
          rulesBody,
        ),
        h("p", {}, h("button", { type: "button", onclick: () => void remove() }, "Remove all rules")),
      );
      update();
      void control<Catalogs>("GET", "/catalogs")
        .then((loaded) => {
          catalogs = loaded;
          vendor.replaceChildren(
            h("option", { value: "" }, "any vendor"),
            ...loaded.vendors.map((entry) => h("option", { value: entry.vendor }, entry.vendor)),
          );
          update();
        })
        .catch((cause: unknown) => status.show(messageOf(cause), true));
    },
    refresh,
    poll: refresh,
  };
}
