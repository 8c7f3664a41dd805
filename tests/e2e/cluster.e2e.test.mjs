// The real window on a cluster: three reference-server instances on one PostgreSQL database
// behind nginx (the shipped deploy/nginx/arbiter.conf). Customers' messages posted through
// each instance reach the desk, whichever instance it talks to; when that instance is
// killed mid-stream the desk reconnects through nginx to another and misses nothing,
// duplicates nothing.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { api, eventually, freePort, freshProfile, gateway, launchApp, openTicket, signIn, startServer, visible, waitOnline } from "./harness.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const admin = process.env.ARBITER_TEST_POSTGRES;
if (!admin && process.env.ARBITER_REQUIRE_POSTGRES) throw new Error("ARBITER_REQUIRE_POSTGRES is set but ARBITER_TEST_POSTGRES is not");

let instances = [];
let nginx;
const scratch = mkdtempSync(join(tmpdir(), "arbiter-e2e-cluster-"));

before(async () => {
  if (!admin) return;
  const name = `arbiter_e2e_cluster_${process.pid}`;
  execFileSync("psql", [admin, "-qc", `CREATE DATABASE ${name}`]);
  const database = `${admin.slice(0, admin.lastIndexOf("/"))}/${name}`;
  // The first instance makes the demo data; the others join the same database.
  instances.push(await startServer({ database }));
  instances.push(await startServer({ database }));
  instances.push(await startServer({ database }));
  nginx = await startNginx(instances.map((i) => i.url));
});

after(async () => {
  await nginx?.stop();
  for (const instance of instances) await instance.stop();
  rmSync(scratch, { recursive: true, force: true });
});

test("a desk behind nginx hears every instance, and keeps every message when its instance dies", { skip: !admin && "ARBITER_TEST_POSTGRES is not set" }, async () => {
  const [first] = instances;
  const ticket = (await visible(first, "ticket")).find((t) => t.queue === "disputes" && ["open", "pending", "new"].includes(t.status));
  assert.ok(ticket, "an open dispute Ava sees");

  const app = await launchApp(freshProfile());
  const conversation = async () => String(await (await app.browser.$('[data-testid="conversation"]')).getProperty("textContent"));
  const times = (text, needle) => text.split(needle).length - 1;
  try {
    await signIn(app, nginx);
    await waitOnline(app);
    await openTicket(app, ticket.id);
    await eventually(async () => (await conversation()).length > 0, "the ticket is open");

    // A customer message posted through each instance shows, whichever the desk is on.
    const stamp = Date.now();
    for (const [index, instance] of instances.entries()) {
      const text = `Through instance ${index + 1}: any news on my dispute? (${stamp})`;
      await gateway(instance, `/tickets/${ticket.id}/messages`, { text });
      await eventually(async () => times(await conversation(), text) === 1, `the message through instance ${index + 1} shows`, 15_000);
    }

    // The desk's requests all go to one instance (nginx hashes its token; only the desk
    // speaks through nginx). Kill it while messages keep coming through the others.
    const upstreams = nginx.feedUpstreams();
    assert.equal(upstreams.size, 1, `the desk's feed pages went to one instance: ${[...upstreams]}`);
    const dying = instances.find((i) => upstreams.has(new URL(i.url).host));
    assert.ok(dying, `${[...upstreams]} is one of the instances`);
    const survivors = instances.filter((i) => i !== dying);
    const before = nginx.feedRequests().length;
    const during = [];
    for (let n = 0; n < 6; n += 1) {
      if (n === 2) await dying.stop();
      const text = `After the failover, message ${n + 1} (${stamp})`;
      during.push(text);
      await gateway(survivors[n % 2], `/tickets/${ticket.id}/messages`, { text });
    }
    for (const text of during) {
      await eventually(async () => times(await conversation(), text) === 1, `"${text}" shows exactly once`, 30_000).catch(async (error) => {
        const shown = await conversation();
        const entries = await (await app.browser.$('[data-testid="conversation"]')).getAttribute("data-entries");
        const stored = (await api(survivors[0], `/v1/tickets/${ticket.id}`)).messages.filter((m) => m.text === text).length;
        const state = await (await app.browser.$('[data-testid="sync-status"]')).getAttribute("data-state");
        const scroll = await app.browser.execute(() => {
          const list = document.querySelector('[data-testid="conversation"]');
          return list && `top ${list.scrollTop} of ${list.scrollHeight - list.clientHeight}`;
        });
        throw new Error(`${error.message}: shown ${times(shown, text)} times (${entries} entries, scrolled ${scroll}; sync ${state}); the server has it ${stored} times; ends with: ${shown.slice(-300)}`);
      });
    }
    await waitOnline(app);
    const shown = await conversation();
    for (const text of during) assert.equal(times(shown, text), 1, `"${text}" once`);
    const since = nginx.feedRequests().slice(before).map((r) => r.upstream);
    const dead = new URL(dying.url).host;
    // (nginx writes each instance it tried: the dead one first until it marks it down.)
    assert.ok(since.length > 0 && since.every((u) => u.split(", ").at(-1) !== dead), `the desk's pages went on to a survivor: ${since}`);
  } finally {
    await app.close();
  }
});

