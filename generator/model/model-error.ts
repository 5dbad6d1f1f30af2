/** A document the model cannot be built from (e.g. an `x-pagination` naming a parameter that does not exist).
 * `pointer` names the place in the bundled document; `fix` says what to change. */
export class ModelError extends Error {
  override name = "ModelError";
  constructor(
    message: string,
    readonly pointer: string,
    readonly fix: string,
  ) {
    super(message);
  }
}
