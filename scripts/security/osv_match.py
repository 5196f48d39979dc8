"""Matches 'group:artifact version' lines against OSV advisories (ecosystem Maven) in a folder.

Usage: python3 osv_match.py OSV_DIR DEPENDENCIES_FILE. Prints each affected library with the
advisory id, summary and the first fixed version; exit status 1 if any, 0 if none.
"""
import json
import os
import re
import sys


def version_key(v):
    """Maven-like ordering: the numeric release (trailing zeros ignored), then qualifiers
    (alpha < beta < M < RC) before the plain release; Final/GA count as the release."""
    tokens = [t for t in re.split(r"[.\-]", v) if t]
    numbers = []
    while tokens and tokens[0].isdigit():
        numbers.append(int(tokens.pop(0)))
    while numbers and numbers[-1] == 0:
        numbers.pop()
    rest = [t.lower() for t in tokens if t.lower() not in ("final", "ga", "release")]
    if not rest:
        return (tuple(numbers), (1,))
    qualifiers = []
    for t in rest:
        m = re.match(r"([a-z]*)(\d*)", t)
        qualifiers.append((m.group(1), int(m.group(2) or 0)))
    return (tuple(numbers), (0, tuple(qualifiers)))


def affected(version, ranges, versions):
    if version in versions:
        return True
    key = version_key(version)
    for r in ranges:
        if r.get("type") not in ("ECOSYSTEM", None):
            continue
        introduced, fixed, last = None, None, None
        for event in r.get("events", []):
            introduced = event.get("introduced", introduced)
            fixed = event.get("fixed", fixed)
            last = event.get("last_affected", last)
        low_ok = introduced in (None, "0") or version_key(introduced) <= key
        high_ok = (fixed is None or key < version_key(fixed)) and (last is None or key <= version_key(last))
        if low_ok and high_ok:
            return True
    return False


def main(osv_dir, deps_file):
    deps = {}
    for line in open(deps_file):
        if line.strip():
            name, version = line.split()
            deps[name] = version
    findings = []
    for folder, _, files in os.walk(osv_dir):
        for f in files:
            if not f.endswith(".json"):
                continue
            try:
                doc = json.load(open(os.path.join(folder, f)))
            except (ValueError, OSError):
                continue
            if doc.get("withdrawn"):
                continue
            for a in doc.get("affected", []):
                pkg = a.get("package", {})
                if pkg.get("ecosystem") != "Maven" or pkg.get("name") not in deps:
                    continue
                version = deps[pkg["name"]]
                if affected(version, a.get("ranges", []), set(a.get("versions", []))):
                    fixed = [e["fixed"] for r in a.get("ranges", []) for e in r.get("events", []) if "fixed" in e]
                    findings.append("%s %s: %s %s (fixed in %s)" % (pkg["name"], version, doc.get("id"),
                                    doc.get("summary", "")[:100], ", ".join(fixed) or "no fix"))
    for line in sorted(set(findings)):
        print("AFFECTED " + line)
    print("%d advisories match the %d shipped libraries" % (len(set(findings)), len(deps)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
