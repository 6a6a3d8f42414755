// Which Chromium the end-to-end tests drive, so `npm test` needs no browser install:
// 1. CHROMIUM_PATH when set (it must exist: a typo is an error, not a silent fallback);
// 2. /usr/bin/chromium when present (Debian's package);
// 3. the headless Chromium shipped inside the devDependency @sparticuz/chromium,
//    unpacked once into node_modules/.cache (docs/decisions/008-browser-from-npm.md).
// Synchronous, because playwright.config.ts calls it in every Playwright process.
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const NPM_CHROMIUM = "@sparticuz/chromium";

// The same flags for every source. Without the background-networking ones Chromium
// keeps dialling Google's hosts, which this closed network refuses; --no-sandbox
// because tests run as root in CI. No --user-data-dir: Playwright makes its own profile.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * @param {{ env?: Record<string, string | undefined>, systemChromium?: string }} [options] (the tests pass their own)
 * @returns {{ executablePath: string, args: string[], source: string }}
 */
export function resolveChromium({ env = process.env, systemChromium = SYSTEM_CHROMIUM } = {}) {
  if (env.CHROMIUM_PATH) {
    if (!isExecutable(env.CHROMIUM_PATH)) {
      throw new Error(
        `CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which is not an executable file. ` +
          "Unset it to use /usr/bin/chromium or the Chromium from npm.",
      );
    }
    return { executablePath: env.CHROMIUM_PATH, args: CHROMIUM_ARGS, source: "CHROMIUM_PATH" };
  }
  if (isExecutable(systemChromium)) {
    return { executablePath: systemChromium, args: CHROMIUM_ARGS, source: systemChromium };
  }
  const { executablePath, version } = unpackNpmChromium(systemChromium);
  return { executablePath, args: CHROMIUM_ARGS, source: `${NPM_CHROMIUM} ${version}` };
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// The package ships one Brotli-compressed headless-shell binary (bin/chromium.br). Its own
// executablePath() unpacks to a fixed /tmp/chromium shared by every project and version, and
// returns a half-written file to a second process that races the first; so we unpack it
// ourselves, per version, and publish it with an atomic rename. It renders with the system's
// fonts (fontconfig), like Debian's Chromium: the package's own fonts and SwiftShader are unused.
function unpackNpmChromium(systemChromium) {
  const require = createRequire(import.meta.url);
  let entry;
  try {
    entry = require.resolve(NPM_CHROMIUM);
  } catch {
    throw new Error(
      `No Chromium found: CHROMIUM_PATH is unset, ${systemChromium} does not exist and the devDependency ` +
        `${NPM_CHROMIUM} is not installed. Run \`npm install\` (with dev dependencies).`,
    );
  }
  const { packageDir, version } = packageRoot(entry);
  const cacheDir = path.join(packageDir, "..", "..", ".cache", "fact-trail-chromium", version);
  const executablePath = path.join(cacheDir, "chromium");
  if (existsSync(executablePath)) return { executablePath, version };

  const staging = `${cacheDir}.${process.pid}.tmp`;
  mkdirSync(staging, { recursive: true });
  try {
    const binary = brotliDecompressSync(readFileSync(path.join(packageDir, "bin", "chromium.br")));
    writeFileSync(path.join(staging, "chromium"), binary, { mode: 0o755 });
    renameSync(staging, cacheDir);
  } catch (error) {
    // Another process may have published the same version first: theirs is as good.
    if (!existsSync(executablePath)) throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { executablePath, version };
}

// The package's entry point sits some folders down (build/cjs/, build/esm/…).
function packageRoot(entry) {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, "utf8"));
    if (name === NPM_CHROMIUM) return { packageDir: dir, version };
  }
  throw new Error(`Cannot find the folder of ${NPM_CHROMIUM} above ${entry}.`);
}
