/** Client and server errors, and `default` (which by convention describes the errors not listed). */
export function isErrorStatus(status: string): boolean {
  return status === "default" || status.startsWith("4") || status.startsWith("5");
}
