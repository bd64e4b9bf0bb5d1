import type { Vendor } from "../schemas/common/endpoint.js";
import { signTencentRequest } from "../schemas/tencent/signing.js";
import { signVolcengineRequest } from "../schemas/volcengine/signing.js";
import { zegoSignatureParams } from "../schemas/zego/signing.js";
import type { StepAuth } from "./case.js";
import type { ContractCredentials } from "./credentials.js";
import type { ContractRequest } from "./exchange.js";
import { vendorContracts } from "./vendors/index.js";

/** How far back a `stale` signature is dated: an hour, beyond every vendor's allowed skew (5, 10 and 15 min). */
const STALE_MS = 3_600_000;

/** Key ids no vendor account has, for `unknown-key` signatures. */
const UNKNOWN = {
  volcengineAccessKeyId: "AKLTcontractunknownkey000000",
  tencentSecretId: "AKIDcontractunknownsecretid0000000",
  zegoAppId: "4000000001",
} as const;

function flipLastHex(text: string): string {
  const last = text.at(-1) ?? "0";
  return `${text.slice(0, -1)}${last === "0" ? "1" : "0"}`;
}

/**
 * A request without any signature a client put on it (headers and query parameters), ready to be
 * signed again. `dropAppId` also removes ZEGO's AppId, so that signing puts the signer's own in.
 */
export function stripSignature(request: ContractRequest, vendor: Vendor, options: { dropAppId?: boolean } = {}): ContractRequest {
  const contract = vendorContracts[vendor];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (!contract.authHeaders.includes(name.toLowerCase())) headers[name.toLowerCase()] = value;
  // ZEGO's Timestamp and SignatureVersion belong to the signature too; signing adds them back.
  const names =
    vendor === "zego"
      ? [...contract.authQuery, "Timestamp", "SignatureVersion", ...(options.dropAppId ? ["AppId"] : [])]
      : contract.authQuery;
  return { ...request, headers, path: names.length === 0 ? request.path : withoutQuery(request.path, names) };
}

function withoutQuery(path: string, names: readonly string[]): string {
  const q = path.indexOf("?");
  if (q < 0) return path;
  const drop = new Set(names);
  // Split by hand so the kept parameters keep their exact spelling (raw `Metrics[]`, encodings).
  const kept = path
    .slice(q + 1)
    .split("&")
    .filter((pair) => pair !== "" && !drop.has(decodeURIComponent(pair.split("=")[0]!.replace(/\+/g, " "))));
  return kept.length === 0 ? path.slice(0, q) : `${path.slice(0, q)}?${kept.join("&")}`;
}

function queryValue(path: string, name: string): string | undefined {
  return new URL(path, "http://contract.invalid").searchParams.get(name) ?? undefined;
}

/**
 * Signs a request for `baseUrl` with the vendor's scheme (the kit's own signers), at `nowMs` on the
 * server's clock. `auth` spoils the signature on purpose for the signature cases. Without
 * credentials for the vendor the request goes unsigned.
 */
export function signRequest(
  request: ContractRequest,
  vendor: Vendor,
  baseUrl: URL,
  credentials: ContractCredentials,
  nowMs: number,
  auth: StepAuth = "valid",
): ContractRequest {
  const at = auth === "stale" ? nowMs - STALE_MS : nowMs;
  const url = new URL(request.path, baseUrl);
  switch (vendor) {
    case "volcengine": {
      const c = credentials.volcengine;
      if (c === undefined) return request;
      const added = signVolcengineRequest({
        method: request.method,
        url,
        headers: request.headers,
        body: request.body,
        accessKeyId: auth === "unknown-key" ? UNKNOWN.volcengineAccessKeyId : c.accessKeyId,
        secretKey: c.secretKey,
        date: new Date(at),
        ...(c.region !== undefined ? { region: c.region } : {}),
        ...(c.sessionToken !== undefined ? { sessionToken: c.sessionToken } : {}),
      });
      const headers = { ...request.headers };
      for (const [name, value] of Object.entries(added)) headers[name.toLowerCase()] = value;
      if (auth === "tampered") headers.authorization = flipLastHex(headers.authorization ?? "");
      if (auth === "unsigned") delete headers.authorization;
      return { ...request, headers };
    }
    case "tencent": {
      const c = credentials.tencent;
      if (c === undefined) return request;
      const added = signTencentRequest({
        method: request.method,
        url,
        headers: request.headers,
        body: request.body,
        secretId: auth === "unknown-key" ? UNKNOWN.tencentSecretId : c.secretId,
        secretKey: c.secretKey,
        timestamp: Math.floor(at / 1000),
      });
      const headers = { ...request.headers };
      for (const [name, value] of Object.entries(added)) headers[name.toLowerCase()] = value;
      if (c.token !== undefined) headers["x-tc-token"] = c.token;
      if (auth === "tampered") headers.authorization = flipLastHex(headers.authorization ?? "");
      if (auth === "unsigned") delete headers.authorization;
      return { ...request, headers };
    }
    case "zego": {
      const c = credentials.zego;
      if (c === undefined) return request;
      const appId = auth === "unknown-key" ? UNKNOWN.zegoAppId : (queryValue(request.path, "AppId") ?? c.appId);
      const params = zegoSignatureParams({ appId, serverSecret: c.serverSecret, timestampSec: Math.floor(at / 1000) });
      const base = withoutQuery(request.path, ["AppId", "Signature", "SignatureNonce", "Timestamp", "SignatureVersion"]);
      const pairs: [string, string][] = [
        ["AppId", params.AppId],
        ["SignatureNonce", params.SignatureNonce],
        ["Timestamp", params.Timestamp],
        ["Signature", auth === "tampered" ? flipLastHex(params.Signature) : params.Signature],
        ["SignatureVersion", params.SignatureVersion],
      ];
      const extra = pairs
        .filter(([name]) => !(auth === "unsigned" && name === "Signature"))
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join("&");
      return { ...request, path: `${base}${base.includes("?") ? "&" : "?"}${extra}` };
    }
  }
}
