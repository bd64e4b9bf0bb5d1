import { z } from "zod";

/**
 * An RFC3339 date-time with a mandatory offset (`Z` or `±hh:mm`), as StartTime/EndTime and every
 * TimeStamp use ("格式为 RFC3339，单位为秒", https://volcengine.com/docs/6348/1219551). Fractional
 * seconds are RFC3339 and accepted; impossible dates (2021-02-30) and offset-less times are not.
 */
export const Rfc3339Time = z.iso.datetime({ offset: true }).meta({
  description: "RFC3339 time with offset, second precision, e.g. 2021-07-24T00:00:00+08:00",
  examples: ["2021-07-24T00:00:00+08:00"],
});
