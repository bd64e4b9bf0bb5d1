import { zegoSignature } from "../../schemas/zego/signing.js";
import type { MockRequest } from "../core/reply.js";
import type { EngineContext, VendorError } from "../core/vendor.js";
import { zegoAppIdOf } from "./app-id.js";
import { constantTimeEqual } from "../../schemas/common/constant-time-equal.js";

/** Allowed distance between Timestamp and the server clock: "Allow up to 10 minutes of error". https://www.zegocloud.com/docs/analytics-dashboard-server/access-server-apis */
export const ZEGO_TIMESTAMP_SKEW_SEC = 600;

const empty = (value: string | null): boolean => value === null || value === "";

/**
 * The gateway's signature check (auth `verify` mode only). The order of the checks is assumed (ZEGO
 * does not document it): AppId format, presence and format of Timestamp, SignatureNonce, Signature,
 * SignatureVersion, then the secret lookup, the clock skew and the signature itself. Secrets never
 * appear in messages. https://github.com/ZEGOCLOUD/docs_all/blob/main/snippets/Reuse/SigningTheRequestEN.mdx
 */
export function authenticateZego(request: MockRequest, ctx: EngineContext): VendorError | null {
  const params = request.url.searchParams;
  const appId = zegoAppIdOf(params);
  if (appId === null) return { code: "100000001" };

  const timestamp = params.get("Timestamp");
  if (empty(timestamp)) return { code: "100000002" };
  if (!/^[0-9]{1,16}$/.test(timestamp!)) return { code: "100000003" };
  const nonce = params.get("SignatureNonce");
  if (empty(nonce)) return { code: "100000008" };
  const given = params.get("Signature");
  if (empty(given)) return { code: "100000009" };
  const version = params.get("SignatureVersion");
  if (empty(version)) return { code: "100000013" };
  if (version !== "2.0") return { code: "100000014" };

  const credential = ctx.options.auth.credentials.zego.find((candidate) => candidate.appId === appId);
  if (credential === undefined) return { code: "100000010" };

  const timestampSec = Number(timestamp);
  const nowSec = Math.floor(ctx.clock.now() / 1000);
  if (Math.abs(nowSec - timestampSec) > ZEGO_TIMESTAMP_SKEW_SEC) return { code: "100000004" };

  // Signed over the decimal value, as the documented samples format it (Go: %d of an int64).
  const expected = zegoSignature(appId, nonce!, credential.serverSecret, String(timestampSec), ctx.options.hashing);
  // Exact comparison: the docs define the Signature as 32 lower-case hex characters.
  return constantTimeEqual(given!, expected) ? null : { code: "100000005" };
}
