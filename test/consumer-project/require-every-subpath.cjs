// require() of the ESM package (Node >= 20.19 / 22.12 load ES modules without top-level await this way).
const assert = require("node:assert");
const subpaths = [
  "rtc-analytics-mock",
  "rtc-analytics-mock/schemas",
  "rtc-analytics-mock/mocks",
  "rtc-analytics-mock/msw",
  "rtc-analytics-mock/server",
  "rtc-analytics-mock/contracts",
];
for (const subpath of subpaths) {
  const loaded = require(subpath);
  assert.ok(Object.keys(loaded).length > 0, `${subpath} exports nothing`);
}
assert.equal(typeof require("rtc-analytics-mock/server").startServer, "function");
console.log(`require() loaded ${subpaths.length} subpaths`);
