import http from "node:http";
import type { BenchRequest } from "./example-requests.js";

/** Status, headers and body text of one answered request. */
export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
  body: string;
}

/** Sends one request to 127.0.0.1:`port` on a fresh connection (no keep-alive, no fetch start-up cost). */
export function sendOnce(
  port: number,
  spec: Pick<BenchRequest, "method" | "path" | "headers" | "body">,
  timeoutMs = 5_000,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, method: spec.method, path: spec.path, headers: spec.headers, agent: false, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, body: bytes.toString("utf8") });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    if (spec.body !== undefined) req.write(spec.body);
    req.end();
  });
}
