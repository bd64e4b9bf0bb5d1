/**
 * The contract suite: cases per endpoint from the registry, targets (in-process, URL, real
 * vendors, recordings), the proxy/recorder, reports, and a test-runner adapter.
 */
export type { CaseContext, CaseStep, ContractCase, Expectation, FixtureName, StepAuth, TargetFixtures } from "./case.js";
export { buildCases, caseModules, uncoveredEndpoints } from "./cases/index.js";
export { contractCommand, proxyCommand, targetFromSpec } from "./cli.js";
export { CREDENTIAL_ENV, FIXTURE_ENV, credentialsFromEnv, demoContractCredentials, type ContractCredentials } from "./credentials.js";
export type { ContractRequest, ContractResponse, Exchange } from "./exchange.js";
export { endpointOfRequest, vendorOfRequest } from "./identify.js";
export { judgeReply } from "./judge.js";
export { observe, type Check, type ObservedExchange } from "./observed.js";
export { Pacer, QuotaBudgetExceeded, type PacerOptions } from "./pacer.js";
export { endpointProfiles, profileOf, type EndpointProfile } from "./profiles/index.js";
export { startProxy, type ProxyOptions, type RunningProxy } from "./proxy/proxy-server.js";
export { CASE_HEADER, ENDPOINT_HEADER, STEP_HEADER, VIOLATION_DETAILS_HEADER, VIOLATIONS_HEADER } from "./proxy/violation-headers.js";
export { quotaCost, type VendorCost } from "./quota.js";
export { createRecorder, type Recorder, type RecordingMeta } from "./recordings/recorder.js";
export { RECORDING_FORMAT, RECORDING_FORMAT_V1, Recording } from "./recordings/recording.js";
export { loadRecordings, RecordingLoadError, RecordingStore } from "./recordings/store.js";
export { renderJson, JSON_REPORT_FORMAT } from "./reports/json.js";
export { renderJunit } from "./reports/junit.js";
export { renderTable, type TableOptions } from "./reports/table.js";
export { groupViolations, type ViolationGroup } from "./reports/violation-groups.js";
export {
  judgeObserved,
  runCase,
  runContract,
  summarize,
  type CaseResult,
  type CaseStatus,
  type RunOptions,
  type RunReport,
} from "./runner.js";
export { signRequest, stripSignature } from "./signing.js";
export { inprocTarget, type InprocTargetOptions } from "./targets/inproc-target.js";
export { recordingsTarget, type RecordingsTarget } from "./targets/recordings-target.js";
export { CaseSkipped, type SendOptions, type Target } from "./targets/target.js";
export { TargetUnreachable } from "./targets/unreachable.js";
export { PROXY_MARKER_HEADER, urlTarget, type UrlTargetOptions } from "./targets/url-target.js";
export { BASE_URL_ENV, vendorTarget, type VendorTargetOptions } from "./targets/vendor-target.js";
export { failing, type Severity, type Violation } from "./violation.js";
export { registerContractSuite, type ContractSuiteOptions, type SuiteApi } from "./vitest-suite.js";
