/** The words of an identifier in any casing, lower case: `petOwnerIDs` / `pet_owner-ids` -> [pet, owner, ids]. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

/** [pet, owner, ids] -> `petOwnerIds`. */
export function camelCase(words: readonly string[]): string {
  return words.map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
}
