import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "schemas/**/*.test.ts", "mocks/**/*.test.ts", "server/**/*.test.ts", "contracts/**/*.test.ts"],
    // Type-level tests (test/**/*.test-d.ts) are checked by `tsc --noEmit`, which `npm test` runs first.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The vendor SDKs read proxies and credentials from the environment; tests must never reach a real host.
    env: { http_proxy: "", https_proxy: "", HTTP_PROXY: "", HTTPS_PROXY: "", VOLC_ACCESSKEY: "", VOLC_SECRETKEY: "" },
  },
});
