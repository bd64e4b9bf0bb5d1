import { control, messageOf } from "../api.js";
import { field, h, statusLine } from "../dom.js";
import type { View } from "../view.js";

interface ClockState {
  now: number;
  iso: string;
  frozen: boolean;
}

/** Mock time: read it, freeze or unfreeze it, advance it, set it (POST /__mock/clock). */
export function clockView(): View {
  const time = h("strong", { class: "big", "aria-label": "Mock time" }, "—");
  const mode = h("span", { class: "badge" }, "—");
  const status = statusLine();
  const freezeButton = h("button", { type: "button" }, "Freeze");
  const advanceInput = h("input", { name: "advance", value: "5m", size: 8, placeholder: "90s, 5m, 2h, -1d" });
  const setInput = h("input", { name: "set", size: 26, placeholder: "2025-06-15T12:00:00Z" });
  let frozen = false;

  const show = (clock: ClockState) => {
    time.textContent = clock.iso;
    frozen = clock.frozen;
    mode.textContent = clock.frozen ? "frozen" : "running";
    freezeButton.textContent = clock.frozen ? "Unfreeze" : "Freeze";
  };
  const command = async (body: Record<string, unknown>, done: string) => {
    try {
      show(await control<ClockState>("POST", "/clock", body));
      status.show(done);
    } catch (cause) {
      status.show(messageOf(cause), true);
    }
  };
  freezeButton.addEventListener(
    "click",
    () => void command(frozen ? { unfreeze: true } : { freeze: true }, frozen ? "Unfrozen" : "Frozen"),
  );

  const refresh = async () => {
    try {
      show(await control<ClockState>("GET", "/clock"));
    } catch (cause) {
      status.show(messageOf(cause), true);
    }
  };

  return {
    id: "clock",
    title: "Clock",
    mount(root) {
      const advanceForm = h(
        "form",
        { class: "row", "aria-label": "Advance the clock" },
        field("Advance by", advanceInput),
        h("button", { type: "submit" }, "Advance"),
      );
      advanceForm.addEventListener("submit", (event) => {
        event.preventDefault();
        const text = advanceInput.value.trim();
        void command({ advance: /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text }, `Advanced by ${text}`);
      });
      const setForm = h(
        "form",
        { class: "row", "aria-label": "Set the clock" },
        field("Set to", setInput),
        h("button", { type: "submit" }, "Set"),
      );
      setForm.addEventListener("submit", (event) => {
        event.preventDefault();
        const text = setInput.value.trim();
        void command({ set: /^\d+$/.test(text) ? Number(text) : text }, `Set to ${text}`);
      });
      root.append(
        h("p", {}, "Windows, data delays, buckets, rate limits and room lifecycles all read this clock."),
        h("div", { class: "row" }, time, mode, freezeButton),
        advanceForm,
        setForm,
        status.element,
      );
    },
    refresh,
    poll: refresh,
  };
}
