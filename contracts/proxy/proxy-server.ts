import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Vendor } from "../../schemas/common/endpoint.js";
import { endpoints } from "../../schemas/registry.js";
import { secretValues, type ContractCredentials } from "../credentials.js";
import { lowerCaseHeaders, type ContractRequest, type ContractResponse, type Exchange } from "../exchange.js";
import { endpointOfRequest, vendorOfRequest } from "../identify.js";
import { judgeReply } from "../judge.js";
import { observe } from "../observed.js";
import { createRecorder, type Recorder } from "../recordings/recorder.js";
import { exchangeOf } from "../recordings/recording.js";
import { loadRecordings, RecordingStore } from "../recordings/store.js";
import { signRequest, stripSignature } from "../signing.js";
import { httpSend, resolveUrl } from "../targets/http-send.js";
import { PROXY_MARKER_HEADER } from "../targets/url-target.js";
import type { Violation } from "../violation.js";
import { signedAt } from "./signing-time.js";
import { CASE_HEADER, ENDPOINT_HEADER, logLine, STEP_HEADER, violationHeaders } from "./violation-headers.js";

/** Options of the contract proxy. */
export interface ProxyOptions {
  /** Base URL to forward to, or `vendors` for each vendor's production host; optional with `replay`. */
  upstream?: string;
  /** Credentials of the upstream; the proxy strips the client's signature and signs again with these. A vendor without them is forwarded as signed by the client. */
  credentials?: ContractCredentials;
  /** Folder to record sanitized exchanges into: the request as the client sent it, the reply as the upstream sent it. */
  record?: string;
  /** Folder of recordings to answer from; a request without a recording is forwarded (when there is an upstream) or answered 404. */
  replay?: string;
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** Port; default 0 (any free port). */
  port?: number;
  /** Where the one-line verdict of each exchange goes (default: stderr). */
  log?: (line: string) => void;
  /** Allowed clock difference when judging time rules (ms); default 5 s for vendors, 0 otherwise. */
  skewMs?: number;
  /** Largest request body accepted (bytes); default 10 MB (Tencent's POST limit). */
  maxBodyBytes?: number;
  timeoutMs?: number;
}

/** A running proxy. */
export interface RunningProxy {
  /** Base URL clients send to, e.g. `http://127.0.0.1:43123`. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Headers that belong to one hop, never forwarded in either direction. */
const HOP_HEADERS = new Set([
  "host",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "proxy-authorization",
  "proxy-connection",
  "content-length",
  "accept-encoding",
  "content-encoding",
  CASE_HEADER,
  STEP_HEADER,
]);

function forwardable(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_HEADERS.has(name)) out[name] = value;
  return out;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`request body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, response: ContractResponse, extra: Record<string, string>): void {
  const headers = { ...forwardable(response.headers), ...extra, [PROXY_MARKER_HEADER]: "re-signs" };
  res.writeHead(response.status, headers);
  res.end(response.body);
}

function plain(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  send(
    res,
    { status, headers: { "content-type": "application/json; charset=utf-8" }, body: `${JSON.stringify({ error: message })}\n` },
    extra,
  );
}

/**
 * The contract proxy: forwards each request to the upstream, re-signed with the upstream's
 * credentials, checks the reply against the contract, reports violations in a log line and in
 * `x-contract-violations` / `x-contract-violation-details` response headers, and can record
 * sanitized exchanges (`record`) or answer from recordings (`replay`). Control-API calls
 * (`/__mock/...`) pass through untouched, so a contract run can drive a fake server behind it.
 */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  if (options.upstream === undefined && options.replay === undefined)
    throw new Error("the proxy needs --upstream <url|vendors>, --replay <dir>, or both");
  const credentials = options.credentials ?? {};
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const toVendors = options.upstream === "vendors";
  const upstreamBase = options.upstream !== undefined && !toVendors ? new URL(options.upstream) : undefined;
  const skewMs = options.skewMs ?? (toVendors ? 5_000 : 0);
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const recorder: Recorder | undefined = options.record ? await createRecorder(options.record, secretValues(credentials)) : undefined;
  const store = options.replay ? new RecordingStore((await loadRecordings(options.replay)).recordings) : undefined;

  const baseFor = (vendor: Vendor): URL | undefined => {
    if (upstreamBase !== undefined) return upstreamBase;
    if (!toVendors) return undefined;
    const endpoint = endpoints.find((e) => e.vendor === vendor);
    return endpoint === undefined ? undefined : new URL(`https://${endpoint.host}/`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = req.url ?? "/";
    const method = (req.method ?? "GET").toUpperCase();
    const body = await readBody(req, maxBody);
    const headers = lowerCaseHeaders(
      Object.entries(req.headers).map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );

