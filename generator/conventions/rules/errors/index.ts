import type { AnyRule } from "../../rule.js";
import schema from "./schema.js";
import responses from "./responses.js";
import coverage from "./coverage.js";
import noErrorInSuccess from "./no-error-in-success.js";

export const ERROR_RULES: AnyRule[] = [schema, responses, coverage, noErrorInSuccess];
