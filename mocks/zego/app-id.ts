/** Largest AppId: the docs type AppId as Uint32. https://www.zegocloud.com/docs/analytics-dashboard-server/access-server-apis */
export const MAX_ZEGO_APP_ID = 4_294_967_295;

/**
 * The AppId of a request when it is well formed (decimal text of a Uint32, no sign, no leading
 * zero, not 0), else null (the gateway's 100000001). Canonical text means one app is one tenant.
 */
export function zegoAppIdOf(params: URLSearchParams): string | null {
  const appId = params.get("AppId");
  if (appId === null || !/^[1-9][0-9]{0,9}$/.test(appId)) return null;
  return Number(appId) <= MAX_ZEGO_APP_ID ? appId : null;
}
