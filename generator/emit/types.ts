// types.ts of the generated output: openapi-typescript over the bundled document (the design card's choice).
import openapiTS, { astToString } from "openapi-typescript";
import { generatedHeader } from "./shared/header.js";

export async function emitTypes(bundledDoc: Readonly<Record<string, unknown>>, source: string): Promise<string> {
  // openapi-typescript annotates the object it is given; the caller's document stays untouched.
  const ast = await openapiTS(structuredClone(bundledDoc) as unknown as Parameters<typeof openapiTS>[0], { silent: true });
  return generatedHeader(source) + "\n" + astToString(ast);
}
