/**
 * `prepack` / `postpack`: the tarball's package.json without `scripts`. They name repository files the
 * tarball does not ship, and npm >= 11.16 lists a `prepare` script of a package installed from a
 * tarball or git among the install scripts to review, although npm never runs it for a tarball. The
 * repository keeps `prepare`: a git install needs it to build dist/.
 *
 *   tsx scripts/pack-manifest.ts strip     # before packing: keeps the original in package.json.packing
 *   tsx scripts/pack-manifest.ts restore   # after packing: puts the original back, byte for byte
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const manifest = fileURLToPath(new URL("../package.json", import.meta.url));
const original = `${manifest}.packing`;

const command = process.argv[2];
if (command === "strip") {
  // A left-over original means an earlier pack failed before restoring: restore it first.
  if (existsSync(original)) renameSync(original, manifest);
  const text = readFileSync(manifest, "utf8");
  writeFileSync(original, text);
  const { scripts: _scripts, ...packed } = JSON.parse(text) as Record<string, unknown>;
  writeFileSync(manifest, `${JSON.stringify(packed, null, 2)}\n`);
} else if (command === "restore") {
  if (existsSync(original)) renameSync(original, manifest);
} else {
  console.error("usage: tsx scripts/pack-manifest.ts strip|restore");
  process.exitCode = 2;
}
