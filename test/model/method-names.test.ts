// The grouped method naming rule (issue 14): verbs for plain CRUD operations, else the operationId without the
// group's noun; collisions resolved deterministically and reported; `names: "operationId"` keeps the ids.
import { describe, expect, it } from "vitest";
import { buildModel } from "../../generator/model/build-model.js";
import type { NamingStyle } from "../../generator/model/method-names.js";

const ok = { "200": { description: "ok" } };
type Ops = Record<string, Record<string, { operationId?: string; parameters?: unknown[] }>>;

function model(paths: Ops, names: NamingStyle = "rule") {
  const tagged = Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([method, op]) => [method, { tags: ["tasks"], responses: ok, ...op }]),
      ),
    ]),
  );
  return buildModel(
    { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: tagged },
    { source: "t.yaml", names },
  );
}
const names = (built: ReturnType<typeof model>) => Object.fromEntries(built.operations.map((op) => [op.id, op.name]));
const item = { parameters: [{ name: "task_gid", in: "path", required: true, schema: { type: "string" } }] };

describe("grouped method names", () => {
  it.each([
    [
      "getTasks + getTask: list vs get",
      {
        "/tasks": { get: { operationId: "getTasks" } },
        "/tasks/{task_gid}": { get: { operationId: "getTask", ...item } },
      },
      { getTasks: "list", getTask: "get" },
    ],
    [
      "deleteTask is delete, beside create/update/replace",
      {
        "/tasks": { post: { operationId: "createTask" } },
        "/tasks/{task_gid}": {
          delete: { operationId: "deleteTask", ...item },
          patch: { operationId: "updateTask", ...item },
          put: { operationId: "replaceTask", ...item },
        },
      },
      { createTask: "create", deleteTask: "delete", updateTask: "update", replaceTask: "replace" },
    ],
    [
      "a specific operationId keeps its own words",
      {
        "/tasks/{task_gid}/subtasks": { get: { operationId: "getSubtasksForTask", ...item } },
        "/tasks/search": { get: { operationId: "tasksSearchInWorkspace" } },
      },
      { getSubtasksForTask: "getSubtasksForTask", tasksSearchInWorkspace: "searchInWorkspace" },
    ],
    [
      "two lists: the verb itself and the shorter path win, the other keeps its operationId",
      {
        "/projects/{p}/tasks": {
          get: { operationId: "getTasksForProject", parameters: [{ name: "p", in: "path", required: true }] },
        },
        "/tasks": { get: { operationId: "findTasks" } },
        "/workspaces/tasks": { get: { operationId: "listTasks" } },
      },
      { getTasksForProject: "getTasksForProject", findTasks: "findTasks", listTasks: "list" },
    ],
    [
      "no operationId: the verb",
      { "/tasks": { get: {} }, "/tasks/{task_gid}": { delete: { ...item } } },
      { getTasks: "list", deleteTasksByTaskGid: "delete" },
    ],
  ])("%s", (_title, paths, expected) => {
    expect(names(model(paths as Ops))).toEqual(expected);
  });

  it("reports the loser of a collision, naming who kept the name, in the same order every time", () => {
    const paths: Ops = {
      "/tasks": { get: { operationId: "listTasks" } },
      "/other/tasks": { get: { operationId: "getTasks" } },
    };
    const built = model(paths);
    expect(names(built)).toEqual({ listTasks: "list", getTasks: "getTasks" });
    expect(built.renames).toEqual([
      {
        kind: "method",
        operation: "getTasks",
        where: "tasks",
        wanted: "list",
        got: "getTasks",
        reason: "`list` is taken (kept by listTasks, GET /tasks)",
      },
    ]);
    expect(model(paths).renames).toEqual(built.renames);
  });

  it("never gives one name twice in a group (case-insensitively)", () => {
    const built = model({
      "/tasks": { get: { operationId: "tasksList" }, post: { operationId: "list" } },
      "/tasks/{task_gid}": { get: { operationId: "List", ...item }, put: { operationId: "get", ...item } },
    });
    const given = built.operations.map((op) => op.name.toLowerCase());
    expect(new Set(given).size).toBe(given.length);
  });

  it("reports a parameter whose key is not its wire name (a query parameter named body)", () => {
    const built = model({
      "/tasks": {
        post: { operationId: "createTask", parameters: [{ name: "body", in: "query", schema: { type: "string" } }] },
      },
    });
    expect(built.operations[0]?.parameters[0]?.inputKey).toBe("body2");
    expect(built.renames).toEqual([
      {
        kind: "parameter",
        operation: "createTask",
        where: "query body",
        wanted: "body",
        got: "body2",
        reason: "`body` is the request body's key",
      },
    ]);
  });

  it("names: operationId keeps every operation id as the method name", () => {
    const built = model(
      {
        "/tasks": { get: { operationId: "getTasks" } },
        "/tasks/{task_gid}": {
          get: { operationId: "getTask", ...item },
          delete: { operationId: "deleteTask", ...item },
        },
      },
      "operationId",
    );
    expect(names(built)).toEqual({ getTasks: "getTasks", getTask: "getTask", deleteTask: "deleteTask" });
    expect(built.renames).toEqual([]);
  });
});
