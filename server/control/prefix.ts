/**
 * The reserved path prefix of the control API. Every vendor endpoint is served on `/`, so nothing
 * under this prefix can be a vendor request.
 */
export const CONTROL_PREFIX = "/__mock";

/** Does a request target (path plus query) belong to the control API? */
export function isControlPath(target: string): boolean {
  if (!target.startsWith(CONTROL_PREFIX)) return false;
  const next = target.charAt(CONTROL_PREFIX.length);
  return next === "" || next === "/" || next === "?";
}
