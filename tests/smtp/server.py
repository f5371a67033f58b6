"""A real SMTP server for the tests (aiosmtpd), on a loopback port.

Usage: python3 tests/smtp/server.py PORT FOLDER
       python3 tests/smtp/server.py PORT FOLDER --xoauth2 INTROSPECTION_URL \
           RESOURCE_CLIENT_ID RESOURCE_CLIENT_SECRET EXPECTED_CLIENT_ID EXPECTED_USER

Every message is written to FOLDER as NNNNNN.eml (whole, then renamed), with its
envelope recipients in NNNNNN.rcpt. Recipients starting with `reject` get a permanent
550; those starting with `tempfail` a temporary 451. Prints `ready` once listening.

With `--xoauth2`, as Exchange Online: a log-in is required before any mail, and the
only mechanism offered is XOAUTH2 (plain SMTP on loopback, so `auth_require_tls` is
off). A log-in is accepted when the user is EXPECTED_USER and the OpenID provider's
introspection endpoint (asked as the resource server RESOURCE_CLIENT_ID) says the
bearer token is active and was issued to EXPECTED_CLIENT_ID; else 535. While a file
FOLDER/refuse-tokens exists every log-in is refused (a tenant that withdrew the
app's permission). Each accepted token is appended to FOLDER/tokens, for the tests to
count refreshes and to look for tokens in the site's logs, and each refused log-in
adds a line to FOLDER/refused.
"""

import asyncio
import base64
import itertools
import json
import logging
import pathlib
import signal
import sys
import urllib.parse
import urllib.request
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Capture:
    def __init__(self, folder):
        self.folder = pathlib.Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.numbers = itertools.count()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("reject"):
            return "550 5.1.1 Mailbox unavailable"
        if address.startswith("tempfail"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = f"{next(self.numbers):06d}"
        (self.folder / f"{name}.rcpt").write_text("\n".join(envelope.rcpt_tos))
        partial = self.folder / f".{name}.partial"
        partial.write_bytes(envelope.original_content or envelope.content)
        partial.rename(self.folder / f"{name}.eml")
        return "250 Message accepted"


class OAuthCapture(Capture):
    """Capture, logging in with XOAUTH2 tokens checked by the provider's introspection."""

    def __init__(self, folder, introspection, resource_id, resource_secret, client_id, user):
        super().__init__(folder)
        self.introspection = introspection
        self.resource = (resource_id, resource_secret)
        self.client_id = client_id
        self.user = user

    def active(self, token):
        """What the provider says of `token`: active, and whose (RFC 7662)."""
        request = urllib.request.Request(
            self.introspection,
            data=urllib.parse.urlencode({"token": token}).encode(),
            headers={
                "Authorization": "Basic "
                + base64.b64encode(":".join(self.resource).encode()).decode(),
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            said = json.load(response)
        return said.get("active") is True and said.get("client_id") == self.client_id

    def refuse(self):
        with open(self.folder / "refused", "a") as f:
            f.write("refused\n")
        return AuthResult(success=False, handled=False)  # 535

    async def auth_XOAUTH2(self, server, args):
        # lettre (as Outlook's clients) sends the initial response with the command:
        # base64("user=" USER "\x01auth=Bearer " TOKEN "\x01\x01").
        if len(args) != 2 or (self.folder / "refuse-tokens").exists():
            return self.refuse()
        try:
            fields = base64.b64decode(args[1], validate=True).decode().split("\x01")
            pairs = dict(f.split("=", 1) for f in fields if f)
            scheme, token = pairs["auth"].split(" ", 1)
        except (ValueError, KeyError, UnicodeDecodeError):
            return self.refuse()
        if pairs.get("user") != self.user or scheme != "Bearer":
            return self.refuse()
        loop = asyncio.get_running_loop()
        try:
            ok = await loop.run_in_executor(None, self.active, token)
        except OSError:
            return AuthResult(success=False, handled=False, message="454 4.7.0 Try again later")
        if not ok:
            return self.refuse()
        with open(self.folder / "tokens", "a") as f:
            f.write(token + "\n")
        return AuthResult(success=True, auth_data=pairs["user"])


def refuse_other_mechanisms(server, session, envelope, mechanism, auth_data):
    return AuthResult(success=False, handled=False)


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    if sys.argv[3:4] == ["--xoauth2"]:
        # aiosmtpd warns that AUTH without TLS is unsafe: true, and fine on loopback.
        warnings.simplefilter("ignore")
        logging.getLogger("mail.log").setLevel(logging.ERROR)
        controller = Controller(
            OAuthCapture(folder, *sys.argv[4:9]),
            hostname="127.0.0.1",
            port=port,
            auth_required=True,
            auth_require_tls=False,
            authenticator=refuse_other_mechanisms,
            auth_exclude_mechanism=["LOGIN", "PLAIN"],
        )
    else:
        controller = Controller(Capture(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (controller.stop(), sys.exit(0)))
    signal.pause()


if __name__ == "__main__":
    main()
