// `specwright demo` (what `npm start` runs): generate every API of specwright.config.yaml, then serve the portal over
// the specs folder with mock backends, and open it in a browser when there is one.
import { spawn } from "node:child_process";
import { relative } from "node:path";
import type { Command } from "commander";
import { runGenerate } from "./generate.js";
import { ALLOWED_HOSTS_OPTION, parsePort, servePortal } from "./portal.js";
import { EXIT_OK, reportFailure } from "./errors.js";

interface DemoOptions {
  specs: string;
  port: number;
  host: string;
  allowedHosts: string[];
  open: boolean;
  config?: string;
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      "generate the client and server of every API in specwright.config.yaml, then serve the portal over the specs (what `npm start` runs)",
    )
    .option("-s, --specs <dir>", "folder holding the specs", "./specs")
    .option("-p, --port <port>", "portal port (0 picks a free one)", parsePort, 8080)
    .option("--host <host>", "interface to listen on", "localhost")
    .option(...ALLOWED_HOSTS_OPTION)
    .option("--no-open", "do not open a browser")
    .option("-c, --config <file>", "config file (default: the nearest specwright.config.yaml)")
    .action(async (options: DemoOptions) => {
      try {
        const config = options.config !== undefined ? { config: options.config } : {};
        const code = await runGenerate(undefined, { conventions: true, ...config });
        if (code !== EXIT_OK) {
          process.exitCode = code;
          return;
        }
        const running = await servePortal({
          specs: options.specs,
          port: options.port,
          host: options.host,
          allowedHosts: options.allowedHosts,
          corsOrigin: [],
          watch: true,
          indexInBackground: false,
          ...config,
        });
        const apis = running.catalog.entries().length;
        process.stdout.write(
          [
            "",
            `portal: ${running.url}  (${apis} API versions: Redoc, Swagger UI with mock backends, lint reports, changelogs)`,
            `generated code: ${relative(process.cwd(), "gen") || "gen"}/  (clients, Express servers; implement handlers.ts)`,
            "edit a spec under specs/ and the portal reloads; Ctrl-C stops",
            "",
          ].join("\n"),
        );
        if (options.open) openBrowser(running.url);
      } catch (error) {
        reportFailure(error);
      }
    });
}

/** Best effort, and only where a person can see it: never in CI, never on a Linux box without a display. */
function openBrowser(url: string): void {
  if (process.env.CI) return;
  const command =
    process.platform === "darwin"
      ? ["open", url]
      : process.platform === "win32"
        ? ["cmd", "/c", "start", "", url]
        : process.env.DISPLAY || process.env.WAYLAND_DISPLAY
          ? ["xdg-open", url]
          : undefined;
  if (!command) return;
  const [file, ...args] = command as [string, ...string[]];
  const child = spawn(file, args, { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
}
