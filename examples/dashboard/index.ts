/** The dashboard example: an analytics client over the five endpoints and a framework-free view of it. */
export {
  createAnalyticsClient,
  type AnalyticsClient,
  type AnalyticsClientOptions,
  type ClientCredentials,
  type PanelResult,
  type RoomSummary,
  type SeriesSummary,
} from "./analytics-client.js";
export { mountDashboard, type Dashboard } from "./render-dashboard.js";
