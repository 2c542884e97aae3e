import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { BuildOptions, OutputFile } from "esbuild";
import { BROWSER_APP_SOURCE } from "./browser-app";

/**
 * GraphiQL for the browser, bundled with esbuild from the packages in node_modules (graphiql,
 * react, react-dom, Monaco's editor workers): nothing is loaded from a CDN, so the explorer works
 * without internet. GraphiQL 5 ships ESM only, for a bundler; its setup for Monaco's workers comes
 * from this bundle too.
 *
 * The bundle is made the first time a process needs it (a few seconds) and kept in
 * node_modules/.cache/klantinteracties-explorer/<key>, where the key follows from exactly what was
 * installed (npm's node_modules/.package-lock.json), the browser code and these build options: a
 * later start, or another process, reads it in milliseconds, and an `npm ci` with other versions
 * makes a new one. A node_modules that cannot be written only costs the cache.
 */

export interface ExplorerAsset {
  readonly body: Buffer;
  /** The same, gzip-compressed (the page script is about 5 MB, 1.5 MB compressed). */
  readonly gzipped: Buffer;
  readonly contentType: string;
}

export interface ExplorerBundle {
  /** File names of the page's script and stylesheet, and of Monaco's workers by the label Monaco asks for. */
  readonly script: string;
  readonly stylesheet: string;
  readonly workers: Readonly<Record<string, string>>;
  /** Every file by its name: each name carries a hash of its content. */
  readonly assets: ReadonlyMap<string, ExplorerAsset>;
}

/** Monaco's workers as GraphiQL's editors use them: the editor itself, the JSON (variables, headers, response) and GraphQL languages. */
const WORKERS: Readonly<Record<string, string>> = {
  editor: "monaco-editor/esm/vs/editor/editor.worker.js",
  json: "monaco-editor/esm/vs/language/json/json.worker.js",
  graphql: "monaco-graphql/esm/graphql.worker.js",
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ttf": "font/ttf",
};

const BUILD_OPTIONS = {
  bundle: true,
  minify: true,
  write: false,
  // Classic scripts: the page script and the workers each in one file, no module loading.
  format: "iife",
  target: "es2022",
  // Not written anywhere (write: false); the names of the output files are what counts.
  outdir: "/explorer",
  assetNames: "[name]-[hash]",
  loader: { ".ttf": "file" },
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "silent",
} satisfies BuildOptions;

/** What the cache holds: the manifest of the bundle, with the name of every file. */
interface Manifest {
  script: string;
  stylesheet: string;
  workers: Record<string, string>;
  files: string[];
}

let bundle: Promise<ExplorerBundle> | undefined;

/** The bundle, made or read once per process; rejected when the packages are missing (no development dependencies installed). */
export function explorerBundle(): Promise<ExplorerBundle> {
  bundle ??= loadOrBuild();
  return bundle;
}

async function loadOrBuild(): Promise<ExplorerBundle> {
  const cache = await cacheDirectory();
  const cached = cache && (await readCache(cache));
  if (cached) return asBundle(cached.manifest, cached.files);
  const built = await build();
  if (cache) await writeCache(cache, built.manifest, built.files);
  return asBundle(built.manifest, built.files);
}

async function build(): Promise<{ manifest: Manifest; files: Map<string, Uint8Array> }> {
  // Loaded only here: a production process never bundles, and never loads esbuild.
  const esbuild = await import("esbuild");
  const [page, workers] = await Promise.all([
    esbuild.build({
      ...BUILD_OPTIONS,
      // Resolved from here up to the project's node_modules, from src/ and from a build in dist/ alike.
      stdin: { contents: BROWSER_APP_SOURCE, resolveDir: __dirname, sourcefile: "explorer.js", loader: "js" },
      entryNames: "explorer-[hash]",
    }),
    esbuild.build({ ...BUILD_OPTIONS, absWorkingDir: __dirname, entryPoints: WORKERS, entryNames: "[name].worker-[hash]" }),
  ]);
  const files = new Map<string, Uint8Array>();
  const named = (outputs: OutputFile[]) => outputs.map((file) => path.basename(file.path));
  for (const file of [...page.outputFiles, ...workers.outputFiles]) files.set(path.basename(file.path), file.contents);
  const pageFiles = named(page.outputFiles);
  const workerFiles = named(workers.outputFiles);
  const manifest: Manifest = {
    script: pageFiles.find((name) => name.endsWith(".js"))!,
    stylesheet: pageFiles.find((name) => name.endsWith(".css"))!,
    workers: Object.fromEntries(
      Object.keys(WORKERS).map((label) => [label, workerFiles.find((name) => name.startsWith(`${label}.worker-`))!]),
    ),
    files: [...files.keys()],
  };
  return { manifest, files };
}

function asBundle(manifest: Manifest, files: Map<string, Uint8Array>): ExplorerBundle {
  const assets = new Map<string, ExplorerAsset>();
  for (const [name, contents] of files) {
    const body = Buffer.from(contents);
    assets.set(name, { body, gzipped: gzipSync(body), contentType: CONTENT_TYPES[path.extname(name)] ?? "application/octet-stream" });
  }
  return { script: manifest.script, stylesheet: manifest.stylesheet, workers: manifest.workers, assets };
}

/** node_modules/.cache/klantinteracties-explorer/<key>, or undefined when npm's record of the installed packages is not there. */
async function cacheDirectory(): Promise<string | undefined> {
  let nodeModules: string;
  let installed: Buffer;
  try {
    nodeModules = path.dirname(path.dirname(require.resolve("graphiql/package.json")));
    installed = await readFile(path.join(nodeModules, ".package-lock.json"));
  } catch {
    return undefined;
  }
  const { version: esbuildVersion } = await import("esbuild");
  const key = createHash("sha256")
    .update(installed)
    .update(esbuildVersion)
    .update(BROWSER_APP_SOURCE)
    .update(JSON.stringify({ BUILD_OPTIONS, WORKERS }))
    .digest("hex")
    .slice(0, 16);
  return path.join(nodeModules, ".cache", "klantinteracties-explorer", key);
}

async function readCache(directory: string): Promise<{ manifest: Manifest; files: Map<string, Uint8Array> } | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(directory, "manifest.json"), "utf8")) as Manifest;
    const files = new Map(
      await Promise.all(manifest.files.map(async (name) => [name, await readFile(path.join(directory, name))] as const)),
    );
    return { manifest, files };
  } catch {
    return undefined;
  }
}

/**
 * Written to a folder of its own and renamed into place, so that a process never reads a half-written
 * bundle; when two processes build at once, the second rename fails and its copy goes. Bundles of
 * earlier installs are removed.
 */
async function writeCache(directory: string, manifest: Manifest, files: Map<string, Uint8Array>): Promise<void> {
  const parent = path.dirname(directory);
  try {
    await mkdir(parent, { recursive: true });
    const temporary = await mkdtemp(path.join(parent, "tmp-"));
    for (const [name, contents] of files) await writeFile(path.join(temporary, name), contents);
    await writeFile(path.join(temporary, "manifest.json"), JSON.stringify(manifest));
    await rename(temporary, directory).catch(() => rm(temporary, { recursive: true, force: true }));
    for (const entry of await readdir(parent)) {
      if (entry !== path.basename(directory) && !entry.startsWith("tmp-"))
        await rm(path.join(parent, entry), { recursive: true, force: true });
    }
  } catch {
    // A read-only node_modules: every process builds for itself.
  }
}
