/** ZEGO-specific switches. */
export interface ZegoOptions {
  /** Step between GetRealtimeUsage points: the docs say seconds in one place and minutes in another. */
  stepMs: number;
}

/** Defaults for the ZEGO switches. */
export const defaultZegoOptions: ZegoOptions = {
  stepMs: 60_000,
};
