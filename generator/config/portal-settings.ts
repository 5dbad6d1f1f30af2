import { existsSync, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { joinPointer } from "../load/json-pointer.js";
import { isCssColor } from "./css-color.js";
import type { PortalColors, PortalSettings } from "./types.js";

/** `portal:` as written, after the shape check of config-schema.ts. */
export interface RawPortalSettings {
  title?: string;
  logo?: string;
  colors?: PortalColors & { dark?: PortalColors };
  footer?: { label: string; url: string }[];
  tagGroupThreshold?: number;
  oauth2?: { clientId: string; scopes?: string[] };
}

type Fail = (message: string, pointer: string, fix: string) => never;

/** Redoc 2 renders every operation up front: past this many, one tag group at a time keeps the page usable. */
export const DEFAULT_TAG_GROUP_THRESHOLD = 250;

/**
 * Image types a logo may have, with the content type it is served as. SVG can hold script: the portal serves the
 * logo with a sandboxing policy and nosniff, and shows it through <img>, where SVG script never runs.
 */
const LOGO_TYPES: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
};

export function defaultPortalSettings(): PortalSettings {
  return { colors: { dark: {} }, footer: [], tagGroupThreshold: DEFAULT_TAG_GROUP_THRESHOLD };
}

/** The `portal:` section: logo resolved against the config's folder, every colour and link checked at its place. */
export function parsePortalSettings(raw: RawPortalSettings | undefined, dir: string, fail: Fail): PortalSettings {
  const settings = defaultPortalSettings();
  if (raw === undefined) return settings;
  if (raw.title !== undefined) settings.title = raw.title;
  if (raw.logo !== undefined) settings.logo = parseLogo(raw.logo, dir, fail);
  const { dark, ...light } = raw.colors ?? {};
  settings.colors = {
    ...checkColors(light, "/portal/colors", fail),
    dark: checkColors(dark ?? {}, "/portal/colors/dark", fail),
  };
  settings.footer = (raw.footer ?? []).map((link, index) => {
    if (!isWebUrl(link.url))
      fail(
        `footer link is not an http(s) URL: ${link.url}`,
        `/portal/footer/${index}/url`,
        "give an absolute http:// or https:// URL, e.g. https://status.example.com",
      );
    return { label: link.label, url: link.url };
  });
  if (raw.tagGroupThreshold !== undefined) settings.tagGroupThreshold = raw.tagGroupThreshold;
  if (raw.oauth2 !== undefined) settings.oauth2 = { clientId: raw.oauth2.clientId, scopes: raw.oauth2.scopes ?? [] };
  return settings;
}

function parseLogo(logo: string, dir: string, fail: Fail): NonNullable<PortalSettings["logo"]> {
  const pointer = "/portal/logo";
  if (/^[a-z][a-z0-9+.-]*:/i.test(logo))
    fail(
      `the logo must be a local file, not a URL: ${logo}`,
      pointer,
      "save the image next to the config and give its path (the portal serves it itself: its pages load nothing from other origins)",
    );
  const extension = extname(logo).toLowerCase();
  const contentType = LOGO_TYPES[extension];
  if (contentType === undefined)
    fail(`unsupported logo type "${extension || logo}"`, pointer, `use one of ${Object.keys(LOGO_TYPES).join(", ")}`);
  const file = resolve(dir, logo);
  if (!existsSync(file) || !statSync(file).isFile())
    fail(`logo file not found: ${file}`, pointer, "give the image's path relative to the config file");
  return { file, contentType: contentType!, extension };
}

function checkColors(colors: PortalColors, at: string, fail: Fail): PortalColors {
  for (const [name, value] of Object.entries(colors)) {
    if (typeof value === "string" && !isCssColor(value))
      fail(
        `not a CSS colour: ${JSON.stringify(value)}`,
        joinPointer(at, name),
        'write a hex colour (#2c5cc5), rgb()/hsl() with numbers, or a named colour ("teal")',
      );
  }
  return colors;
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
