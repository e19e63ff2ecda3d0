#!/usr/bin/env python3
"""Makes Cutover's bundled vendor table from the IEEE's public MA-L listing (oui.csv).

    python3 app/src/build/oui-table.py /usr/share/ieee-data/oui.csv 2022-08-27 \
        | gzip -9n > app/src/main/resources/dev/cutover/dissect/oui.txt.gz

One line per OUI in the IEEE's own oui.txt layout ("00-50-56 (hex)<TAB>VMware, Inc."), sorted, so
dev.cutover.dissect.Vendors reads it with the same parser as a registry a user names with --vendors.
"""
import csv
import sys


def main(path, as_of):
    names = {}
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        for registry, assignment, name, _address in rows:
            name = " ".join(name.split())
            if registry == "MA-L" and len(assignment) == 6 and name:
                names.setdefault(assignment.upper(), name)
    out = sys.stdout
    out.write("# The IEEE MA-L (OUI) public listing as Cutover ships it: one line per OUI.\n")
    out.write("# Source: IEEE Registration Authority oui.csv as of " + as_of
              + " (IEEE asserts no copyright in the listing).\n")
    out.write("# Made by app/src/build/oui-table.py; do not edit by hand.\n")
    for oui in sorted(names):
        out.write("%s-%s-%s (hex)\t%s\n" % (oui[0:2], oui[2:4], oui[4:6], names[oui]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
