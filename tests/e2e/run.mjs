// End-to-end tests of the built website in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core; no browser is ever downloaded).
//
//   node tests/e2e/run.mjs <site-dir> [--screenshots <dir>] [--manuel]
//
// Serves <site-dir> on 127.0.0.1 (a tiny static server), then checks: the home page renders,
// the mobile menu and a FAQ accordion work, search finds a page (with and without accents),
// pages stay readable without JavaScript, and axe-core finds no serious or critical violation
// on any page. With TAMPON=<tampon executable> in the environment (run-site.sh sets it), it
// also runs `tampon serve` on a copy of the shipped content, breaks a page and checks that
// the error shows over the page, then fixes it and checks that the error goes. Prints
// "N passed, M failed" and exits 1 on any failure.
import { createServer } from "node:http";
import { readFile, writeFile, cp, stat, mkdir, readdir, rm, mkdtemp } from "node:fs/promises";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const siteDir = path.resolve(args[0] ?? "out/site");
const shotsIndex = args.indexOf("--screenshots");
const shotsDir = shotsIndex >= 0 ? path.resolve(args[shotsIndex + 1]) : null;
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
// --manuel: the users' manual built as a site (scripts/manual-site): only the checks that hold
// for any Tampon site (home page, every page at three widths, axe-core), not the guide's own.
const manual = args.includes("--manuel");

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".woff": "font/woff",
  ".png": "image/png", ".ico": "image/x-icon", ".xml": "application/xml", ".csv": "text/csv",
  ".txt": "text/plain", ".webmanifest": "application/manifest+json" };

function serve(root) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    let rel = decodeURIComponent(url.pathname);
    if (rel.includes("..")) { res.writeHead(400).end(); return; }
    let file = path.join(root, rel);
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      const body = await readFile(path.join(root, "404.html")).catch(() => "introuvable");
      res.writeHead(404, { "content-type": types[".html"] }).end(body);
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function htmlPages(root, base = "") {
  const out = [];
  for (const entry of await readdir(path.join(root, base), { withFileTypes: true })) {
    const rel = path.posix.join(base, entry.name);
    if (entry.isDirectory() && entry.name !== "dsfr" && entry.name !== "assets") out.push(...await htmlPages(root, rel));
    else if (entry.name.endsWith(".html")) out.push(rel);
  }
  return out.sort();
}

const results = [];
// TAMPON_E2E_FILTER=texte runs only the tests whose name contains it (while fixing one).
const filter = process.env.TAMPON_E2E_FILTER;
async function test(name, body) {
  if (filter && !name.includes(filter)) return;
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok - ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`not ok - ${name}\n  ${String(error?.message ?? error).split("\n").join("\n  ")}`);
  }
}
function assert(condition, message) { if (!condition) throw new Error(message); }

const server = await serve(siteDir);
const origin = `http://127.0.0.1:${server.address().port}/`;
const profile = await mkdtemp(path.join(tmpdir(), "tampon-chromium-"));
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  // launch() always gives Chromium a fresh temporary --user-data-dir of its own (it refuses
  // one passed in args); `profile` only holds the downloads and traces of this run.
  downloadsPath: profile,
});
const desktop = { viewport: { width: 1280, height: 900 } };
const mobile = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true };

