#!/usr/bin/env python3
"""Writes tshark 4.0's answers for the protocol conformance test (ProtocolConformanceTest).

Run from the repository root with the shared corpus beside it:
    python3 app/src/test/resources/dev/cutover/dissect/tshark/make-expected.py ../shared/captures

Cutover decodes each frame on its own, so tshark is run the same way: sequence numbers raw
(tcp.relative_sequence_numbers off), no sequence analysis, no reassembly, and the frames with SYN set are
decoded apart from the others, so no window scale learnt from a handshake is applied (Win= is the header's).
The "(request in N)" / "(reply in N)" / "(no response found!)" tail of ICMP echo Info needs the other frame
and is cut off. Frames are those tshark decodes from Ethernet or Linux SLL whose Protocol column names a
protocol Cutover decodes: every such frame of captures/arp, and a sample of captures/mixed. ICMPv6 is taken
only where the frame's first network layer is the IPv6 carrying it.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

PREFS = ["-n", "-o", "tcp.relative_sequence_numbers:FALSE", "-o", "tcp.analyze_sequence_numbers:FALSE",
         "-o", "tcp.desegment_tcp_streams:FALSE"]
PROTOCOLS = {"TCP", "UDP", "ICMP", "ICMPv6", "DNS", "LLMNR", "MDNS", "SSDP", "ARP", "RARP"}
FIELDS = ["ip.src", "ip.dst", "tcp.srcport", "tcp.dstport", "tcp.port", "tcp.seq_raw", "tcp.ack_raw",
          "tcp.hdr_len", "tcp.flags", "tcp.flags.res", "tcp.flags.ae", "tcp.flags.cwr", "tcp.flags.ece",
          "tcp.flags.urg", "tcp.flags.ack", "tcp.flags.push", "tcp.flags.reset", "tcp.flags.syn", "tcp.flags.fin",
          "tcp.flags.str", "tcp.window_size_value", "tcp.checksum", "tcp.urgent_pointer", "tcp.len", "tcp.options",
          "udp.srcport", "udp.dstport", "udp.length", "udp.checksum", "icmp.type", "icmp.code", "icmp.checksum",
          "icmp.ident", "icmp.seq", "icmp.seq_le", "dns.id", "dns.flags", "dns.flags.response", "dns.flags.opcode",
          "dns.flags.rcode", "dns.count.queries", "dns.count.answers", "dns.count.auth_rr", "dns.count.add_rr",
          "dns.qry.name", "dns.qry.type", "dns.qry.class", "dns.resp.name", "dns.resp.type", "dns.a",
          "http.request.method", "http.response.code",
          "ipv6.version", "ipv6.tclass", "ipv6.tclass.dscp", "ipv6.tclass.ecn", "ipv6.flow", "ipv6.plen", "ipv6.nxt",
          "ipv6.hlim", "ipv6.src", "ipv6.dst", "ipv6.addr", "ipv6.hopopts.nxt", "ipv6.hopopts.len",
          "icmpv6.type", "icmpv6.code", "icmpv6.checksum", "icmpv6.checksum.status", "icmpv6.echo.identifier",
          "icmpv6.echo.sequence_number", "icmpv6.nd.ns.target_address", "icmpv6.nd.na.flag.r",
          "icmpv6.nd.na.flag.s", "icmpv6.nd.na.flag.o", "icmpv6.nd.na.target_address", "icmpv6.opt.type",
          "icmpv6.opt.length", "icmpv6.opt.linkaddr", "icmpv6.opt.src_linkaddr", "icmpv6.opt.target_linkaddr",
          "icmpv6.mldr.nb_mcast_records", "icmpv6.mldr.mar.record_type", "icmpv6.mldr.mar.multicast_address"]
ICMP_TAIL = re.compile(r" \((request|reply) in \d+\)$| \(no response found!\)$")
# ARP's duplicate address detection compares with earlier frames.
ARP_TAIL = re.compile(r" \(duplicate use of [^)]* detected!\)$")
# What may come before the network layer: only what Cutover decodes (no PPPoE, MPLS, ...).
LINK = {"eth", "ethertype", "vlan", "ieee8021ad", "ieee8021ah", "sll", "llc", "snap"}
# In captures/mixed: every frame of the rarer protocols, one TCP frame in TCP_EVERY, at most MIXED_CAP per file.
TCP_EVERY = 25
MIXED_CAP = 400
# At most INFO_CAP Info lines and FIELDS_CAP field records per capture and protocol column; ARP's fields are
# TsharkConformanceTest's.
INFO_CAP = 150
FIELDS_CAP = 20


def tshark(args):
    return subprocess.run(["tshark"] + args, check=True, capture_output=True, text=True).stdout


def subset(path, numbers, out):
    """Writes the frames `numbers` (1-based, ascending) of `path` to `out`."""
    ranges = []
    for n in numbers:
        if ranges and ranges[-1][1] == n - 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    spec = [str(a) if a == b else f"{a}-{b}" for a, b in ranges]
    subprocess.run(["editcap", "-r", path, out] + spec, check=True, capture_output=True)


def decode(path, numbers, tmp):
    """Info, protocol column and field values of the frames `numbers`, decoded without the others."""
    if not numbers:
        return {}
    subset(path, numbers, tmp)
    rows = tshark(["-r", tmp] + PREFS + ["-T", "fields", "-E", "separator=\t", "-e", "_ws.col.Protocol",
                                         "-e", "_ws.col.Info"]).splitlines()
    layers = json.loads(tshark(["-r", tmp] + PREFS + ["-T", "json"] + [a for f in FIELDS for a in ("-e", f)]))
    assert len(rows) == len(numbers) == len(layers), path
    out = {}
    for n, row, layer in zip(numbers, rows, layers):
        protocol, info = row.split("\t", 1)
        out[n] = (protocol, ARP_TAIL.sub("", ICMP_TAIL.sub("", info)), layer["_source"]["layers"])
    return out


def main():
    captures = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    info_lines = []
    field_lines = []
    with tempfile.TemporaryDirectory() as t:
        tmp = os.path.join(t, "subset.pcap")
        for folder in ("arp", "mixed"):
            for name in sorted(os.listdir(os.path.join(captures, folder))):
                path = os.path.join(captures, folder, name)
                rows = tshark(["-r", path] + PREFS + ["-T", "fields", "-E", "separator=\t", "-e", "frame.number",
                                                      "-e", "frame.protocols", "-e", "_ws.col.Protocol",
                                                      "-e", "tcp.flags.syn"]).splitlines()
                chosen = []
                tcp_seen = 0
                for row in rows:
                    number, protocols, column, syn = (row.split("\t") + [""] * 4)[:4]
                    if not (protocols.startswith("eth:") or protocols.startswith("sll:")) or column not in PROTOCOLS:
                        continue
                    layers = protocols.split(":")
                    network = next((i for i, p in enumerate(layers) if p in ("ip", "ipv6", "arp")), len(layers))
                    if any(p not in LINK for p in layers[:network]) or "f5ethtrailer" in layers:
                        # F5's heuristic trailer dissector is not Cutover's; its errors change the Info column.
                        continue
                    if column == "ICMPv6" and layers[network:network + 1] != ["ipv6"]:
                        # ICMPv6 tunnelled in IPv4 (Teredo, CAPWAP's 802.11 frames) is beyond Cutover's decode.
                        continue
                    if folder == "mixed" and column == "TCP":
                        tcp_seen += 1
                        if tcp_seen % TCP_EVERY != 1:
                            continue
                    chosen.append((int(number), syn == "1"))
                    if folder == "mixed" and len(chosen) >= MIXED_CAP:
                        break
                decoded = decode(path, [n for n, s in chosen if not s], tmp)
                decoded.update(decode(path, [n for n, s in chosen if s], tmp))
                infos = {}
                fields = {}
                for n in sorted(decoded):
                    protocol, info, layer = decoded[n]
                    if protocol not in PROTOCOLS:
                        continue
                    infos[protocol] = infos.get(protocol, 0) + 1
                    if infos[protocol] <= INFO_CAP:
                        info_lines.append(f"{folder}/{name}\t{n}\t{protocol}\t{info}")
                    fields[protocol] = fields.get(protocol, 0) + 1
                    if protocol not in ("ARP", "RARP") and fields[protocol] <= FIELDS_CAP:
                        field_lines.append(json.dumps({"capture": f"{folder}/{name}", "frame": n, "fields": layer},
                                                      ensure_ascii=False, separators=(",", ":")))
    with open(os.path.join(here, "info.tsv"), "w", encoding="utf-8") as f:
        f.write("# capture\tframe\tprotocol column\tinfo column (tshark 4.0, see make-expected.py)\n")
        f.write("\n".join(info_lines) + "\n")
    with open(os.path.join(here, "fields.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(field_lines) + "\n")


if __name__ == "__main__":
    main()
