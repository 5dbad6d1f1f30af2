// Load test of the generated petstore server (not part of `npm test`: it sends 100k requests):
//   node bin/run-ts.js test/hostile/server-load.ts [--requests 100000] [--connections 20]
// autocannon on loopback cycles through a mix of valid and invalid requests. Fails (exit 1) on any 5xx, any
// connection error or timeout, or any failure the server logged; prints the status mix and RSS before and after.
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import autocannon from "autocannon";
import { generateApi } from "../server/e2e-harness.js";
import { listen } from "../server/listen.js";

const { values } = parseArgs({
  options: { requests: { type: "string", default: "100000" }, connections: { type: "string", default: "20" } },
});
const amount = Number(values.requests);
const connections = Number(values.connections);

const outDir = await generateApi("specs/petstore/v1/openapi.yaml", "petstore-load", {
  fixture: "test/server/fixtures/petstore-v1.impl.ts",
});
const serverErrors: Array<Record<string, unknown>> = [];
const impl = (await import(pathToFileURL(join(outDir, "impl.ts")).href)) as {
  createApp(options: { onError(details: Record<string, unknown>): void }): Parameters<typeof listen>[0];
};
const server = await listen(impl.createApp({ onError: (details) => serverErrors.push(details) }));

const auth = { authorization: "Bearer staff-token" };
const json = { ...auth, "content-type": "application/json" };
const requests: autocannon.Request[] = [
  { method: "GET", path: "/v1/pets?page_size=5", headers: auth }, // valid
  { method: "GET", path: "/v1/pets?page_size=abc", headers: auth }, // bad query type -> 400
  { method: "GET", path: "/v1/pets?page_token=tampered.token", headers: auth }, // tampered page token -> 400
  { method: "GET", path: "/v1/pets" }, // no credentials -> 401
  { method: "GET", path: "/v1/pets/00000000-0000-4000-8000-000000000000", headers: auth }, // unknown -> 404
  { method: "GET", path: "/v1/pets/not-a-uuid", headers: auth }, // bad path parameter -> 400
  { method: "POST", path: "/v1/pets", headers: json, body: "{not json" }, // malformed JSON -> 400
  { method: "POST", path: "/v1/pets", headers: json, body: JSON.stringify({ name: 42, species: "dragon" }) }, // schema violation -> 400/422
  { method: "POST", path: "/v1/pets", headers: { ...auth, "content-type": "text/plain" }, body: "hello" }, // wrong media type -> 415
  { method: "DELETE", path: "/v1/stores", headers: auth }, // method not allowed -> 405
  { method: "GET", path: "/v1/no/such/route", headers: auth }, // unknown route -> 404
  { method: "GET", path: `/v1/pets?species=${"x".repeat(4000)}`, headers: auth }, // long query value
];

const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);
const warm = await autocannon({ url: server.url, amount: 2000, connections, requests });
const before = rssMb();
const result = await autocannon({ url: server.url, amount, connections, requests, timeout: 10 });
const after = rssMb();
await server.close();

const report = {
  requests: result.requests.total,
  "2xx": result["2xx"],
  "4xx": result["4xx"],
  "5xx": result["5xx"],
  errors: result.errors,
  timeouts: result.timeouts,
  "req/s (mean)": Math.round(result.requests.average),
  "latency p99 ms": result.latency.p99,
  "RSS MiB before (after 2k warm-up)": before,
  "RSS MiB after": after,
  "server-logged failures": serverErrors.length,
  "warm-up 5xx": warm["5xx"],
};
console.table(report);
const failed =
  result["5xx"] > 0 ||
  warm["5xx"] > 0 ||
  result.errors > 0 ||
  result.timeouts > 0 ||
  serverErrors.length > 0 ||
  result.requests.total < amount;
if (serverErrors.length > 0) console.error("first server failure:", serverErrors[0]);
process.exitCode = failed ? 1 : 0;
