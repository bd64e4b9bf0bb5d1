import type { Clock, ClockOptions } from "./core/clock.js";
import type { FaultSpec } from "./core/faults.js";
import type { Hashing } from "../schemas/common/hashing.js";
import { nobleHashing } from "../schemas/common/noble-hashing.js";
import { defaultVolcengineOptions, type VolcengineOptions } from "./volcengine/options.js";
import { defaultZegoOptions, type ZegoOptions } from "./zego/options.js";
import { defaultTencentOptions, type TencentOptions } from "./tencent/options.js";

/** Credentials the fake server accepts when signature checks are on. */
export interface Credentials {
  volcengine: { accessKeyId: string; secretKey: string }[];
  tencent: { secretId: string; secretKey: string }[];
  zego: { appId: string; serverSecret: string }[];
}

/** Signature checking: `off` accepts anything (the default), `verify` enforces each vendor's scheme. */
export interface AuthOptions {
  mode: "off" | "verify";
  credentials: Credentials;
}

/** Options of one mock engine; every field has a default. */
export interface MockOptions {
  /** World seed: same seed, same bytes. Default 1. */
  seed?: number | string;
  /** A clock to share, or how to create one. Default: real time, running. */
  clock?: Clock | ClockOptions;
  /** Enforce the documented rate limits. Default true. */
  rateLimits?: boolean;
  /** Signature checking; credentials given for one vendor leave the others at their demo values. */
  auth?: { mode?: AuthOptions["mode"]; credentials?: Partial<Credentials> };
  /** Fault rules active from the start (and again after reset). */
  faults?: FaultSpec[];
  /** Size of the request journal. Default 200. */
  journalSize?: number;
  /** Most tenants (AppIds, SecretIds) tracked for quotas; a new one beyond it gets a vendor error. Default 10,000. */
  maxTenants?: number;
  /**
   * SHA-256 / HMAC-SHA256 / MD5 used to check signatures in `verify` mode. Default: @noble/hashes
   * (pure JavaScript, browser-safe); the fastify server (`buildServer`) passes node:crypto unless
   * this is set. Must compute the standard functions: it changes speed, never a reply.
   */
  hashing?: Hashing;
  volcengine?: Partial<VolcengineOptions>;
  zego?: Partial<ZegoOptions>;
  tencent?: Partial<TencentOptions>;
}

/** Options with defaults filled in. */
export interface ResolvedMockOptions {
  seed: number | string;
  rateLimits: boolean;
  auth: AuthOptions;
  faults: FaultSpec[];
  journalSize: number;
  maxTenants: number;
  hashing: Hashing;
  volcengine: VolcengineOptions;
  zego: ZegoOptions;
  tencent: TencentOptions;
}

/**
 * Demo credentials for local use (documented in the README); they work in `verify` mode unless the
 * user configures their own.
 */
export const demoCredentials: Credentials = {
  volcengine: [{ accessKeyId: "AKLTdemo0000000000000000", secretKey: "demo-volcengine-secret-key" }],
  tencent: [{ secretId: "AKIDdemo00000000000000000000000000", secretKey: "demo-tencent-secret-key" }],
  zego: [{ appId: "1234567890", serverSecret: "0123456789abcdef0123456789abcdef" }],
};

/** Fills in defaults. */
export function resolveOptions(options: MockOptions = {}): ResolvedMockOptions {
  const credentials = options.auth?.credentials;
  return {
    seed: options.seed ?? 1,
    rateLimits: options.rateLimits ?? true,
    auth: {
      mode: options.auth?.mode ?? "off",
      credentials: {
        volcengine: credentials?.volcengine ?? demoCredentials.volcengine,
        tencent: credentials?.tencent ?? demoCredentials.tencent,
        zego: credentials?.zego ?? demoCredentials.zego,
      },
    },
    faults: options.faults ?? [],
    journalSize: options.journalSize ?? 200,
    maxTenants: options.maxTenants ?? 10_000,
    hashing: options.hashing ?? nobleHashing,
    volcengine: { ...defaultVolcengineOptions, ...options.volcengine },
    zego: { ...defaultZegoOptions, ...options.zego },
    tencent: { ...defaultTencentOptions, ...options.tencent },
  };
}
