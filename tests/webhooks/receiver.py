#!/usr/bin/env python3
"""A receiver for the site's signed webhooks (Standard Webhooks), with Python's standard
library and the `standardwebhooks` package (pip install standardwebhooks==1.3.0).

It verifies each POST's signature with the route's secret, answers 401 to a bad or
missing one, 204 to a good one, and records each verified delivery as a JSON file in a
folder. The `webhook-id` is the same on every retry of one event, so a receiver that has
seen an id already should do nothing more with it (this one answers 204 and records the
repeat as such). Then fetch the request from the body's `data.url` with the service's API
key: the body never holds the person's answers.

    WEBHOOK_SECRET=whsec_... python3 receiver.py PORT FOLDER [--unavailable N]

`--unavailable N` answers 503 to the first N requests (to try the site's retries). The
tests run this file (tests/app/webhooks.rs). It prints `ready` once it listens.
"""

import argparse
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--unavailable", type=int, default=0, metavar="N",
                        help="answer 503 to the first N requests")
    args = parser.parse_args()
    secret = os.environ.get("WEBHOOK_SECRET", "")
    if not secret:
        sys.exit("set WEBHOOK_SECRET to the route's secret (whsec_...)")
    webhook = Webhook(secret)
    args.folder.mkdir(parents=True, exist_ok=True)
    lock = threading.Lock()
    state = {"unavailable": args.unavailable, "seen": set(), "count": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length)
            with lock:
                if state["unavailable"] > 0:
                    state["unavailable"] -= 1
                    return self.answer(503)
                headers = {k: v for k, v in self.headers.items()}
                try:
                    event = webhook.verify(body, headers)
                except WebhookVerificationError:
                    state["count"] += 1
                    (args.folder / f"refused-{state['count']:04}.txt").write_text("401\n")
                    return self.answer(401)
                message_id = self.headers["webhook-id"]
                repeat = message_id in state["seen"]
                state["seen"].add(message_id)
                state["count"] += 1
                record = {
                    "id": message_id,
                    "timestamp": self.headers["webhook-timestamp"],
                    "repeat": repeat,
                    "event": event,
                    "body": body.decode("utf-8"),
                }
                path = args.folder / f"delivery-{state['count']:04}.json"
                path.with_suffix(".tmp").write_text(json.dumps(record))
                path.with_suffix(".tmp").rename(path)
                # A repeat is answered as a success too: the site then stops sending it.
                return self.answer(204)

        def answer(self, status: int) -> None:
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *_args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
