// One Typst worker of bench/pdf/run.sh: renders its share of the Typst files to PDF with a warm
// compiler (npm @myriaddreamin/typst-ts-node-compiler, Typst 0.14 inside), as a service
// rendering documents one after another would.
//
//   node bench/pdf/typst_batch.mjs SHARD SHARDS TYP_DIR OUT_DIR MODE
//
// MODE: "untagged" (pdfTags: false) or "ua-1" (pdfStandard "ua-1": tagged PDF/UA-1).
// Prints the number of documents and the seconds spent, for the run script.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, basename } from "node:path";
import { createRequire } from "node:module";

const [shard, shards] = [Number(process.argv[2]), Number(process.argv[3])];
const [typDir, outDir, mode] = [process.argv[4], process.argv[5], process.argv[6]];
// The package is found from the repository's node_modules, wherever the script runs from.
const require = createRequire(join(process.cwd(), "package.json"));
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

const compiler = NodeCompiler.create({
  workspace: typDir,
  fontArgs: [{ fontPaths: ["/usr/share/fonts/truetype/liberation2"] }],
});
const options = mode === "ua-1" ? { pdfStandard: "ua-1" } : { pdfTags: false };
mkdirSync(outDir, { recursive: true });
const files = readdirSync(typDir)
  .filter((f) => f.endsWith(".typ"))
  .sort()
  .filter((_, i) => i % shards === shard);

function render(file) {
  const source = readFileSync(join(typDir, file), "utf8");
  const result = compiler.compile({ mainFileContent: source });
  const doc = result.result;
  if (!doc) {
    result.printErrors();
    throw new Error(`${file}: Typst n’a pas pu compiler ce document`);
  }
  writeFileSync(join(outDir, basename(file, ".typ") + ".pdf"), compiler.pdf(doc, options));
}

// The first document warms the compiler up (fonts, caches) outside the timing; the others are
// timed (rendering the same source again would only hit Typst's caches).
if (files.length > 0) render(files[0]);
const start = performance.now();
for (const file of files.slice(1)) render(file);
const seconds = (performance.now() - start) / 1000;
const timed = Math.max(files.length - 1, 0);
console.log(`typst shard=${shard} mode=${mode} documents=${timed} seconds=${seconds.toFixed(3)}`);
