import { demoCredentials } from "../mocks/options.js";
import { signTencentRequest } from "../schemas/tencent/signing.js";
import { signVolcengineRequest } from "../schemas/volcengine/signing.js";
import { zegoSignatureParams } from "../schemas/zego/signing.js";
import type { BenchRequest } from "./example-requests.js";

/**
 * Signs each request with its vendor's signer and the demo credentials, at mock time `nowMs`, for
 * `host` (`127.0.0.1:port`). The server's clock is frozen at the same time, so the signatures stay
 * valid for the whole run and every request pays the full verification cost.
 */
export function signRequests(requests: readonly BenchRequest[], nowMs: number, host: string): BenchRequest[] {
  return requests.map((spec) => {
    const url = new URL(`http://${host}${spec.path}`);
    const body = spec.body ?? "";
    if (spec.endpointId.startsWith("volcengine.")) {
      const { accessKeyId, secretKey } = demoCredentials.volcengine[0]!;
      const added = signVolcengineRequest({
        method: spec.method,
        url,
        headers: spec.headers,
        body,
        accessKeyId,
        secretKey,
        date: new Date(nowMs),
      });
      return { ...spec, headers: { ...spec.headers, ...added } };
    }
    if (spec.endpointId.startsWith("tencent.")) {
      const { secretId, secretKey } = demoCredentials.tencent[0]!;
      const added = signTencentRequest({
        method: spec.method,
        url,
        headers: spec.headers,
        body,
        secretId,
        secretKey,
        timestamp: Math.floor(nowMs / 1000),
      });
      return { ...spec, headers: { ...spec.headers, ...added } };
    }
    if (spec.endpointId.startsWith("zego.")) {
      const { appId, serverSecret } = demoCredentials.zego[0]!;
      if (url.searchParams.get("AppId") !== appId) throw new Error(`ZEGO bench requests must use the demo AppId ${appId}`);
      // A fixed nonce keeps the request byte-identical across runs; the fake server does not reject reuse.
      const params = zegoSignatureParams({ appId, serverSecret, timestampSec: Math.floor(nowMs / 1000), nonce: "be0c4a11d2e3f405" });
      const extra = Object.entries(params)
        .filter(([name]) => name !== "AppId")
        .map(([name, value]) => `&${name}=${encodeURIComponent(value)}`)
        .join("");
      return { ...spec, path: `${spec.path}${extra}` };
    }
    throw new Error(`no signer for ${spec.endpointId}`);
  });
}
