import { defineConfig } from "vitest/config";

// A project whose test files share one fake server, each file in a session of its own. In your
// project the global setup is "rtc-analytics-mock/vitest/global-setup"; here it is the kit's own source.
export default defineConfig({
  test: {
    include: ["*.test.ts"],
    globalSetup: ["../../server/vitest/global-setup.ts"],
    // Files run at the same time on purpose: sessions keep them from seeing each other's state.
    fileParallelism: true,
    maxWorkers: 3,
    env: { http_proxy: "", https_proxy: "", HTTP_PROXY: "", HTTPS_PROXY: "" },
  },
});
