#!/usr/bin/env python3
"""Writes tshark 4.0's selections for ProtocolFilterConformanceTest: for each filter of FILTERS and each capture
of CAPTURES, the frames tshark's display filter keeps, as ranges ("1-4 9 12-13").

Run from the repository root with the shared corpus beside it:
    python3 app/src/test/resources/dev/cutover/filter/make-protocol-filters.py ../shared/captures

tshark runs as Cutover decodes: each frame on its own (no reassembly, no sequence analysis).
"""
import os
import subprocess
import sys

PREFS = ["-n", "-o", "tcp.relative_sequence_numbers:FALSE", "-o", "tcp.analyze_sequence_numbers:FALSE",
         "-o", "tcp.desegment_tcp_streams:FALSE"]
CAPTURES = ["mixed/1kxun.pcap", "mixed/alexa-app.pcapng", "mixed/example.pcap", "mixed/many-protocols.pcap",
            "mixed/smb3_multichannel.pcap", "arp/arppoison.pcapng", "arp/iphone.pcap", "arp/nmap-vsn.pcap",
            "arp/icmp_dot1q.pcap", "arp/packet_trailer.pcap"]
FILTERS = [
    "tcp", "udp", "icmp", "dns", "llmnr", "mdns", "ssdp",
    "tcp.port == 443", "tcp.port == 80 || tcp.port == 8080", "udp.port == 53", "udp.port == 1900",
    "tcp.srcport < 1024", "tcp.dstport in {80, 443}",
    "tcp.flags.syn == 1", "tcp.flags.syn == 1 && tcp.flags.ack == 0", "tcp.flags.reset == 1", "tcp.flags.fin",
    "tcp.flags.push == 1 and tcp.flags.ack == 1", "tcp.flags.ece == 1 || tcp.flags.cwr == 1",
    "tcp.flags & 0x012 == 0x012", "tcp.flags.str contains \"S\"",
    "tcp.len > 1000", "tcp.window_size_value < 1000", "tcp.options", "tcp.seq_raw == 0 || tcp.ack_raw == 0",
    "icmp.type == 8", "icmp.type == 0 || icmp.type == 3", "icmp.code != 0", "icmp.seq_le > 1000",
    "dns.flags.response == 1", "dns.flags.rcode == 3", "dns.qry.type == 1", "dns.qry.type == 28",
    "dns.qry.name == \"www.google.com\"", "dns.qry.name contains \"google\"", "dns.count.answers > 3",
    "dns.a == 173.194.78.104", "dns.a == 212.199.219.0/24", "dns.resp.type == 5",
    "len(eth.src) == 6", "len(ip.src) == 4", "len(dns.qry.name) > 10", "len(dns.qry.name) == 14",
    "len(tcp.options) >= 12", "len(tcp) > 20", "len(frame.comment) > 3", "len(tcp.port) == 2",
    "len(ip.src) == len(ip.dst) && len(dns.qry.name) < 8",
    "ip.src == 10.0.0.0/8", "ip.addr == 192.168.0.0/16", "ip.dst != 224.0.0.0/4",
    "ipv6", "ipv6.src == fe80::/10", "ipv6.dst == ff02::/16", "ipv6.addr == 2000::/3", "ipv6.addr != fe80::/10",
    "ipv6.src == 2a00:1450::/32", "icmpv6.type == 135 || icmpv6.type == 136",
]


def ranges(numbers):
    out = []
    for n in numbers:
        if out and out[-1][1] == n - 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return " ".join(str(a) if a == b else f"{a}-{b}" for a, b in out)


def main():
    captures = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    lines = ["# filter\tcapture\tframes tshark 4.0 keeps (see make-protocol-filters.py)"]
    for capture in CAPTURES:
        for f in FILTERS:
            out = subprocess.run(["tshark", "-r", os.path.join(captures, capture)] + PREFS
                                 + ["-Y", f, "-T", "fields", "-e", "frame.number"],
                                 check=True, capture_output=True, text=True).stdout
            lines.append(f"{f}\t{capture}\t{ranges([int(x) for x in out.split()])}")
    with open(os.path.join(here, "protocol-filters.tsv"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
