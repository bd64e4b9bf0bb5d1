import { demoCredentials } from "../mocks/options.js";

/** Credentials to sign requests with, per vendor; a vendor without them is sent unsigned. */
export interface ContractCredentials {
  volcengine?: { accessKeyId: string; secretKey: string; region?: string; sessionToken?: string };
  zego?: { appId: string; serverSecret: string };
  tencent?: { secretId: string; secretKey: string; token?: string };
}

/**
 * Environment variables the real-vendor target and the proxy read. Secrets are only ever read from
 * here (or a credentials file), never from command-line flags, so they stay out of shell history.
 */
export const CREDENTIAL_ENV = {
  volcengineAccessKeyId: "RTC_CONTRACT_VOLCENGINE_ACCESS_KEY_ID",
  volcengineSecretKey: "RTC_CONTRACT_VOLCENGINE_SECRET_KEY",
  volcengineSessionToken: "RTC_CONTRACT_VOLCENGINE_SESSION_TOKEN",
  volcengineRegion: "RTC_CONTRACT_VOLCENGINE_REGION",
  zegoAppId: "RTC_CONTRACT_ZEGO_APP_ID",
  zegoServerSecret: "RTC_CONTRACT_ZEGO_SERVER_SECRET",
  tencentSecretId: "RTC_CONTRACT_TENCENT_SECRET_ID",
  tencentSecretKey: "RTC_CONTRACT_TENCENT_SECRET_KEY",
  tencentToken: "RTC_CONTRACT_TENCENT_TOKEN",
} as const;

/** Environment variables naming the real-vendor data the cases query. */
export const FIXTURE_ENV = {
  volcengineAppId: "RTC_CONTRACT_VOLCENGINE_APP_ID",
  tencentEndedRoomId: "RTC_CONTRACT_TENCENT_ENDED_ROOM_ID",
  tencentLiveRoomId: "RTC_CONTRACT_TENCENT_LIVE_ROOM_ID",
  tencentPendingRoomId: "RTC_CONTRACT_TENCENT_PENDING_ROOM_ID",
  tencentUnknownRoomId: "RTC_CONTRACT_TENCENT_UNKNOWN_ROOM_ID",
} as const;

type Env = Readonly<Record<string, string | undefined>>;

function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === "" ? undefined : v;
}

/** Reads whatever vendor credentials the environment holds (a vendor needs both of its parts). */
export function credentialsFromEnv(env: Env = process.env): ContractCredentials {
  const out: ContractCredentials = {};
  const ak = value(env, CREDENTIAL_ENV.volcengineAccessKeyId);
  const sk = value(env, CREDENTIAL_ENV.volcengineSecretKey);
  if (ak !== undefined && sk !== undefined) {
    const region = value(env, CREDENTIAL_ENV.volcengineRegion);
    const token = value(env, CREDENTIAL_ENV.volcengineSessionToken);
    out.volcengine = { accessKeyId: ak, secretKey: sk, ...(region ? { region } : {}), ...(token ? { sessionToken: token } : {}) };
  }
  const appId = value(env, CREDENTIAL_ENV.zegoAppId);
  const secret = value(env, CREDENTIAL_ENV.zegoServerSecret);
  if (appId !== undefined && secret !== undefined) out.zego = { appId, serverSecret: secret };
  const id = value(env, CREDENTIAL_ENV.tencentSecretId);
  const key = value(env, CREDENTIAL_ENV.tencentSecretKey);
  if (id !== undefined && key !== undefined) {
    const token = value(env, CREDENTIAL_ENV.tencentToken);
    out.tencent = { secretId: id, secretKey: key, ...(token ? { token } : {}) };
  }
  return out;
}

/** The fake server's demo credentials (mocks/options.ts), which it accepts in `verify` mode. */
export function demoContractCredentials(): ContractCredentials {
  const v = demoCredentials.volcengine[0]!;
  const z = demoCredentials.zego[0]!;
  const t = demoCredentials.tencent[0]!;
  return {
    volcengine: { accessKeyId: v.accessKeyId, secretKey: v.secretKey },
    zego: { appId: z.appId, serverSecret: z.serverSecret },
    tencent: { secretId: t.secretId, secretKey: t.secretKey },
  };
}

/** Every secret value in a credential set (for scrubbing recordings and logs). */
export function secretValues(credentials: ContractCredentials): string[] {
  return [
    credentials.volcengine?.secretKey,
    credentials.volcengine?.sessionToken,
    credentials.zego?.serverSecret,
    credentials.tencent?.secretKey,
    credentials.tencent?.token,
  ].filter((v): v is string => v !== undefined && v !== "");
}
