import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Replaces the generated section `name` of a Markdown file (between `<!-- BEGIN GENERATED: name -->`
 * and `<!-- END GENERATED: name -->`), keeping everything outside it; appends the section when absent.
 */
export function writeGeneratedSection(path: string, name: string, content: string, intro = ""): void {
  const begin = `<!-- BEGIN GENERATED: ${name} (written by bench/; do not edit by hand) -->`;
  const end = `<!-- END GENERATED: ${name} -->`;
  const block = `${begin}\n${content.trim()}\n${end}`;
  const current = existsSync(path) ? readFileSync(path, "utf8") : intro;
  const start = current.indexOf(`<!-- BEGIN GENERATED: ${name} `);
  const stop = current.indexOf(end);
  const next =
    start >= 0 && stop > start
      ? `${current.slice(0, start)}${block}${current.slice(stop + end.length)}`
      : `${current.trimEnd()}${current.trim() === "" ? "" : "\n\n"}${block}\n`;
  writeFileSync(path, next);
}
