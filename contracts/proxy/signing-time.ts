import { parseXDate } from "../../schemas/volcengine/signing.js";
import type { Vendor } from "../../schemas/common/endpoint.js";
import type { ContractRequest } from "../exchange.js";

/**
 * The instant a client signed its request at (epoch ms), read from the vendor's signature fields.
 * The proxy signs again at that same instant, so a client that follows a fake server's clock keeps
 * doing so through the proxy. Undefined when the request carries no readable signing time.
 */
export function signedAt(request: ContractRequest, vendor: Vendor): number | undefined {
  switch (vendor) {
    case "volcengine": {
      const xDate = request.headers["x-date"];
      if (xDate === undefined) return undefined;
      const ms = parseXDate(xDate);
      return Number.isFinite(ms) ? ms : undefined;
    }
    case "tencent": {
      const ts = Number(request.headers["x-tc-timestamp"]);
      return Number.isSafeInteger(ts) && ts > 0 ? ts * 1000 : undefined;
    }
    case "zego": {
      const ts = Number(new URL(request.path, "http://contract.invalid").searchParams.get("Timestamp"));
      return Number.isSafeInteger(ts) && ts > 0 ? ts * 1000 : undefined;
    }
  }
}
