// Builds the front-end assets into engage/static/dist/ (run: npm run build).
//
// Output: content-hashed files, a .gz and .br sibling for each text asset
// (WhiteNoise serves them to browsers that accept them) and manifest.json,
// which maps logical names (engage.css, engage.js, ...) to hashed file names
// for engage/assets.py. Files left over from earlier builds are removed.

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";

import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const govukDist = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const outDir = join(root, "engage", "static", "dist");

const HASH_LENGTH = 10;
const COMPRESSIBLE = /\.(css|js|svg)$/;

function hashedName(logicalName, content) {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, HASH_LENGTH);
  const dot = logicalName.lastIndexOf(".");
  return `${logicalName.slice(0, dot)}.${hash}${logicalName.slice(dot)}`;
}

function fail(message) {
  console.error(`build-assets: ${message}`);
  process.exit(1);
}

function compileCss() {
  const warnings = [];
  const result = sass.compile(join(root, "assets", "scss", "engage.scss"), {
    style: "compressed",
    sourceMap: false,
    loadPaths: [join(root, "node_modules")],
    // Deprecations inside GOV.UK Frontend are theirs to fix, not ours.
    quietDeps: true,
    logger: {
      warn(message, { deprecation, span }) {
        const where = span?.url ? ` (${relative(root, fileURLToPath(span.url))}:${span.start.line + 1})` : "";
        warnings.push(`${deprecation ? "deprecation" : "warning"}${where}: ${message}`);
      },
    },
  });
  // A warning from our own Sass is a bug waiting to happen on the next Sass or
  // GOV.UK Frontend upgrade, so it fails the build.
  if (warnings.length) fail(`Sass warnings:\n  ${warnings.join("\n  ")}`);

  const css = result.css;
  // The font stack is system fonts only and the crest is switched off: a
  // @font-face or any url() here would be a request nobody intended.
  if (/@font-face/i.test(css)) fail("compiled CSS contains @font-face");
  if (/url\(/i.test(css)) fail("compiled CSS references a url()");
  if (!css.includes("[dir=rtl]")) fail("compiled CSS lacks the right-to-left layer");
  return css;
}

// The embeddable views' own small stylesheet (no GOV.UK Frontend: a framed view stays light).
function compileEmbedCss() {
  const css = sass.compile(join(root, "assets", "scss", "embed.scss"), { style: "compressed" }).css;
  if (/@font-face|url\(/i.test(css)) fail("embed CSS must not load fonts or images");
  return css;
}

function govukBundle() {
  const js = readFileSync(join(govukDist, "govuk-frontend.min.js"), "utf8");
  // The source map is not shipped, so drop the comment that points at it.
  return js.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");
}

function engageEntry(govukFileName) {
  const source = readFileSync(join(root, "assets", "js", "engage.mjs"), "utf8");
  const original = '"./govuk-frontend.min.js"';
  if (!source.includes(original)) fail(`assets/js/engage.mjs must import from ${original}`);
  return source.replace(original, JSON.stringify(`./${govukFileName}`));
}

function build() {
  const outputs = new Map(); // logical name -> { file, content }
  const add = (logicalName, content) => {
    const file = hashedName(logicalName, content);
    outputs.set(logicalName, { file, content: Buffer.from(content) });
    return file;
  };

  add("engage.css", compileCss());
  add("embed.css", compileEmbedCss());
  const govukFile = add("govuk-frontend.js", govukBundle());
  add("engage.js", engageEntry(govukFile));
  add("favicon.svg", readFileSync(join(root, "assets", "images", "favicon.svg")));

  const files = new Map(); // file name in outDir -> Buffer
  for (const { file, content } of outputs.values()) {
    files.set(file, content);
    if (COMPRESSIBLE.test(file)) {
      files.set(`${file}.gz`, gzipSync(content, { level: 9 }));
      files.set(
        `${file}.br`,
        brotliCompressSync(content, {
          params: {
            [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
            [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
            [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
      );
    }
  }
  const manifest = Object.fromEntries([...outputs].map(([name, { file }]) => [name, file]).sort());
  files.set("manifest.json", Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));

  mkdirSync(outDir, { recursive: true });
  for (const entry of readdirSync(outDir)) {
    if (!files.has(entry)) rmSync(join(outDir, entry), { recursive: true, force: true });
  }
  // The manifest goes last so it never names a file that is not there yet.
  for (const [name, content] of files) {
    if (name !== "manifest.json") writeFileSync(join(outDir, name), content);
  }
  writeFileSync(join(outDir, "manifest.json"), files.get("manifest.json"));

  for (const [name, { file, content }] of outputs) {
    const gz = files.get(`${file}.gz`);
    const sizes = gz ? `${content.length} B, ${gz.length} B gzip` : `${content.length} B`;
    console.log(`${name.padEnd(18)} -> ${relative(root, join(outDir, file))} (${sizes})`);
  }
}

build();
