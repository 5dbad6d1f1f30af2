import { hook, hooks, I, N, obj, S, v, type Verdict } from "./build.js";

const pet = obj({ id: S, name: S }, ["id", "name"]);
const signed = (required: boolean) =>
  hook(pet, { parameters: [{ name: "X-Signature", in: "header", required, schema: S }] });

export const webhookVerdicts: Verdict[] = [
  v(
    "webhook removed",
    hooks({ newPet: hook(pet), petSold: hook(pet) }),
    hooks({ newPet: hook(pet) }),
    "breaking",
    "subscribers stop receiving petSold",
    "webhook-removed",
  ),
  v(
    "webhook added",
    hooks({ newPet: hook(pet) }),
    hooks({ newPet: hook(pet), petSold: hook(pet) }),
    "non-breaking",
    "a new event nobody relied on",
    "webhook-added",
  ),
  v(
    "payload property removed",
    hooks({ newPet: hook(pet) }),
    hooks({ newPet: hook(obj({ id: S }, ["id"])) }),
    "breaking",
    "subscribers reading name get nothing",
    "webhook-payload-property-removed",
  ),
  v(
    "payload property added",
    hooks({ newPet: hook(pet) }),
    hooks({ newPet: hook(obj({ id: S, name: S, tag: S }, ["id", "name"])) }),
    "non-breaking",
    "subscribers ignore it",
    "webhook-payload-property-added",
  ),
  v(
    "payload property made optional",
    hooks({ newPet: hook(pet) }),
    hooks({ newPet: hook(obj({ id: S, name: S }, ["id"])) }),
    "breaking",
    "name may be missing",
    "webhook-payload-property-became-optional",
  ),
  v(
    "payload property made required",
    hooks({ newPet: hook(obj({ id: S, name: S }, ["id"])) }),
    hooks({ newPet: hook(pet) }),
    "non-breaking",
    "always sent now",
    "webhook-payload-property-became-required",
  ),
  v(
    "payload enum value added",
    hooks({ e: hook(obj({ s: { ...S, enum: ["a"] } }, ["s"])) }),
    hooks({ e: hook(obj({ s: { ...S, enum: ["a", "b"] } }, ["s"])) }),
    "non-breaking",
    "subscribers may meet b (a warning)",
    "webhook-payload-enum-value-added",
  ),
  v(
    "payload integer widened to number",
    hooks({ e: hook(obj({ n: I }, ["n"])) }),
    hooks({ e: hook(obj({ n: N }, ["n"])) }),
    "breaking",
    "subscribers decoding an integer get 1.5",
    "webhook-payload-type-widened",
  ),
  v(
    "payload const changed",
    hooks({ e: hook(obj({ type: { const: "pet.created" } }, ["type"])) }),
    hooks({ e: hook(obj({ type: { const: "pet.added" } }, ["type"])) }),
    "breaking",
    "subscribers matching the event type miss it",
    "webhook-payload-const-changed",
  ),
  v(
    "payload media type removed",
    hooks({ e: hook(pet) }),
    hooks({
      e: {
        post: {
          requestBody: { content: { "application/xml": { schema: pet } } },
          responses: { "200": { description: "ok" } },
        },
      },
    }),
    "breaking",
    "JSON subscribers receive XML",
    "webhook-payload-media-type-removed",
  ),
  v(
    "required signature header removed",
    hooks({ e: signed(true) }),
    hooks({ e: hook(pet) }),
    "breaking",
    "subscribers verifying the signature reject every call",
    "webhook-required-param-removed",
  ),
  v(
    "signature header became optional",
    hooks({ e: signed(true) }),
    hooks({ e: signed(false) }),
    "breaking",
    "it may be missing",
    "webhook-param-became-optional",
  ),
  v(
    "header added to the call",
    hooks({ e: hook(pet) }),
    hooks({ e: signed(false) }),
    "non-breaking",
    "subscribers ignore it",
    "webhook-param-added",
  ),
  v(
    "webhook deprecated",
    hooks({ e: hook(pet) }),
    hooks({ e: hook(pet, { deprecated: true }) }),
    "non-breaking",
    "still sent",
    "webhook-deprecated",
  ),
  v(
    "subscriber answer must carry more",
    hooks({
      e: hook(pet, {
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: obj({ ok: { type: "boolean" } }) } } },
        },
      }),
    }),
    hooks({
      e: hook(pet, {
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: obj({ ok: { type: "boolean" }, id: S }, ["id"]) } },
          },
        },
      }),
    }),
    "breaking",
    "the API now rejects answers subscribers already send",
    "webhook-response-required-property-added",
  ),
];
