// A small OAuth 2.0 authorization server on loopback for the browser test: authorization code with PKCE only
// (RFC 6749 §4.1, RFC 7636 with S256), one public client; it records what it was asked so the test can check.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeAuthorizationServer {
  url: string;
  accessToken: string;
  /** Every refusal, with its reason: a passing flow leaves this empty. */
  refusals: string[];
  /** The code challenges authorized, and the tokens issued. */
  authorized: { clientId: string; challenge: string; redirectUri: string }[];
  issued: string[];
  close(): Promise<void>;
}

const base64url = (bytes: Buffer) => bytes.toString("base64url");

export async function startFakeAuthorizationServer(
  clientId: string,
  allowedOrigin: () => string,
): Promise<FakeAuthorizationServer> {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const state: Omit<FakeAuthorizationServer, "url" | "close"> = {
    accessToken: `tok-${base64url(randomBytes(9))}`,
    refusals: [],
    authorized: [],
    issued: [],
  };
  const refuse = (res: ServerResponse, reason: string) => {
    state.refusals.push(reason);
    res
      .writeHead(400, { "content-type": "application/json", "access-control-allow-origin": allowedOrigin() })
      .end(JSON.stringify({ error: "invalid_request", error_description: reason }));
  };

  const authorize = (url: URL, res: ServerResponse) => {
    const q = url.searchParams;
    if (q.get("response_type") !== "code") return refuse(res, `response_type ${q.get("response_type")}`);
    if (q.get("client_id") !== clientId) return refuse(res, `client_id ${q.get("client_id")}`);
    if (q.get("code_challenge_method") !== "S256")
      return refuse(res, `code_challenge_method ${q.get("code_challenge_method")}`);
    const challenge = q.get("code_challenge") ?? "";
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return refuse(res, `code_challenge ${challenge}`);
    const redirectUri = q.get("redirect_uri") ?? "";
    if (!redirectUri.startsWith(allowedOrigin() + "/")) return refuse(res, `redirect_uri ${redirectUri}`);
    const code = base64url(randomBytes(12));
    codes.set(code, { challenge, redirectUri });
    state.authorized.push({ clientId, challenge, redirectUri });
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    if (q.has("state")) back.searchParams.set("state", q.get("state")!);
    res.writeHead(302, { location: back.href }).end();
  };

  const token = (body: URLSearchParams, res: ServerResponse) => {
    if (body.get("grant_type") !== "authorization_code") return refuse(res, `grant_type ${body.get("grant_type")}`);
    const grant = codes.get(body.get("code") ?? "");
    if (!grant) return refuse(res, "unknown code");
    codes.delete(body.get("code")!);
    if (body.get("client_id") !== clientId) return refuse(res, `token client_id ${body.get("client_id")}`);
    if (body.get("redirect_uri") !== grant.redirectUri)
      return refuse(res, `token redirect_uri ${body.get("redirect_uri")}`);
    // RFC 7636 §4.6: BASE64URL(SHA256(code_verifier)) == code_challenge.
    const verifier = body.get("code_verifier") ?? "";
    if (base64url(createHash("sha256").update(verifier).digest()) !== grant.challenge)
      return refuse(res, "code_verifier does not match the challenge");
    state.issued.push(state.accessToken);
    res.writeHead(200, {
      "content-type": "application/json",
      "cache-control": "no-store",
      "access-control-allow-origin": allowedOrigin(),
    });
    res.end(JSON.stringify({ access_token: state.accessToken, token_type: "Bearer", expires_in: 3600 }));
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "OPTIONS") {
      res
        .writeHead(204, {
          "access-control-allow-origin": allowedOrigin(),
          "access-control-allow-methods": "POST",
          "access-control-allow-headers": "content-type, accept, x-requested-with",
        })
        .end();
      return;
    }
    if (req.method === "GET" && url.pathname === "/authorize") return authorize(url, res);
    if (req.method === "POST" && url.pathname === "/token") {
      let text = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (text += chunk));
      req.on("end", () => token(new URLSearchParams(text), res));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
