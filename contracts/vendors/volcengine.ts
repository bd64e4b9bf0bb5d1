import { volcengineErrors } from "../../schemas/volcengine/index.js";
import { isRecord, pick, type ObservedExchange } from "../observed.js";
import { violation, type Violation } from "../violation.js";
import type { ReplyError, VendorContract } from "./vendor-contract.js";

/**
 * Regions the RTC data APIs are documented in (the SDKs' configs: cn-north-1 for rtc.volcengineapi.com,
 * ap-singapore-1 for open-ap-singapore-1; clients.md §2.1). Any other region is accepted only when
 * the request was signed for it.
 */
const KNOWN_REGIONS = new Set(["cn-north-1", "ap-singapore-1"]);

/** The region of the request's signed Credential scope (header or presigned query), if any. */
function signedRegion(x: ObservedExchange): string | undefined {
  const credential =
    /Credential=([^,\s]+)/.exec(x.request.headers.authorization ?? "")?.[1] ?? x.request.url.searchParams.get("X-Credential");
  return credential?.split("/")[2];
}

/** `Region` echoes the region the request was signed for, else is a known one (clients.md §2.4: "the request's region"). */
function regionEcho(x: ObservedExchange, region: unknown): Violation[] {
  if (region === undefined) return [];
  const requested = signedRegion(x);
  if (requested !== undefined && region !== requested)
    return [
      violation(
        "envelope.region",
        "ResponseMetadata.Region",
        `Region ${JSON.stringify(region)} does not echo the signed region ${requested}`,
      ),
    ];
  if (requested === undefined && (typeof region !== "string" || !KNOWN_REGIONS.has(region)))
    return [
      violation(
        "envelope.region",
        "ResponseMetadata.Region",
        `Region ${JSON.stringify(region)} is not a known region (${[...KNOWN_REGIONS].join(", ")}) and the request named none`,
      ),
    ];
  return [];
}

/**
 * Volcengine's envelope: `{ResponseMetadata:{RequestId,Action,Version,Service,Region,Error?}, Result?}`;
 * only a missing `Error` means success, whatever the status. https://volcengine.com/docs/6348/1178322
 */
export const volcengineContract: VendorContract = {
  vendor: "volcengine",
  errors: volcengineErrors,
  errorOf(json: unknown): ReplyError | null {
    const error = pick(json, "ResponseMetadata", "Error");
    if (error === undefined || error === null) return null;
    const code = pick(error, "Code");
    const message = pick(error, "Message");
    return {
      code: typeof code === "string" ? code : String(code),
      path: "ResponseMetadata.Error.Code",
      ...(typeof message === "string" ? { message } : {}),
    };
  },
  envelope(x: ObservedExchange): Violation[] {
    const out: Violation[] = [];
    const meta = pick(x.response.json, "ResponseMetadata");
    if (!isRecord(meta)) return out; // the schema reports the missing envelope
    const action = x.request.url.searchParams.get("Action");
    const version = x.request.url.searchParams.get("Version");
    if (action !== null && meta.Action !== action) {
      out.push(
        violation(
          "envelope.echo",
          "ResponseMetadata.Action",
          `Action ${JSON.stringify(meta.Action)} does not echo the requested ${action}`,
        ),
      );
    }
    if (version !== null && meta.Version !== version) {
      out.push(
        violation(
          "envelope.echo",
          "ResponseMetadata.Version",
          `Version ${JSON.stringify(meta.Version)} does not echo the requested ${version}`,
        ),
      );
    }
    if (typeof meta.RequestId !== "string" || meta.RequestId === "") {
      out.push(violation("envelope.request-id", "ResponseMetadata.RequestId", "RequestId is missing or empty"));
    }
    if (meta.Service !== undefined && meta.Service !== "rtc") {
      out.push(
        violation(
          "envelope.service",
          "ResponseMetadata.Service",
          `Service ${JSON.stringify(meta.Service)} is not "rtc", the service of these actions`,
        ),
      );
    }
    out.push(...regionEcho(x, meta.Region));
    const error = meta.Error;
    if (isRecord(error)) {
      const entry = typeof error.Code === "string" ? volcengineErrors[error.Code as keyof typeof volcengineErrors] : undefined;
      const expectedN = entry !== undefined && "codeN" in entry ? entry.codeN : undefined;
      if (expectedN !== undefined && error.CodeN !== undefined && error.CodeN !== expectedN) {
        out.push(
          violation(
            "error.code-n",
            "ResponseMetadata.Error.CodeN",
            `CodeN ${String(error.CodeN)} does not match ${String(error.Code)}'s ${expectedN}`,
          ),
        );
      }
    } else if (x.response.status !== 200) {
      out.push(violation("envelope.status", "$", `HTTP ${x.response.status} without ResponseMetadata.Error`));
    }
    return out;
  },
  authHeaders: ["authorization", "x-date", "x-content-sha256", "x-security-token"],
  authQuery: ["X-Signature", "X-Credential", "X-Algorithm", "X-SignedHeaders", "X-Date", "X-Expires", "X-Security-Token"],
};
