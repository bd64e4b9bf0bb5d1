import { control, messageOf } from "../api.js";
import { h, statusLine } from "../dom.js";
import type { View } from "../view.js";

interface Usage {
  enabled: boolean;
  truncated: boolean;
  tenants: {
    vendor: string;
    action: string;
    tenant: string;
    limits: { limit: number; windowMs: number; scope: string; used: number; resetsAt: number; fidelity: string }[];
  }[];
}

/** `1 s`, `1 min`, `1 d`: how a window is read. */
function windowText(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}

/** Rate limits: the switch, and per tenant and action what is used of each documented limit now. */
export function rateLimitsView(): View {
  const status = statusLine();
  const enforce = h("input", { type: "checkbox", name: "enforce" });
  const rows = h("tbody");
  let rendered = "";

  const refresh = async () => {
    let usage: Usage;
    try {
      usage = await control<Usage>("GET", "/rate-limits/usage");
    } catch (cause) {
      status.show(messageOf(cause), true);
      return;
    }
    enforce.checked = usage.enabled;
    // Polling must not rebuild an unchanged table: that would take the keyboard focus away.
    const key = JSON.stringify(usage);
    if (key === rendered) return;
    rendered = key;
    rows.replaceChildren(
      ...usage.tenants.map((entry) =>
        h(
          "tr",
          {},
          h("td", {}, entry.vendor),
          h("td", {}, entry.action),
          h("td", {}, entry.tenant),
          h(
            "td",
            {},
            ...entry.limits.map((limit) => {
              const label = `${limit.used} of ${limit.limit} per ${windowText(limit.windowMs)}`;
              return h(
                "div",
                { class: "row" },
                h("meter", {
                  min: 0,
                  max: limit.limit,
                  value: limit.used,
                  high: limit.limit * 0.8,
                  "aria-label": `${entry.tenant} ${entry.action}: ${label}`,
                }),
                h(
                  "span",
                  {},
                  `${label} (${limit.scope}, ${limit.fidelity}); window ends ${new Date(limit.resetsAt).toISOString().slice(11, 19)}`,
                ),
              );
            }),
          ),
        ),
      ),
    );
    if (usage.tenants.length === 0) rows.append(h("tr", {}, h("td", { colspan: 4 }, "No tenant has used a limit in its current window.")));
    if (usage.truncated) rows.append(h("tr", {}, h("td", { colspan: 4 }, "More tenants are tracked than are listed.")));
  };

  enforce.addEventListener("change", () => {
    void control<{ enabled: boolean }>("PUT", "/rate-limits", { enabled: enforce.checked })
      .then((answer) => status.show(answer.enabled ? "Rate limits are enforced" : "Rate limits are off: every request is let through"))
      .catch((cause: unknown) => status.show(messageOf(cause), true))
      .then(refresh);
  });

  return {
    id: "rate-limits",
    title: "Rate limits",
    mount(root) {
      root.append(
        h("p", {}, h("label", {}, enforce, " Enforce the documented rate limits")),
        status.element,
        h(
          "table",
          { "aria-label": "Rate-limit use per tenant" },
          h("thead", {}, h("tr", {}, ...["Vendor", "Action", "Tenant", "Used in the current window"].map((text) => h("th", {}, text)))),
          rows,
        ),
      );
    },
    refresh,
    poll: refresh,
  };
}
