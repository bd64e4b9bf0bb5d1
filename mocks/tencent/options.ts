/** Tencent-specific switches. */
export interface TencentOptions {
  /** How long after a room ends its statistics answer `ResourceUnavailable.RoomStatistics` (seconds; assumed). */
  statisticsDelaySec: number;
  /** Create the default rooms (one per lifecycle state) on start and reset. */
  seedRooms: boolean;
}

/** Defaults for the Tencent switches. */
export const defaultTencentOptions: TencentOptions = {
  statisticsDelaySec: 300,
  seedRooms: true,
};
