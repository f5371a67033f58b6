"""A real SMTP server for the tests (aiosmtpd), on a loopback port.

Usage: python3 tests/smtp/server.py PORT FOLDER

Every message is written to FOLDER as NNNNNN.eml (whole, then renamed), with its
envelope recipients in NNNNNN.rcpt. Recipients starting with `reject` get a permanent
550; those starting with `tempfail` a temporary 451. Prints `ready` once listening.
"""

import itertools
import pathlib
import signal
import sys

from aiosmtpd.controller import Controller


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


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Capture(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (controller.stop(), sys.exit(0)))
    signal.pause()


if __name__ == "__main__":
    main()
