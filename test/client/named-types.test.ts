// Named types (issue 14): every component schema is a named type (schemas.ts; client.ts re-exports each whose name
// it does not use itself), and each operation names its params, result and error types.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateFromSpec, tempDir, typecheck } from "./generated-project.js";

// Schema names that clash with client.ts's own: a runtime error class, the Problem type, an operation's Params.
const SPEC = `openapi: 3.1.0
info: { title: Clash, version: 1.0.0 }
paths:
  /tasks/{task_gid}:
    get:
      operationId: getTask
      parameters: [{ name: task_gid, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Task" } } } }
        "404": { description: gone, content: { application/json: { schema: { $ref: "#/components/schemas/NotFoundError" } } } }
        "409": { description: clash, content: { application/json: { schema: { $ref: "#/components/schemas/Conflict" } } } }
components:
  schemas:
    Task: { type: object, required: [gid], properties: { gid: { type: string } } }
    NotFoundError: { type: object, required: [missing], properties: { missing: { type: string } } }
    Conflict: { type: object, required: [with], properties: { with: { type: string } } }
    GetTaskParams: { type: object, properties: { odd: { type: boolean } } }
    task-list: { type: array, items: { $ref: "#/components/schemas/Task" } }
`;

describe("named types", () => {
  it("exports every schema by its safe name and types an operation's params, result and error union", async () => {
    const dir = await tempDir("named-types");
    await writeFile(join(dir, "clash.yaml"), SPEC);
    const { out } = await generateFromSpec(join(dir, "clash.yaml"), dir);
    const client = await readFile(join(out, "client.ts"), "utf8");
    expect(client).toContain(`export type { Conflict, Task, TaskList } from "./schemas.js";`);
    await writeFile(
      join(dir, "usage.ts"),
      `
import { createBaseClient, getTask, type Task, type TaskList, type GetTaskParams, type GetTaskResult, type GetTaskProblem, isGetTaskError, NotFoundError } from "./client/client.js";
import type { NotFoundError as NotFoundBody, GetTaskParams as OddSchema } from "./client/schemas.js";
export async function usage(): Promise<void> {
  const params: GetTaskParams = { task_gid: "t1" };
  const task: Task = await getTask(createBaseClient({ baseUrl: "https://x.test" }), params);
  const same: GetTaskResult = task;
  const list: TaskList = [same];
  const odd: OddSchema = { odd: true };
  try { void list; void odd; } catch (error) {
    if (isGetTaskError(error) && error instanceof NotFoundError) { const missing: NotFoundBody = error.problem; void missing.missing; }
    if (isGetTaskError(error, 409)) { const other: string = error.problem.with; void other; }
    if (isGetTaskError(error)) { const body: GetTaskProblem = error.problem; void body; }
  }
}
`,
    );
    expect((await typecheck(dir, ["usage.ts"])).output).toBe("");
  }, 120_000);
});
