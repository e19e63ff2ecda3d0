#!/usr/bin/env python3
"""Writes tshark 4.0's cross-frame facts of ICMP echo and TCP for TrafficConformanceTest (traffic.txt), and the
echo replies' response times for ResponseTimeConformanceTest (resptime.txt).

Run from the repository root with the shared corpus beside it:
    python3 app/src/test/resources/dev/cutover/dissect/tshark/make-traffic.py ../shared/captures

tshark runs in its two-pass mode (-2) with its default preferences, so icmp.resp_in / icmp.resp_to /
icmp.no_resp and tcp.stream / tcp.analysis.{retransmission,fast_retransmission,spurious_retransmission} are
what a Wireshark user sees. Every capture of arp/, mixed/ and realworld/ is read. A frame is compared when tshark
decodes it from Ethernet or Linux SLL through what Cutover decodes before the network layer (802.1Q/ad/ah, LLC)
to IPv4 or IPv6 and straight to TCP or ICMP; frames with facts that are not (ARCnet, PPPoE, tunnels) are listed
on a "skip" line. Format, per capture: "= path", "skip ranges", then "frame<TAB>facts" for each compared frame
with any fact: in=N, to=N, no, s=N, r (retransmission), f (fast), sp (spurious); frames not listed have none.
resptime.txt: per capture with any, "= path", then "frame<TAB>icmp.resptime as tshark -T fields prints it" for
each compared frame that has one.
"""
import os
import subprocess
import sys

VALUES = ["icmp.resp_in", "icmp.resp_to", "tcp.stream"]
FLAGS = [("icmp.no_resp", "no"), ("tcp.analysis.retransmission", "r"),
         ("tcp.analysis.fast_retransmission", "f"), ("tcp.analysis.spurious_retransmission", "sp")]
LINK = {"eth", "ethertype", "vlan", "ieee8021ad", "ieee8021ah", "sll", "llc", "snap"}


def tshark(args):
    return subprocess.run(["tshark", "-2", "-n"] + args, check=True, capture_output=True, text=True).stdout


def ranges(numbers):
    out = []
    for n in numbers:
        if out and out[-1][1] == n - 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in out)


def comparable(protocols):
    if not (protocols.startswith("eth:") or protocols.startswith("sll:")):
        return False
    layers = protocols.split(":")
    net = next((k for k, p in enumerate(layers) if p in ("ip", "ipv6")), None)
    return net is not None and all(p in LINK for p in layers[:net]) and layers[net + 1:net + 2] in (["tcp"], ["icmp"])


def main():
    captures = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    lines = ["# tshark 4.0 -2: echo pairing, TCP streams and retransmissions (see make-traffic.py)"]
    times = ["# tshark 4.0 -2: icmp.resptime of each echo reply whose request was seen (see make-traffic.py)"]
    for folder in ("arp", "mixed", "realworld"):
        for name in sorted(os.listdir(os.path.join(captures, folder))):
            if not (name.endswith(".pcap") or name.endswith(".pcapng") or name.endswith(".gz")):
                continue
            path = os.path.join(captures, folder, name)
            rows = tshark(["-r", path, "-T", "fields", "-E", "separator=\t", "-e", "frame.protocols"]
                          + [a for f in VALUES for a in ("-e", f)] + ["-e", "icmp.resptime"]).splitlines()
            flagged = {}
            for field, token in FLAGS:
                for n in tshark(["-r", path, "-Y", field, "-T", "fields", "-e", "frame.number"]).split():
                    flagged.setdefault(int(n), []).append(token)
            facts = {}
            skip = []
            resptimes = []
            for i, row in enumerate(rows, 1):
                cells = (row.split("\t") + [""] * 5)[:5]
                if cells[4] and comparable(cells[0]):
                    resptimes.append(f"{i}\t{cells[4]}")
                tokens = []
                if cells[1]:
                    tokens.append("in=" + cells[1])
                if cells[2]:
                    tokens.append("to=" + cells[2])
                if cells[3]:
                    tokens.append("s=" + cells[3])
                tokens += flagged.get(i, [])
                if not comparable(cells[0]):
                    if tokens:
                        skip.append(i)
                    continue
                if tokens:
                    facts[i] = " ".join(tokens)
            if resptimes:
                times.append(f"= {folder}/{name}")
                times += resptimes
            if not facts and not skip:
                continue
            lines.append(f"= {folder}/{name}")
            if skip:
                lines.append("skip " + ranges(skip))
            lines += [f"{n}\t{t}" for n, t in sorted(facts.items())]
    with open(os.path.join(here, "traffic.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(here, "resptime.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(times) + "\n")


if __name__ == "__main__":
    main()
