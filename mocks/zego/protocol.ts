import type { VendorProtocol } from "../vendor-protocol.js";

const notImplemented = (): never => {
  throw new Error("zego protocol: not implemented yet");
};

/** PLACEHOLDER until the zego protocol lands. */
export const zegoProtocol: VendorProtocol = {
  vendor: "zego",
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
