"""Lists the third-party Java libraries inside a built seed.ear, one 'group:artifact version' a line.

Usage: python3 list_shipped.py EAR_FILE. Reads what the archive really holds (lib/, the EJB
module, the WAR's WEB-INF/lib), not what a local Maven repository happens to have, so it gives the
same answer on a fresh machine as on a warm one. Each jar's coordinates come from its
META-INF/maven/<group>/<artifact>/pom.properties; a jar without one is listed as
'unknown:<file name>' so that it is seen, not skipped. Seed's own modules (ai.seed) are left out.
"""
import io
import re
import sys
import zipfile


def coordinates(jar_name, jar_bytes_or_file):
    with zipfile.ZipFile(jar_bytes_or_file) as jar:
        found = []
        for name in jar.namelist():
            if re.fullmatch(r"META-INF/maven/[^/]+/[^/]+/pom\.properties", name):
                props = dict(
                    line.split("=", 1) for line in jar.read(name).decode("utf-8", "replace").splitlines()
                    if "=" in line and not line.startswith("#"))
                if {"groupId", "artifactId", "version"} <= props.keys():
                    found.append((props["groupId"].strip(), props["artifactId"].strip(), props["version"].strip()))
    if not found:
        base = jar_name.rsplit("/", 1)[-1]
        return [("unknown", base[:-4] if base.endswith(".jar") else base, "?")]
    # A shaded jar carries its parts' pom.properties too: the one whose artifact starts the file
    # name is the jar itself.
    base = jar_name.rsplit("/", 1)[-1]
    own = [c for c in found if base.startswith(c[1] + "-")]
    return own or found


def main(ear_path):
    seen = set()
    with zipfile.ZipFile(ear_path) as ear:
        for name in ear.namelist():
            if name.endswith(".jar"):
                seen.update(coordinates(name, io.BytesIO(ear.read(name))))
            elif name.endswith(".war"):
                with zipfile.ZipFile(io.BytesIO(ear.read(name))) as war:
                    for inner in war.namelist():
                        if inner.startswith("WEB-INF/lib/") and inner.endswith(".jar"):
                            seen.update(coordinates(inner, io.BytesIO(war.read(inner))))
    for group, artifact, version in sorted(seen):
        if group != "ai.seed":
            print("%s:%s %s" % (group, artifact, version))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
