import type { Vendor } from "../../schemas/common/endpoint.js";
import { endpointById, endpoints } from "../../schemas/registry.js";
import type { ContractCase, TargetFixtures } from "../case.js";
import { CREDENTIAL_ENV, credentialsFromEnv, FIXTURE_ENV, type ContractCredentials } from "../credentials.js";
import type { ContractRequest, Exchange } from "../exchange.js";
import { Pacer } from "../pacer.js";
import { signRequest } from "../signing.js";
import { budgetedSend } from "./budgeted-send.js";
import { resolveUrl } from "./http-send.js";
import { CaseSkipped, type SendOptions, type Target } from "./target.js";

/** Environment variables that point a vendor at another host (e.g. a ZEGO regional host). */
export const BASE_URL_ENV: Readonly<Record<Vendor, string>> = {
  volcengine: "RTC_CONTRACT_VOLCENGINE_BASE_URL",
  zego: "RTC_CONTRACT_ZEGO_BASE_URL",
  tencent: "RTC_CONTRACT_TENCENT_BASE_URL",
};

/** A RoomId no LCIC account is expected to have (max uint32), unless the environment names one. */
const DEFAULT_UNKNOWN_ROOM = 4_294_967_295;

/** Options of the real-vendor target. */
export interface VendorTargetOptions {
  /** Default: from the environment (CREDENTIAL_ENV). */
  credentials?: ContractCredentials;
  /** Default: process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Allowed difference between this machine's clock and the vendor's (default 5 s). */
  skewMs?: number;
  pacer?: Pacer;
}

const MISSING_CREDENTIALS: Record<Vendor, string> = {
  volcengine: `${CREDENTIAL_ENV.volcengineAccessKeyId} and ${CREDENTIAL_ENV.volcengineSecretKey} (plus ${FIXTURE_ENV.volcengineAppId})`,
  zego: `${CREDENTIAL_ENV.zegoAppId} and ${CREDENTIAL_ENV.zegoServerSecret}`,
  tencent: `${CREDENTIAL_ENV.tencentSecretId} and ${CREDENTIAL_ENV.tencentSecretKey}`,
};

function roomId(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const text = env[name]?.trim();
  if (text === undefined || text === "") return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a RoomId (a non-negative integer), got ${JSON.stringify(text)}`);
  return n;
}

/**
 * The vendors' own hosts, signed with credentials from the environment and paced below the
 * documented limits (ZEGO 3/min and 480/day, Volcengine 2/s, Tencent 20/s: the pacer uses 80 % of
 * each). A vendor without credentials has its cases skipped. Every request spends real quota.
 */
export function vendorTarget(options: VendorTargetOptions = {}): Target {
  const env = options.env ?? process.env;
  const credentials = options.credentials ?? credentialsFromEnv(env);
  const pacer = options.pacer ?? new Pacer();
  const baseOf = (vendor: Vendor): URL => {
    const override = env[BASE_URL_ENV[vendor]]?.trim();
    if (override) return new URL(override);
    const endpoint = endpoints.find((e) => e.vendor === vendor);
    if (endpoint === undefined) throw new Error(`no ${vendor} endpoint in the registry`);
    return new URL(`https://${endpoint.host}/`);
  };
  const vendors = (Object.keys(MISSING_CREDENTIALS) as Vendor[]).filter((v) => credentials[v] !== undefined);
  return {
    kind: "vendor",
    description: `real vendors (${vendors.length > 0 ? vendors.join(", ") : "no credentials set"})`,
    spendsQuota: true,
    skewMs: options.skewMs ?? 5_000,
    verifiesSignatures: (vendor) => credentials[vendor] !== undefined,
    async fixtures(): Promise<TargetFixtures> {
      const ended = roomId(env, FIXTURE_ENV.tencentEndedRoomId);
      const live = roomId(env, FIXTURE_ENV.tencentLiveRoomId);
      const pending = roomId(env, FIXTURE_ENV.tencentPendingRoomId);
      return {
        volcengine: { appId: env[FIXTURE_ENV.volcengineAppId]?.trim() ?? "" },
        zego: { appId: credentials.zego?.appId ?? "" },
        tencent: {
          ...(ended !== undefined ? { endedRoomId: ended } : {}),
          ...(live !== undefined ? { liveRoomId: live } : {}),
          ...(pending !== undefined ? { pendingRoomId: pending } : {}),
          unknownRoomId: roomId(env, FIXTURE_ENV.tencentUnknownRoomId) ?? DEFAULT_UNKNOWN_ROOM,
        },
      };
    },
    async beginCase(c: ContractCase) {
      const vendor = endpointById(c.endpointId)?.vendor;
      if (vendor === undefined || credentials[vendor] === undefined)
        throw new CaseSkipped(`no ${vendor ?? "vendor"} credentials: set ${vendor ? MISSING_CREDENTIALS[vendor] : "them"}`);
      if (vendor === "volcengine" && !env[FIXTURE_ENV.volcengineAppId]?.trim())
        throw new CaseSkipped(`set ${FIXTURE_ENV.volcengineAppId} to the RTC AppId to query`);
      return Date.now();
    },
    async send(request: ContractRequest, send: SendOptions): Promise<Exchange> {
      const endpoint = endpointById(send.endpointId);
      if (endpoint !== undefined) await pacer.take(`${endpoint.vendor}:${endpoint.action}`, endpoint.limits.rate, send.burst);
      const base = baseOf(send.vendor);
      const sentAt = Date.now();
      const signed = signRequest(request, send.vendor, base, credentials, sentAt, send.auth);
      const hint = `check the network, or point ${BASE_URL_ENV[send.vendor]} at the host to use`;
      const { response, elapsedMs } = await budgetedSend(resolveUrl(base, signed.path), signed, send.vendor, send.budgetMs, hint);
      return { request: signed, response, sentAt, receivedAt: Date.now(), elapsedMs };
    },
    async close() {},
  };
}
