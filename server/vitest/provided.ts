/** What the global setup hands to every test worker (vitest's `provide`/`inject`). */
declare module "vitest" {
  interface ProvidedContext {
    /** Base URL of the fake server the global setup found or started. */
    rtcMockServerUrl: string | undefined;
  }
}

export {};
