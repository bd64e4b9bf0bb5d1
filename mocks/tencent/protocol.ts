import type { VendorProtocol } from "../vendor-protocol.js";

const notImplemented = (): never => {
  throw new Error("tencent protocol: not implemented yet");
};

/** PLACEHOLDER until the tencent protocol lands. */
export const tencentProtocol: VendorProtocol = {
  vendor: "tencent",
  hosts: [],
  errors: {},
  claims: () => false,
  route: notImplemented,
  authenticate: notImplemented,
  parse: notImplemented,
  resolve: notImplemented,
  render: notImplemented,
  throttled: notImplemented,
  capacityExceeded: notImplemented,
  transportError: notImplemented,
};
