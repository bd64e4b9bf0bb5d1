import type { VendorProtocol } from "../vendor-protocol.js";

const notImplemented = (): never => {
  throw new Error("volcengine protocol: not implemented yet");
};

/** PLACEHOLDER until the volcengine protocol lands. */
export const volcengineProtocol: VendorProtocol = {
  vendor: "volcengine",
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
