#!/usr/bin/env python3
"""Writes tshark 4.0's ARP duplicate address reports for DuplicateAddressConformanceTest (duplicate-address.txt).

Run from the repository root with the shared corpus beside it:
    python3 app/src/test/resources/dev/cutover/dissect/tshark/make-duplicate-address.py ../shared/captures

tshark runs in its two-pass mode (-2) with its default preferences (arp.detect_duplicate_ips on), so each frame
shows what the Wireshark window shows when the frame is clicked: packet-arp.c stores its reports in the first pass,
keyed by frame and address, and looks them up when the frame is shown again. Every capture of arp/, mixed/ and
realworld/ is read and listed, with no lines when tshark reports nothing on it. Per capture: "= path", then for
each frame tshark matches with arp.duplicate-address-detected:
    frame<TAB>arp.duplicate-address-frame<TAB>arp.seconds-since-duplicate-address-frame<TAB>Info tail
where the values are as -T fields prints them (comma-joined when a frame has two reports), the Info tail is
" (duplicate use of IP detected!)" (wherever it is in Info: "[Malformed Packet]" may follow it) or empty, and one "  [Duplicate IP address detected for ...]" line follows
per report, the headings of the frame's -V tree in order. A "# one pass:" comment line names the frames whose
headings differ in tshark's one-pass mode (a frame's tree then shows the first pass's own checks).
"""
import os
import re
import subprocess
import sys

# what packet-arp.c appends to Info; a later exception may append "[Malformed Packet]" after it
TAIL = re.compile(r" \(duplicate use of [^)]* detected!\)")
FIELDS = ["frame.number", "arp.duplicate-address-frame", "arp.seconds-since-duplicate-address-frame", "_ws.col.Info"]


def tshark(args):
    return subprocess.run(["tshark", "-n"] + args, check=True, capture_output=True, text=True).stdout


def headings(path, two_pass):
    out = {}
    frame = None
    text = tshark((["-2"] if two_pass else []) + ["-r", path, "-Y", "arp.duplicate-address-detected", "-V"])
    for line in text.splitlines():
        m = re.match(r"Frame (\d+): ", line)
        if m:
            frame = int(m.group(1))
        elif line.startswith("[Duplicate IP address detected for "):
            out.setdefault(frame, []).append(line)
    return out


def main():
    captures = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    lines = ["# tshark 4.0 -2: ARP duplicate address reports (see make-duplicate-address.py)"]
    for folder in ("arp", "mixed", "realworld"):
        for name in sorted(os.listdir(os.path.join(captures, folder))):
            if not (name.endswith(".pcap") or name.endswith(".pcapng") or name.endswith(".gz")):
                continue
            path = os.path.join(captures, folder, name)
            lines.append(f"= {folder}/{name}")
            rows = tshark(["-2", "-r", path, "-Y", "arp.duplicate-address-detected", "-T", "fields",
                           "-E", "separator=\t"] + [a for f in FIELDS for a in ("-e", f)]).splitlines()
            if not rows:
                continue
            two = headings(path, True)
            one = headings(path, False)
            differ = sorted(n for n in set(one) | set(two) if one.get(n) != two.get(n))
            if differ:
                lines.append("# one pass: " + " ".join(str(n) for n in differ))
            for row in rows:
                number, frames, seconds, info = (row.split("\t") + [""] * 4)[:4]
                m = TAIL.search(info)
                lines.append(f"{number}\t{frames}\t{seconds}\t{m.group(0) if m else ''}")
                lines += ["  " + h for h in two.get(int(number), [])]
    target = os.path.join(here, "duplicate-address.txt")
    with open(target + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(target + ".tmp", target)


if __name__ == "__main__":
    main()
