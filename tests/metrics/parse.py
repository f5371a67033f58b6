"""Parses Prometheus text with the official Python client's parser (Debian's
python3-prometheus-client), for the metrics tests.

Usage: python3 tests/metrics/parse.py < metrics.txt

Prints one JSON object: {family: {"type": ..., "samples": [[name, labels, value], ...]}}.
Exits non-zero, with the parser's message, if the text is not valid.
"""

import json
import sys

from prometheus_client.parser import text_string_to_metric_families


def main():
    families = {}
    for family in text_string_to_metric_families(sys.stdin.read()):
        families[family.name] = {
            "type": family.type,
            "samples": [[s.name, s.labels, s.value] for s in family.samples],
        }
    print(json.dumps(families))


if __name__ == "__main__":
    main()
