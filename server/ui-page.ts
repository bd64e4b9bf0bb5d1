import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { sendControlError } from "./control/control-api.js";
import { CONTROL_PREFIX } from "./control/prefix.js";

/** Where the control panel is served. */
export const UI_PATH = `${CONTROL_PREFIX}/ui`;

/**
 * The bundle `npm run build:ui` writes (ui/ bundled by esbuild): dist/ui beside dist/server when
 * built, and the same folder seen from server/ when the source runs through tsx.
 */
const BUNDLE_DIR = import.meta.url.endsWith(".ts") ? new URL("../dist/ui/", import.meta.url) : new URL("../ui/", import.meta.url);

/** The bundle's files and their types; nothing else below the UI path is served. */
const ASSETS: Record<string, string> = {
  "panel.js": "text/javascript; charset=utf-8",
  "panel.css": "text/css; charset=utf-8",
};

/** No other site may frame the panel (its buttons reset, fault and move the clock), nor sniff its assets' types. */
const PAGE_HEADERS = {
  "cache-control": "no-cache",
  "content-security-policy": "frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
};

/** The page itself: the bundle does the rest. `data:,` as the icon keeps the browser from asking the vendor routes for one. */
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>rtc-analytics-mock control panel</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${UI_PATH}/panel.css" />
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="${UI_PATH}/panel.js"></script>
  </body>
</html>
`;

/**
 * The control panel at /__mock/ui/: one HTML page and its bundle, read from disk on first use and
 * kept (`bundleDir`: where the bundle is; tests point it elsewhere). Without a bundle (a checkout that was never built) the page says how to make one, as a
 * control API error.
 */
export function registerUiPage(app: FastifyInstance, bundleDir: URL = BUNDLE_DIR): void {
  const cache = new Map<string, Buffer>();
  const read = async (name: string): Promise<Buffer | undefined> => {
    let bytes = cache.get(name);
    if (bytes === undefined) {
      try {
        bytes = await readFile(fileURLToPath(new URL(name, bundleDir)));
      } catch {
        return undefined;
      }
      cache.set(name, bytes);
    }
    return bytes;
  };
  const notBuilt = `The control panel is not built: run npm run build (or npm run build:ui) in the rtc-analytics-mock package`;

  app.get(UI_PATH, async (_req, reply) => {
    if ((await read("panel.js")) === undefined) return sendControlError(reply, 503, notBuilt);
    return reply.type("text/html; charset=utf-8").headers(PAGE_HEADERS).send(PAGE);
  });
  app.get(`${UI_PATH}/:asset`, async (req, reply) => {
    const name = (req.params as { asset: string }).asset;
    const type = ASSETS[name];
    if (type === undefined) return sendControlError(reply, 404, `No control panel asset ${JSON.stringify(name)}`);
    const bytes = await read(name);
    if (bytes === undefined) return sendControlError(reply, 503, notBuilt);
    return reply.type(type).headers(PAGE_HEADERS).send(bytes);
  });
}
