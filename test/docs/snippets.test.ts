import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every ```ts block of README.md and docs/*.md type-checks as a module of a user's project: imports of
// rtc-analytics-mock/* resolve to the sources behind package.json's exports (no build needed), other
// packages to this repository's node_modules. A block fenced ```ts fragment (a few lines that use
// names from the block before) is left out.
const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const out = join(root, ".doc-snippets");

interface Snippet {
  doc: string;
  line: number;
  code: string;
}

function snippets(): Snippet[] {
  const docs = [
    "README.md",
    ...readdirSync(join(root, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`),
  ];
  const found: Snippet[] = [];
  for (const doc of docs) {
    const text = readFileSync(join(root, doc), "utf8");
    for (const match of text.matchAll(/^( *)```ts\n([\s\S]*?)^\1```/gm)) {
      const indent = match[1]!.length;
      const code = match[2]!
        .split("\n")
        .map((line) => line.slice(indent))
        .join("\n");
      found.push({ doc, line: text.slice(0, match.index).split("\n").length, code });
    }
  }
  return found;
}

/** `paths` for every exports subpath: the source file behind its `types` declaration. */
function exportPaths(): Record<string, string[]> {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    name: string;
    exports: Record<string, string | { types?: string }>;
  };
  const paths: Record<string, string[]> = {};
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (typeof target === "string")
      paths[`${manifest.name}${subpath.slice(1)}`] = [target.replace("./schemas/openapi/", "./schemas/openapi/")];
    else if (target.types)
      paths[`${manifest.name}${subpath.slice(1)}`] = [target.types.replace(/^\.\/dist\//, "./").replace(/\.d\.ts$/, ".ts")];
  }
  return paths;
}

describe("docs snippets", () => {
  it("type-check against the package's public subpaths", () => {
    const list = snippets();
    expect(list.length).toBeGreaterThan(10);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const origin = new Map<string, Snippet>();
    for (const snippet of list) {
      const file = join(out, `${snippet.doc.replace(/[/.]/g, "_")}_${snippet.line}.ts`);
      // Every block is a module of its own, so two blocks may declare the same names.
      writeFileSync(file, `${snippet.code}\nexport {};\n`);
      origin.set(file, snippet);
    }
    const program = ts.createProgram([...origin.keys()], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      strict: true,
      skipLibCheck: true,
      resolveJsonModule: true,
      noEmit: true,
      types: ["node"],
      baseUrl: root,
      paths: exportPaths(),
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file !== undefined && origin.has(resolve(d.file.fileName)))
      .map((d) => {
        const snippet = origin.get(resolve(d.file!.fileName))!;
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${snippet.doc}:${snippet.line + 1 + line}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
      });
    expect(problems, `checked in ${relative(root, out)}/`).toEqual([]);
  });
});