try {
  await test("la page d'accueil s'affiche avec l'en-tête, le titre et la mention de l'État", async () => {
    const page = await browser.newPage(desktop);
    await page.goto(origin);
    assert(await page.locator("header.fr-header .fr-logo").isVisible(), "bloc marque absent");
    const h1 = await page.locator("main h1").textContent();
    assert(h1.includes(manual ? "Manuel de Tampon" : "conseiller numérique"), `titre inattendu : ${h1}`);
    const footer = await page.locator("#pied-de-page").textContent();
    assert(footer.includes("Opération soutenue par l'État dans le cadre du dispositif Conseiller numérique"), "mention absente");
    assert(await page.locator('#pied-de-page a[href="https://www.conseiller-numerique.gouv.fr"]').count() === 1, "lien du dispositif absent");
    await page.close();
  });

  if (!manual) await test("le menu mobile s'ouvre et mène à une rubrique", async () => {
    const page = await browser.newPage(mobile);
    await page.goto(origin);
    const nav = page.locator("#menu-principal");
    assert(!(await nav.isVisible()), "le menu devrait être replié sur mobile");
    await page.locator("#bouton-menu").click();
    await nav.waitFor({ state: "visible", timeout: 5000 });
    await nav.getByRole("link", { name: "FAQ" }).click();
    await page.waitForURL(/faq\/$/);
    await page.close();
  });

  if (!manual) await test("une question de la FAQ s'ouvre et se referme", async () => {
    const page = await browser.newPage(desktop);
    await page.goto(origin + "faq/");
    const button = page.locator(".fr-accordion__btn").first();
    const id = await button.getAttribute("aria-controls");
    const answer = page.locator(`#${id}`);
    assert(!(await answer.isVisible()), "la réponse devrait être repliée");
    await button.click();
    await page.waitForFunction((i) => document.querySelector(`[aria-controls="${i}"]`).getAttribute("aria-expanded") === "true", id);
    await answer.waitFor({ state: "visible", timeout: 5000 });
    const count = await page.locator(".fr-accordion").count();
    assert(count >= 30, `seulement ${count} questions`);
    await page.close();
  });

  if (!manual) await test("la recherche trouve une page sans tenir compte des accents", async () => {
    const page = await browser.newPage(desktop);
    await page.goto(origin);
    await page.locator("#champ-recherche").fill("demarches simplifiees");
    await page.locator("#champ-recherche").press("Enter");
    await page.waitForURL(/recherche\/\?q=/);
    const results = page.locator("#resultats-recherche .tampon-resultats a");
    await results.first().waitFor({ timeout: 5000 });
    const titles = await results.allTextContents();
    assert(titles.includes("Les étapes en détail"), `résultats : ${titles.join(" | ")}`);
    await results.filter({ hasText: "Les étapes en détail" }).click();
    await page.waitForURL(/guide\/etapes\/$/);
    await page.close();
  });

  if (!manual) await test("sans JavaScript, les réponses de la FAQ et le menu restent lisibles", async () => {
    const context = await browser.newContext({ ...desktop, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(origin + "faq/");
    const answer = page.locator(".fr-collapse").nth(1);
    assert(await answer.isVisible(), "réponse masquée sans JavaScript");
    assert(await page.locator("#menu-principal").isVisible(), "menu masqué sans JavaScript");
    await context.close();
  });

  const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  const pages = await htmlPages(siteDir);

  // Every page at a phone, a tablet and a desktop width (issue: tables hid their last columns).
  // At 768 px and above no table scrolls sideways; at every width the page itself never does,
  // and no heading or caption is clipped. A screenshot of each page at each width is kept.
  const widths = [390, 768, 1280];
  for (const width of widths) {
    await test(`à ${width} px, aucune page ni aucun tableau ne défile de côté, aucun titre n'est coupé`, async () => {
      const problems = [];
      const page = await browser.newPage({ viewport: { width, height: 900 }, isMobile: width < 500, hasTouch: width < 500 });
      for (const rel of pages) {
        const html = await readFile(path.join(siteDir, rel), "utf8");
        if (html.includes('http-equiv="refresh"')) continue;
        await page.goto(origin + rel.replace(/index\.html$/, ""));
        const found = await page.evaluate((tablesMustFit) => {
          const out = [];
          const root = document.documentElement;
          if (root.scrollWidth > window.innerWidth + 1) out.push(`la page défile de côté (${root.scrollWidth} px pour ${window.innerWidth})`);
          document.querySelectorAll(".fr-table__container").forEach((frame, i) => {
            if (tablesMustFit && frame.scrollWidth > frame.clientWidth + 1)
              out.push(`le tableau n° ${i + 1} défile de côté (${frame.scrollWidth} px pour ${frame.clientWidth})`);
            const box = frame.getBoundingClientRect();
            if (box.right > window.innerWidth + 1) out.push(`le cadre du tableau n° ${i + 1} sort de la page`);
          });
          document.querySelectorAll("main h1, main h2, main h3, main caption").forEach((el) => {
            if (el.scrollWidth > el.clientWidth + 1) out.push(`« ${el.textContent.trim().slice(0, 50)} » est coupé`);
          });
          // When a table scrolls inside its frame (phones), its first column stays visible.
          document.querySelectorAll("table").forEach((table, i) => {
            const frame = table.closest(".fr-table__container") ?? table.parentElement;
            const first = table.querySelector("tbody tr > :first-child");
            if (!first || frame.scrollWidth <= frame.clientWidth + 1) return;
            frame.scrollLeft = frame.scrollWidth;
            const f = frame.getBoundingClientRect(), c = first.getBoundingClientRect();
            if (c.left < f.left - 1 || c.right > f.right + 1) out.push(`la première colonne du tableau n° ${i + 1} disparaît au défilement`);
            frame.scrollLeft = 0;
          });
          return out;
        }, width >= 768);
        for (const f of found) problems.push(`${rel} — ${f}`);
        if (shotsDir) {
          await mkdir(path.join(shotsDir, String(width)), { recursive: true });
          const name = rel.replace(/\/index\.html$|\.html$/, "").replaceAll("/", "-") || "accueil";
          await page.screenshot({ path: path.join(shotsDir, String(width), `${name === "index" ? "accueil" : name}.png`), fullPage: true });
        }
      }
      await page.close();
      assert(problems.length === 0, problems.join("\n"));
    });
  }
  await test(`axe-core : aucune violation grave ou critique sur les ${pages.length} pages`, async () => {
    const problems = [];
    const page = await browser.newPage(desktop);
    for (const rel of pages) {
      const html = await readFile(path.join(siteDir, rel), "utf8");
      if (html.includes('http-equiv="refresh"')) continue;  // redirects of old addresses
      await page.goto(origin + rel.replace(/index\.html$/, ""));
      await page.addScriptTag({ content: axeSource });
      const found = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}) : ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`);
      });
      for (const f of found) problems.push(`${rel} — ${f}`);
    }
    await page.close();
    assert(problems.length === 0, problems.join("\n"));
  });

  if (process.env.TAMPON && !manual) {
    await test("tampon serve : une erreur s'affiche sur la page prévisualisée et disparaît une fois corrigée (puis les colonnes alignées le sont)", async () => {
      const sourceDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
      const project = await mkdtemp(path.join(tmpdir(), "tampon-serve-"));
      await cp(path.join(sourceDir, "content"), path.join(project, "content"), { recursive: true });
      const pageFile = path.join(project, "content", "contacts.md");
      const original = await readFile(pageFile, "utf8");
      const port = await new Promise((resolve) => {
        const probe = createServer().listen(0, "127.0.0.1", () => {
          const p = probe.address().port;
          probe.close(() => resolve(p));
        });
      });
      const child = spawn(process.env.TAMPON, ["serve", "--project", project, "--out", path.join(project, "out"),
        "--port", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => { stderr += d; });
      const page = await browser.newPage(desktop);
      try {
        // The whole address, not only the start of the line: stderr may come in several pieces.
        for (let i = 0; i < 200 && !stderr.includes(`http://127.0.0.1:${port}/`); ++i) await new Promise((r) => setTimeout(r, 50));
        assert(stderr.includes(`http://127.0.0.1:${port}/`), `serve n'a pas démarré : ${stderr}`);
        await page.goto(`http://127.0.0.1:${port}/contacts/`);
        await page.waitForTimeout(500);
        assert(await page.locator("#tampon-erreurs").count() === 0, "une erreur est affichée avant toute modification");
        const brokenLine = original.trimEnd().split("\n").length + 2;
        await writeFile(pageFile, original.trimEnd() + "\n\nVoir [la suite](absente<b>.md).\n");
        const overlay = page.locator("#tampon-erreurs");
        await overlay.waitFor({ state: "visible", timeout: 10000 });
        const text = await overlay.textContent();
        assert(text.includes(`content/contacts.md:${brokenLine}:`), `fichier et ligne absents : ${text}`);
        assert(text.includes("lien cassé") && text.includes("absente<b>.md"), `message absent : ${text}`);
        assert(text.includes("Corriger :"), `conseil de correction absent : ${text}`);
        assert(await page.locator("#tampon-erreurs b").count() === 0, "le message n'est pas échappé");
        const box = await overlay.boundingBox();
        assert(box && box.width >= 1200 && box.height >= 800, "l'erreur ne couvre pas la page");
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run("#tampon-erreurs", { resultTypes: ["violations"] });
          return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
        });
        assert(violations.length === 0, `axe-core sur l'erreur affichée : ${violations.join(", ")}`);
        if (shotsDir) {
          await mkdir(shotsDir, { recursive: true });
          await page.screenshot({ path: path.join(shotsDir, "serve-erreur.png") });
        }
        // The fix also adds a table whose columns are aligned in the Markdown (issue 19).
        await writeFile(pageFile, original.trimEnd() + "\n\nVoir la suite corrigée.\n\n" +
          "Tableau : Alignements\n\n| Gauche | Centre | Montant |\n|:--|:-:|--:|\n| a | b | 40 000 € |\n");
        await page.waitForFunction(() => document.body.textContent.includes("Voir la suite corrigée."), null, { timeout: 10000 });
        await page.waitForTimeout(500);
        assert(await page.locator("#tampon-erreurs").count() === 0, "l'erreur reste affichée après correction");
        // The edit may give two rebuilds (the file truncated, then written): wait for the page
        // to settle rather than read it in the middle of a reload. The reloaded page gets its
        // styles (it once waited 5 s for the server's threads: serve.cpp); on a machine loaded by
        // a parallel test run that can take seconds, so allow 15 s rather than flake.
        const aligns = () => page.evaluate(() => {
          const table = [...document.querySelectorAll("main table")].pop();
          return [...table.querySelectorAll("tbody td")].map((td) => getComputedStyle(td).textAlign).join(" ");
        });
        await page.waitForFunction(() => {
          const table = [...document.querySelectorAll("main table")].pop();
          return table && [...table.querySelectorAll("tbody td")].map((td) => getComputedStyle(td).textAlign).join(" ") === "left center right";
        }, null, { timeout: 15000 }).catch(() => {});
        const found = await aligns();
        // Without the design system's stylesheet every cell says "start": name what loaded.
        const sheets = await page.evaluate(() => [...document.styleSheets].map((x) => x.href).join(", "));
        assert(found === "left center right", `alignement des colonnes : ${found} (feuilles de style : ${sheets})`);
      } finally {
        await page.close();
        child.kill("SIGINT");
        await new Promise((r) => child.once("exit", r));
        await rm(project, { recursive: true, force: true });
      }
    });
  }

  if (shotsDir && !manual) {
    await mkdir(shotsDir, { recursive: true });
    await test("captures d'écran (accueil, guide, FAQ ; bureau et mobile)", async () => {
      for (const [name, rel] of [["accueil", ""], ["guide-etapes", "guide/etapes/"], ["faq", "faq/"]]) {
        for (const [size, options] of [["bureau", desktop], ["mobile", mobile]]) {
          const page = await browser.newPage(options);
          await page.goto(origin + rel);
          if (name === "faq") await page.locator(".fr-accordion__btn").first().click();
          await page.waitForTimeout(300);
          await page.screenshot({ path: path.join(shotsDir, `${name}-${size}.png`), fullPage: size === "bureau" ? false : false });
          await page.close();
        }
      }
    });
  }
} finally {
  await browser.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