/** nginx on a free loopback port over `upstreams`, configured from the shipped file. */
async function startNginx(upstreams) {
  const port = await freePort();
  const prefix = join(scratch, "nginx");
  mkdirSync(join(prefix, "logs"), { recursive: true });
  const shipped = readFileSync(join(ROOT, "deploy/nginx/arbiter.conf"), "utf8");
  const servers = upstreams.map((u) => `    server ${u.replace("http://", "")};\n`).join("");
  const site = shipped
    .replace("    server 127.0.0.1:8081;\n    server 127.0.0.1:8082;\n    server 127.0.0.1:8083;\n", servers)
    .replace("listen 127.0.0.1:8080;", `listen 127.0.0.1:${port};`);
  assert.ok(!site.includes(":808") && site.includes(`:${port};`), "the shipped file changed shape");
  const root = process.getuid?.() === 0;
  const log = join(prefix, "logs/access.log");
  writeFileSync(
    join(prefix, "nginx.conf"),
    `${root ? "user root;\n" : ""}daemon off;\nworker_processes 1;\npid ${prefix}/nginx.pid;\nerror_log ${prefix}/logs/error.log warn;\n` +
      `events { worker_connections 1024; }\nhttp {\n  log_format upstream '$uri $upstream_addr';\n  access_log ${log} upstream;\n` +
      `  client_body_temp_path ${prefix}/body;\n  proxy_temp_path ${prefix}/proxy;\n${site}\n}\n`,
  );
  const binary = ["/usr/sbin/nginx", "/usr/local/sbin/nginx"].find((p) => existsSync(p)) ?? "nginx";
  // Its own output goes to its error log: a worker left holding the test's pipes would keep
  // the test runner waiting.
  const child = spawn(binary, ["-p", prefix, "-c", join(prefix, "nginx.conf")], { stdio: "ignore" });
  // Waited for by connecting only: a request would leave nginx a kept-alive connection.
  await eventually(() => accepts(port), "nginx listens", 10_000);
  /** The feed pages nginx passed on, in order, with the instance(s) it tried. */
  const feedRequests = () =>
    (existsSync(log) ? readFileSync(log, "utf8") : "")
      .split("\n")
      .map((line) => line.split(" "))
      .filter(([uri]) => uri === "/v1/changes")
      .map(([, ...tried]) => ({ upstream: tried.join(" ") }));
  return {
    url: `http://127.0.0.1:${port}`,
    // SIGTERM: the master takes its worker down with it (SIGKILL would leave the worker).
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.on("exit", done);
        child.kill("SIGTERM");
      }),
    feedRequests,
    feedUpstreams: () => new Set(feedRequests().map((r) => r.upstream)),
  };
}

function accepts(port) {
  return new Promise((ok) => {
    const socket = connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      ok(true);
    });
    socket.on("error", () => ok(false));
  });
}
