import type { AnyRule } from "../../rule.js";
import pluralCollections from "./plural-collections.js";
import pathCasing from "./path-casing.js";
import create201Location from "./create-201-location.js";
import updateReturnsResource from "./update-returns-resource.js";
import deleteStatus from "./delete-status.js";
import bodilessGet from "./bodiless-get.js";
import propertyCasing from "./property-casing.js";
import jsonMedia from "./json-media.js";
import rateLimit from "./rate-limit.js";
import operationId from "./operation-id.js";
import sortFieldsFilter from "./sort-fields-filter.js";

export const REST_RULES: AnyRule[] = [
  pluralCollections,
  pathCasing,
  create201Location,
  updateReturnsResource,
  deleteStatus,
  bodilessGet,
  propertyCasing,
  jsonMedia,
  rateLimit,
  operationId,
  sortFieldsFilter,
];
