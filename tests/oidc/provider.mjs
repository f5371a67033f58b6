// A real OpenID Provider for the tests (the certified Node `oidc-provider`), on a
// loopback port. Staff sign in through it (authorization code with PKCE), and the mail
// worker takes its SMTP token from it (client credentials), as from Microsoft Entra.
//
// Usage: node tests/oidc/provider.mjs CONFIG.json
//   { "port": 4400, "issuer": "http://localhost:4400",
//     "clients": [ { client_id, client_secret, redirect_uris, grant_types, ... } ],
//     "ttl": { "ClientCredentials": 60, "IdToken": 3600 },   (optional, seconds)
//     "clock_offset_seconds": -7200 }                        (optional: a provider whose
//                                                             clock is wrong, for expired tokens)
// Anyone may log in at the development login page: the login name is the account, its
// `email` claim that name, `email_verified` true unless the name starts `unverified`,
// and `amr` ["pwd", "mfa"] when the name contains `mfa`, else ["pwd"].
// Prints `ready` once listening.
import fs from "node:fs";
import Provider from "oidc-provider";

const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

if (config.clock_offset_seconds) {
  const realNow = Date.now;
  Date.now = () => realNow() + config.clock_offset_seconds * 1000;
}

const provider = new Provider(config.issuer, {
  clients: config.clients,
  // Email and amr in the ID token itself, as Entra sends them.
  conformIdTokenClaims: false,
  // `amr` with `openid` too, as providers that send it put it in the ID token unasked
  // (the site asks for `openid email` only).
  claims: { openid: ["sub", "amr"], email: ["email", "email_verified"], amr: ["amr"] },
  scopes: ["openid", "email", "amr"],
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
  },
  pkce: { required: () => true },
  ttl: { ...(config.ttl ?? {}) },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: id,
          email_verified: !id.startsWith("unverified"),
          amr: id.includes("mfa") ? ["pwd", "mfa"] : ["pwd"],
        };
      },
    };
  },
});
// The ID token's `amr` is the login's (the session's), which the development login page
// leaves empty: give it the account's, as the header says.
const finished = provider.interactionFinished.bind(provider);
provider.interactionFinished = (req, res, result, options) => {
  const id = result?.login?.accountId;
  if (id && !result.login.amr) {
    result.login.amr = id.includes("mfa") ? ["pwd", "mfa"] : ["pwd"];
  }
  return finished(req, res, result, options);
};
// The test sites reach it over plain HTTP on loopback.
provider.proxy = true;

const server = provider.listen(config.port, "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
