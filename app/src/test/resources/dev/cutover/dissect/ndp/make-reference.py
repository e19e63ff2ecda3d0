#!/usr/bin/env python3
"""Writes tshark 4.0's decode of ndp.pcap and ndp-snap70.pcap (made by dev.cutover.samples.NdpCapture) for
Ipv6ConformanceTest, as ndp.pcap.json and ndp-snap70.pcap.json.

Run from the repository root:
    python3 app/src/test/resources/dev/cutover/dissect/ndp/make-reference.py

The form is the shared corpus's references (tshark -n -T json -e ...), with the Protocol and Info columns
added as _ws.col.Protocol and _ws.col.Info. The "(request in N)" / "(reply in N)" / "(no response found!)"
tail of an echo's Info needs the other frame (Cutover decodes each frame on its own) and is cut off.
"""
import json
import os
import re
import subprocess

FIELDS = ["frame.number", "frame.protocols", "_ws.col.Protocol", "_ws.col.Info", "eth.dst", "eth.src", "eth.type",
          "ipv6.version", "ipv6.tclass", "ipv6.tclass.dscp", "ipv6.tclass.ecn", "ipv6.flow", "ipv6.plen", "ipv6.nxt",
          "ipv6.hlim", "ipv6.src", "ipv6.dst", "ipv6.addr", "ipv6.plen_exceeds_framing",
          "ipv6.hopopts.nxt", "ipv6.hopopts.len", "ipv6.hopopts.len_oct",
          "ipv6.dstopts.nxt", "ipv6.dstopts.len", "ipv6.dstopts.len_oct",
          "icmpv6.type", "icmpv6.code", "icmpv6.checksum", "icmpv6.checksum.status", "icmpv6.checksum_bad.expert",
          "icmpv6.echo.identifier", "icmpv6.echo.sequence_number",
          "icmpv6.nd.ra.cur_hop_limit", "icmpv6.nd.ra.flag", "icmpv6.nd.ra.router_lifetime",
          "icmpv6.nd.ra.reachable_time", "icmpv6.nd.ra.retrans_timer", "icmpv6.nd.ns.target_address",
          "icmpv6.nd.na.flag", "icmpv6.nd.na.flag.r", "icmpv6.nd.na.flag.s", "icmpv6.nd.na.flag.o",
          "icmpv6.nd.na.flag.rsv", "icmpv6.nd.na.target_address", "icmpv6.opt", "icmpv6.opt.type",
          "icmpv6.opt.length", "icmpv6.opt.linkaddr", "icmpv6.opt.src_linkaddr", "icmpv6.opt.target_linkaddr",
          "icmpv6.invalid_option_length", "icmpv6.opt.mtu", "icmpv6.opt.prefix.length", "icmpv6.opt.prefix.flag",
          "icmpv6.opt.prefix.valid_lifetime", "icmpv6.opt.prefix.preferred_lifetime", "icmpv6.opt.prefix",
          "icmpv6.mldr.nb_mcast_records", "icmpv6.mldr.mar", "icmpv6.mldr.mar.record_type",
          "icmpv6.mldr.mar.aux_data_len", "icmpv6.mldr.mar.nb_sources", "icmpv6.mldr.mar.multicast_address",
          "icmpv6.mldr.mar.source_address", "data.data", "data.len"]
ECHO_TAIL = re.compile(r" \((request|reply) in \d+\)$| \(no response found!\)$")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name in ("ndp.pcap", "ndp-snap70.pcap"):
        reference(os.path.join(here, name))


def reference(capture):
    out = subprocess.run(["tshark", "-n", "-r", capture, "-T", "json"] + [a for f in FIELDS for a in ("-e", f)],
                         check=True, capture_output=True, text=True).stdout
    frames = json.loads(out)
    for frame in frames:
        layers = frame["_source"]["layers"]
        if "_ws.col.Info" in layers:
            layers["_ws.col.Info"] = [ECHO_TAIL.sub("", v) for v in layers["_ws.col.Info"]]
    target = capture + ".json"
    with open(target + ".tmp", "w", encoding="utf-8") as f:
        json.dump(frames, f, indent=2, ensure_ascii=False)
        f.write("\n")
    os.replace(target + ".tmp", target)


if __name__ == "__main__":
    main()
