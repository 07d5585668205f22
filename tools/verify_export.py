#!/usr/bin/env python3
"""Checks the links of the tamper-evident chain in an export of GET /api/events/ (standard library only).

Usage: verify_export.py [FILE.ndjson ...]   (reads standard input without a file)

Reads NDJSON lines as the export writes them, unfiltered and in position order (pages fetched with
after=<last position> may be concatenated), and checks that each line's prevHash is the previous line's
hash (or 64 zeros at position 1) and that hash = SHA-256(prevHash || digest) over the raw bytes. Prints
the last position and hash, to compare with GET /api/audit/head/ or with a head kept earlier. Exit status
0 when every link holds, 1 at the first that does not.
"""
import fileinput
import hashlib
import json
import sys

GENESIS = "0" * 64


def main():
    previous = None  # (position, hash) of the line before
    checked = 0
    for number, text in enumerate(fileinput.input(), start=1):
        if not text.strip():
            continue
        line = json.loads(text)
        position, digest, prev_hash, hash_ = line["position"], line["digest"], line["prevHash"], line["hash"]
        if previous is None and position == 1 and prev_hash != GENESIS:
            return fail(number, position, "position 1 must follow 64 zeros")
        if previous is not None:
            if position != previous[0] + 1:
                return fail(number, position, f"follows position {previous[0]}: a gap, or a filtered export")
            if prev_hash != previous[1]:
                return fail(number, position, "prevHash is not the previous line's hash")
        if hashlib.sha256(bytes.fromhex(prev_hash) + bytes.fromhex(digest)).hexdigest() != hash_:
            return fail(number, position, "hash is not SHA-256(prevHash || digest)")
        previous = (position, hash_)
        checked += 1
    if previous is None:
        print("no events")
        return 0
    print(f"ok: {checked} links checked, last position {previous[0]} hash {previous[1]}")
    return 0


def fail(number, position, reason):
    print(f"line {number} (position {position}): {reason}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
