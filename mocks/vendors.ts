import type { VendorProtocol } from "./core/vendor.js";
import { tencentProtocol } from "./tencent/protocol.js";
import { zegoProtocol } from "./zego/protocol.js";
import { volcengineProtocol } from "./volcengine/protocol.js";

/**
 * The vendors in the order their shape is tried on a shared port: Tencent (X-TC-Action header),
 * ZEGO (Action=GetRealtimeUsage, its signature parameters, or an AppId without a Version in the
 * query), then Volcengine, which also answers anything nobody claims with its gateway's
 * MissingParameter error (assumed).
 */
export const vendorProtocols: readonly VendorProtocol[] = [tencentProtocol, zegoProtocol, volcengineProtocol];
