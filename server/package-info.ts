import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Name and version from the package's own package.json (found from source or from dist). */
export const packageInfo: { name: string; version: string } = findPackageInfo();

function findPackageInfo(): { name: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const parsed = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string; version?: string };
      if (parsed.name === "rtc-analytics-mock") return { name: parsed.name, version: parsed.version ?? "0.0.0" };
    }
    dir = dirname(dir);
  }
  return { name: "rtc-analytics-mock", version: "0.0.0" };
}
