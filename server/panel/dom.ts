/** Attributes of `h`: properties for `on…` handlers and `value`/`checked`, attributes for the rest. */
export type Attributes = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/** A child of `h`: nodes, text, or nothing (skipped). */
export type Child = Node | string | number | null | undefined | false;

/** Builds an element: `h("button", { type: "button", onclick }, "Freeze")`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "value" || name === "checked") (element as unknown as Record<string, unknown>)[name] = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(
    ...children.filter((child): child is Node | string | number => child !== null && child !== undefined && child !== false).map(String0),
  );
  return element;
}

function String0(child: Node | string | number): Node | string {
  return typeof child === "number" ? String(child) : child;
}

/** A labelled form control: the label names the control for assistive technology. */
export function field(label: string, control: HTMLElement): HTMLLabelElement {
  return h("label", { class: "field" }, h("span", {}, label), control);
}

/** A `<select>` of options; `value` picks the selected one. */
export function select(name: string, options: readonly (string | [value: string, label: string])[], value = ""): HTMLSelectElement {
  const element = h("select", { name });
  for (const option of options) {
    const [optionValue, label] = typeof option === "string" ? [option, option] : option;
    element.append(h("option", { value: optionValue }, label));
  }
  if (value !== "") element.value = value;
  return element;
}

/** Shows `value`, or an em dash when a field is absent (older journal entries lack some). */
export function orDash(value: unknown): string {
  return value === undefined || value === null || value === "" ? "—" : String(value);
}

/** A live region for a view's messages: errors of the control API, confirmations. */
export function statusLine(): { element: HTMLElement; show(message: string, isError?: boolean): void } {
  const element = h("p", { class: "status", role: "status", "aria-live": "polite" });
  return {
    element,
    show(message, isError = false) {
      element.textContent = message;
      element.classList.toggle("error", isError);
    },
  };
}
