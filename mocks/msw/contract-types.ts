import type { Vendor } from "../../schemas/common/endpoint.js";
import type { endpoints } from "../../schemas/registry.js";
import type { tencentErrors } from "../../schemas/tencent/errors.js";
import type { volcengineErrors } from "../../schemas/volcengine/errors.js";
import type { zegoErrors } from "../../schemas/zego/errors.js";

/** One endpoint of the registry tuple, with its literal `vendor.Action` id. */
type RegistryEndpoint = (typeof endpoints)[number];

/**
 * The actions of one vendor, read from the registry ids (`"tencent.DescribeRoomStatistics"` →
 * `"DescribeRoomStatistics"`; an id of another API generation, `"volcengine.ListRealTimeQuality@2023-11-01"`,
 * names the same action).
 */
export type VendorAction<V extends Vendor> = RegistryEndpoint["id"] extends infer Id
  ? Id extends `${V}.${infer Action}`
    ? Action extends `${infer Name}@${string}`
      ? Name
      : Action
    : never
  : never;

/** Each vendor's error catalog (the `as const` records in schemas/<vendor>/errors.ts). */
interface ErrorCatalogs {
  volcengine: typeof volcengineErrors;
  zego: typeof zegoErrors;
  tencent: typeof tencentErrors;
}

/** The error codes of one vendor's catalog, e.g. `"FailedOperation.RoomNotEnd"` for Tencent or `"30002"` for ZEGO. */
export type VendorErrorCode<V extends Vendor> = keyof ErrorCatalogs[V] & string;