    if (path === "/__mock" || path.startsWith("/__mock/") || path.startsWith("/__mock?")) {
      if (upstreamBase === undefined) return plain(res, 404, "no control API behind this proxy (its upstream is not a fake server)");
      const response = await httpSend(
        resolveUrl(upstreamBase, path),
        { method: method as "GET" | "POST", path, headers: forwardable(headers), body: body.toString("utf8") },
        options.timeoutMs,
      );
      return send(res, response, {});
    }
    if (method !== "GET" && method !== "POST") return plain(res, 405, `the vendors' APIs take GET or POST, not ${method}`);

    const incoming: ContractRequest = { method, path, headers, body: body.toString("utf8") };
    const vendor = vendorOfRequest(incoming);
    const endpoint = endpointOfRequest(incoming);
    const endpointId = endpoint?.id ?? "unknown";
    const caseId = headers[CASE_HEADER];
    const stepText = headers[STEP_HEADER];
    const step = stepText !== undefined && /^\d+$/.test(stepText) ? Number(stepText) : undefined;

    let exchange: Exchange | undefined;
    let mode: "forward" | "replay" = "replay";
    const replayed = store?.match(incoming, Date.now());
    if (replayed !== undefined) {
      exchange = exchangeOf(replayed.recording);
    } else {
      const base = baseFor(vendor);
      if (base === undefined) return plain(res, 404, "no recording matches this request", { "x-contract-replay": "miss" });
      mode = "forward";
      const resign = credentials[vendor] !== undefined;
      const outgoing = resign
        ? signRequest(
            stripSignature({ ...incoming, headers: forwardable(headers) }, vendor, { dropAppId: vendor === "zego" }),
            vendor,
            base,
            credentials,
            signedAt(incoming, vendor) ?? Date.now(),
          )
        : { ...incoming, headers: forwardable(headers) };
      const sentAt = Date.now();
      let response: ContractResponse;
      try {
        response = await httpSend(resolveUrl(base, outgoing.path), outgoing, options.timeoutMs);
      } catch (cause) {
        log(`contract-proxy forward ${endpointId} upstream failed: ${cause instanceof Error ? cause.message : String(cause)}`);
        return plain(res, 502, `upstream ${base.origin} did not answer: ${cause instanceof Error ? cause.message : String(cause)}`);
      }
      exchange = { request: outgoing, response, sentAt, receivedAt: Date.now() };
    }

    const violations: Violation[] = endpoint === undefined ? [] : judgeReply(observe(endpoint, exchange, skewMs));
    log(logLine(endpointId, exchange.response.status, violations, mode));
    if (recorder !== undefined && mode === "forward") {
      // The request as the client sent it, not as re-signed: replay must match what clients send,
      // and the proxy replaces ZEGO's AppId and adds signature fields an unsigned client never had.
      await recorder.record(
        { ...exchange, request: { ...incoming, headers: forwardable(headers) } },
        {
          source: "proxy",
          ...(caseId !== undefined ? { caseId } : {}),
          ...(step !== undefined ? { step } : {}),
          ...(endpoint !== undefined ? { endpointId: endpoint.id } : {}),
          upstream: baseFor(vendor)?.origin ?? "",
          skewMs,
          violations,
        },
      );
    }
    send(res, exchange.response, {
      ...violationHeaders(violations),
      [ENDPOINT_HEADER]: endpointId,
      ...(mode === "replay" ? { "x-contract-replay": "hit" } : {}),
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((cause: unknown) => {
      log(`contract-proxy error: ${cause instanceof Error ? cause.message : String(cause)}`);
      if (!res.headersSent) plain(res, 500, "the contract proxy failed on this request; see its log");
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
