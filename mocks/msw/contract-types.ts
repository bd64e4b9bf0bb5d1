import type { Vendor } from "../../schemas/common/endpoint.js";
import type { endpoints } from "../../schemas/registry.js";

/** One endpoint of the registry tuple, with its literal `vendor.Action` id. */
type RegistryEndpoint = (typeof endpoints)[number];

/** The actions of one vendor, read from the registry ids (`"tencent.DescribeRoomStatistics"` → `"DescribeRoomStatistics"`). */
export type VendorAction<V extends Vendor> = RegistryEndpoint["id"] extends infer Id ? (Id extends `${V}.${infer Action}` ? Action : never) : never;

/** The error codes of one vendor's catalog (PROVISIONAL until the catalogs land). */
export type VendorErrorCode<V extends Vendor> = V extends Vendor ? string : never;
