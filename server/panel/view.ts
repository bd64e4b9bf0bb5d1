/** One view of the panel: built once, refreshed when shown and polled (about every second) while shown. */
export interface View {
  id: string;
  title: string;
  /** Builds the view's content into `root` (called once). */
  mount(root: HTMLElement): void;
  /** Reloads what the view shows from the server. */
  refresh(): Promise<void>;
  /** Called about once a second while the view is shown; default: nothing. */
  poll?(): Promise<void>;
}
