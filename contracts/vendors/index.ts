import type { Vendor } from "../../schemas/common/endpoint.js";
import { tencentContract } from "./tencent.js";
import type { VendorContract } from "./vendor-contract.js";
import { volcengineContract } from "./volcengine.js";
import { zegoContract } from "./zego.js";

/** Envelope knowledge per vendor. */
export const vendorContracts: Readonly<Record<Vendor, VendorContract>> = {
  volcengine: volcengineContract,
  zego: zegoContract,
  tencent: tencentContract,
};

export type { ReplyError, VendorContract } from "./vendor-contract.js";
