/** Response keys as written in `responses`: "200", "4XX", "default". Ranges (`4XX`) count for their class. */

export function isSuccessStatus(status: string): boolean {
  return status.startsWith("2");
}

/** Client and server errors, and `default`: the responses that return the error schema (one home: the model's). */
export { isErrorStatus } from "../../../facts/status-codes.js";

/** True when `status` is `wanted` or the range (`4XX`) that contains it. */
export function coversStatus(status: string, wanted: string): boolean {
  return status === wanted || status.toUpperCase() === `${wanted[0]}XX`;
}
