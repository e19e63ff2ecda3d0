package dev.cutover.samples;

import dev.cutover.capture.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;

/**
 * Rebuilds the sample captures of {@code sample-captures/}, deterministically (same code, same bytes): each
 * shows one migration situation, and {@code sample-captures/README.md} says what Cutover reports for it.
 * Usage: {@code SampleCaptures OUTPUT_FOLDER}.
 */
public final class SampleCaptures {
    static final long VM_MAC = mac("00:50:56:9d:b0:51");
    static final long VM_IP = ip("10.0.10.52");
    static final long T0 = 1_763_712_000_000_000_000L; // 2025-11-21T08:00:00Z
    static final long MS = 1_000_000L;
    static final long GATEWAY_MAC = mac("00:00:5e:00:01:0a");

    /** Every sample's file name, in the order the README lists them. */
    public static final List<String> FILES = List.of(
            "esxi-vmotion-vlan10.pcap",
            "esxi-team-vusb1.pcapng",
            "esxi-team-vusb2.pcapng",
            "esxi-notify-switches-off.pcap",
            "qemu-announce-self.pcap",
            "hyperv-live-migration.pcap",
            "silent-vm-rarp-no-garp.pcap",
            "duplicate-ip.pcap",
            "arp-spoof-sender-mismatch.pcap",
            "rarp-only-ethtype-8035.pcap",
            "esxi-vmotion-vlan10.pktcap.txt",
            "esxi-vmotion-vlan10.tcpdump-e.txt",
            "two-uplinks-nanosecond.pcapng",
            "vlan-mismatch.pcap",
            "esxi-vmotion-dual-stack.pcap",
            "kvm-linux-ipv4-only-announce.pcap",
            "ipv6-dad-conflict.pcap",
            "vmotion-ping-ok.pcap",
            "vmotion-ping-3-lost.pcap",
            "stale-forwarding-vmnic5.pcapng",
            "stale-forwarding-vusb2.pcapng",
            "silent-vm-dark.pcap",
            "vmotion-tcp-retransmissions.pcap");

    private SampleCaptures() {
    }

    public static void main(String[] args) throws IOException {
        writeAll(Path.of(args.length > 0 ? args[0] : "sample-captures"));
    }

    /** Writes every sample into {@code folder}. */
    public static void writeAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        esxiVmotionVlan10(folder.resolve("esxi-vmotion-vlan10.pcap"));
        esxiTeam(folder.resolve("esxi-team-vusb1.pcapng"), folder.resolve("esxi-team-vusb2.pcapng"));
        notifySwitchesOff(folder.resolve("esxi-notify-switches-off.pcap"));
        qemuAnnounceSelf(folder.resolve("qemu-announce-self.pcap"));
        hyperV(folder.resolve("hyperv-live-migration.pcap"));
        silentVm(folder.resolve("silent-vm-rarp-no-garp.pcap"));
        duplicateIp(folder.resolve("duplicate-ip.pcap"));
        arpSpoof(folder.resolve("arp-spoof-sender-mismatch.pcap"));
        rarpOnly(folder.resolve("rarp-only-ethtype-8035.pcap"));
        pktcapText(folder.resolve("esxi-vmotion-vlan10.pktcap.txt"));
        tcpdumpText(folder.resolve("esxi-vmotion-vlan10.tcpdump-e.txt"));
        twoUplinksNanosecond(folder.resolve("two-uplinks-nanosecond.pcapng"));
        vlanMismatch(folder.resolve("vlan-mismatch.pcap"));
        dualStackVmotion(folder.resolve("esxi-vmotion-dual-stack.pcap"));
        linuxIpv4OnlyAnnounce(folder.resolve("kvm-linux-ipv4-only-announce.pcap"));
        dadConflict(folder.resolve("ipv6-dad-conflict.pcap"));
        pingVmotion(folder.resolve("vmotion-ping-ok.pcap"), false);
        pingVmotion(folder.resolve("vmotion-ping-3-lost.pcap"), true);
        staleForwarding(folder.resolve("stale-forwarding-vmnic5.pcapng"),
                folder.resolve("stale-forwarding-vusb2.pcapng"));
        silentVmDark(folder.resolve("silent-vm-dark.pcap"));
        tcpRetransmissions(folder.resolve("vmotion-tcp-retransmissions.pcap"));
    }

    /** The client that pings the VM, or talks TCP with it, in the outcome samples. */
    static final long CLIENT_MAC = mac("00:50:56:9d:20:01");
    static final long CLIENT_IP = ip("10.0.10.201");
    /** The log server the VM sends to in the stale-forwarding and dark samples. */
    static final long LOG_MAC = mac("00:50:56:9d:20:14");
    static final long LOG_IP = ip("10.0.10.20");
    /** The ping's identifier. */
    static final int PING_ID = 0x1f3a;

    /**
     * A vMotion under a continuous ping (every 100 ms, from a client to the VM): requests 1-200, 10 s before the
     * move and 10 s after. Without loss, the two requests that come while the VM is stunned are answered as it
     * resumes, and the VM is dark 212 ms (from its reply to request 100 to its reply to 101); with {@code lost},
     * requests 101-103 are never answered and the VM is dark 400 ms.
     */
    static void pingVmotion(Path file, boolean lost) throws IOException {
        Trace trace = new Trace();
        Background bg = new Background(new SplittableRandom(lost ? 31 : 30), 10, 0x10);
        bg.fill(trace, 0, T0, 150);
        long p0 = T0 + 1_000 * MS;
        long last = p0 + 99 * 100 * MS;
        long resume = lost ? p0 + 10_250 * MS : last + 210_900_000L;
        for (int k = 0; k < 200; k++) {
            long t = p0 + k * 100 * MS;
            trace.add(t, Wire.echo(CLIENT_MAC, VM_MAC, CLIENT_IP, VM_IP, 8, PING_ID, k + 1, 0x4000 + k, 10));
            long reply;
            if (k < 100 || t > resume) {
                reply = t + 400_000;
            } else if (lost) {
                continue;
            } else {
                reply = resume + 1_500_000 + (k - 100) * 200_000L;
            }
            trace.add(reply, Wire.echo(VM_MAC, CLIENT_MAC, VM_IP, CLIENT_IP, 0, PING_ID, k + 1, 0x7000 + k, 10));
        }
        esxiBurst(trace, 0, resume, VM_MAC, 10);
        trace.add(resume + 180 * MS, Wire.garp(VM_MAC, VM_IP, 10));
        trace.pcap(file);
    }

    /**
     * A vMotion captured on the source host's uplink (vmnic5) and on the destination host's (vusb2), whose clock
     * runs 2.9 s behind: the RARP and GARP leave by vusb2 and never reach vmnic5, and a client's ping (every
     * 100 ms) keeps arriving on vmnic5 for 1.4 s after the RARP (requests 101-115) before the switch sends it to
     * vusb2. The VM's own traffic (its replies, and a datagram to its log server every 100 ms) resumes on vusb2
     * 150 ms after its last frame on vmnic5.
     */
    static void staleForwarding(Path vmnic5, Path vusb2) throws IOException {
        long behind = 2_900 * MS;
        Trace src = new Trace();
        Trace dst = new Trace();
        new Background(new SplittableRandom(32), 10, 0x10).fill(src, 0, T0, 150);
        new Background(new SplittableRandom(33), 10, 0x30).fill(dst, 0, T0 - behind, 150);
        long p0 = T0 + 1_000 * MS;
        long rarp = p0 + 9_999_500_000L;
        for (int k = 0; k < 200; k++) {
            long t = p0 + k * 100 * MS;
            byte[] request = Wire.echo(CLIENT_MAC, VM_MAC, CLIENT_IP, VM_IP, 8, PING_ID, k + 1, 0x4000 + k, 10);
            byte[] reply = Wire.echo(VM_MAC, CLIENT_MAC, VM_IP, CLIENT_IP, 0, PING_ID, k + 1, 0x7000 + k, 10);
            byte[] log = Wire.udp4(VM_MAC, LOG_MAC, VM_IP, LOG_IP, 40514, 514, 48, 0x6000 + k, 10);
            if (k < 100) {
                src.add(t, request);
                src.add(t + 400_000, reply);
            } else if (k < 115) {
                src.add(t, request); // still sent to the old host: nobody answers
            } else {
                dst.add(t - behind, request);
                dst.add(t - behind + 400_000, reply);
            }
            if (k < 99) {
                src.add(t + 50 * MS, log);
            } else if (k >= 100) {
                dst.add(t + 50 * MS - behind, log);
            }
        }
        esxiBurst(dst, 0, rarp - behind, VM_MAC, 10);
        dst.add(rarp - behind + 180 * MS, Wire.garp(VM_MAC, VM_IP, 10));
        src.pcapng(vmnic5, 6, "vmnic5");
        dst.pcapng(vusb2, 6, "vusb2");
    }

    /**
     * A VM that goes dark after its vMotion: 00:50:56:9d:d4:01 sends a datagram to its log server every 500 ms,
     * then, after the host's RARP burst, nothing for the 30 s the capture goes on, while the gateway asks for
     * its address in vain.
     */
    static void silentVmDark(Path file) throws IOException {
        long vm = mac("00:50:56:9d:d4:01");
        long vmIp = ip("10.0.10.61");
        Trace trace = new Trace();
        Background bg = new Background(new SplittableRandom(34), 10, 0x10);
        bg.fill(trace, 0, T0, 150);
        for (int k = 0; k < 20; k++) {
            trace.add(T0 + (500 + 500L * k) * MS, Wire.udp4(vm, LOG_MAC, vmIp, LOG_IP, 40514, 514, 48, 0x6000 + k, 10));
        }
        long burst = T0 + 10_300 * MS;
        esxiBurst(trace, 0, burst, vm, 10);
        for (int k = 0; k < 5; k++) {
            trace.add(burst + (5_000 + 1_000L * k) * MS, Wire.request(GATEWAY_MAC, ip("10.0.10.1"), vmIp, 10));
        }
        bg.fill(trace, 0, burst + 29_000 * MS, 60);
        trace.pcap(file);
    }

    /**
     * A vMotion of a VM serving a TCP download (10.0.10.52:443 to the client's port 51514, a 500-byte segment
     * every 100 ms, each acknowledged): its last two segments before the move are never acknowledged, and the VM
     * sends them again 200 ms after it resumes (its retransmission timeout); the VM is dark 350 ms.
     */
    static void tcpRetransmissions(Path file) throws IOException {
        Trace trace = new Trace();
        Background bg = new Background(new SplittableRandom(35), 10, 0x10);
        bg.fill(trace, 0, T0, 100);
        long p0 = T0 + 500 * MS;
        long isn = 0x3c2a_1000L;
        long clientSeq = 0x91f0_0001L;
        int ipId = 0x5000;
        int ackId = 0x2000;
        for (int k = 0; k <= 30; k++) {
            long t = p0 + k * 100 * MS;
            long seq = isn + 500L * k;
            trace.add(t, Wire.segment(VM_MAC, CLIENT_MAC, VM_IP, CLIENT_IP, 443, 51514, seq, clientSeq, Wire.PSH_ACK,
                    500, ipId++, 10));
            if (k < 29) {
                trace.add(t + 5 * MS, Wire.segment(CLIENT_MAC, VM_MAC, CLIENT_IP, VM_IP, 51514, 443, clientSeq,
                        seq + 500, Wire.ACK, 0, ackId++, 10));
            }
        }
        long resume = p0 + 3_150 * MS;
        esxiBurst(trace, 0, resume, VM_MAC, 10);
        trace.add(resume + 180 * MS, Wire.garp(VM_MAC, VM_IP, 10));
        for (int k = 29; k <= 30; k++) {
            long t = resume + 200 * MS + (k - 29) * 100_000L;
            long seq = isn + 500L * k;
            trace.add(t, Wire.segment(VM_MAC, CLIENT_MAC, VM_IP, CLIENT_IP, 443, 51514, seq, clientSeq, Wire.PSH_ACK,
                    500, ipId++, 10));
        }
        trace.add(resume + 205 * MS, Wire.segment(CLIENT_MAC, VM_MAC, CLIENT_IP, VM_IP, 51514, 443, clientSeq,
                isn + 500L * 31, Wire.ACK, 0, ackId++, 10));
        for (int k = 31; k <= 60; k++) {
            long t = resume + 300 * MS + (k - 31) * 100 * MS;
            long seq = isn + 500L * k;
            trace.add(t, Wire.segment(VM_MAC, CLIENT_MAC, VM_IP, CLIENT_IP, 443, 51514, seq, clientSeq, Wire.PSH_ACK,
                    500, ipId++, 10));
            trace.add(t + 5 * MS, Wire.segment(CLIENT_MAC, VM_MAC, CLIENT_IP, VM_IP, 51514, 443, clientSeq,
                    seq + 500, Wire.ACK, 0, ackId++, 10));
        }
        trace.pcap(file);
    }

    /** The first sample's VM's IPv6 address. */
    static final String VM_IPV6 = "2001:db8:10::52";

    /**
     * A dual-stack vMotion on VLAN 10: before the move the VM talks IPv6 from 2001:db8:10::52; after it, the
     * host's RARP burst, the guest's gratuitous ARP after 180 ms and its unsolicited Neighbor Advertisements
     * (Override, to ff02::1) for its global and link-local addresses right after.
     */
    static void dualStackVmotion(Path file) throws IOException {
        Trace trace = new Trace();
        Background bg = new Background(new SplittableRandom(21), 10, 0x60);
        long t = bg.fill(trace, 0, T0, 30);
        trace.add(t + 3 * MS, Wire.udp6(VM_MAC, GATEWAY_MAC, VM_IPV6, "2001:db8:10::1", 40, 10));
        t = bg.fill(trace, 0, t + 5 * MS, 10);
        long burst = t + 5 * MS;
        esxiBurst(trace, 0, burst, VM_MAC, 10);
        trace.add(burst + 180 * MS, Wire.garp(VM_MAC, VM_IP, 10));
        trace.add(burst + 181 * MS, Wire.unsolicitedNa(VM_MAC, VM_IPV6, 10));
        trace.add(burst + 181 * MS + 40_000, Wire.unsolicitedNa(VM_MAC, Wire.linkLocal(VM_MAC), 10));
        bg.fill(trace, 0, burst + 4_100 * MS, 30);
        trace.pcap(file);
    }

    /**
     * A QEMU/KVM live migration of a dual-stack Linux guest that announces only IPv4 afterwards (an old kernel,
     * or a guest agent that sends gratuitous ARP alone): before the move it answers the router's solicitation for
     * 2001:db8:20::16 and talks IPv6 from it; after announce-self's RARPs comes its gratuitous ARP and no
     * Neighbor Advertisement.
     */
    static void linuxIpv4OnlyAnnounce(Path file) throws IOException {
        long vm = mac("52:54:00:6b:3a:20");
        String v6 = "2001:db8:20::16";
        long routerMac = mac("00:00:5e:00:01:14");
        Trace trace = new Trace();
        Background bg = new Background(new SplittableRandom(22), 20, 0x70);
        long t = bg.fill(trace, 0, T0, 30);
        trace.add(t + 2 * MS, Wire.ns(routerMac, "fe80::1", Wire.solicitedNode(v6), v6, routerMac, 20));
        trace.add(t + 2 * MS + 180_000, Wire.na(vm, vm, v6, "fe80::1", v6, false, true, true, 20));
        trace.add(t + 4 * MS, Wire.udp6(vm, routerMac, v6, "2001:db8::53", 32, 20));
        t = bg.fill(trace, 0, t + 6 * MS, 10);
        long start = t + 7 * MS;
        for (long ms : new long[] {0, 50, 200, 450, 800}) {
            trace.add(start + ms * MS + 37_000, Wire.rarp(vm, 20));
        }
        trace.add(start + 23 * MS, Wire.garp(vm, ip("10.0.20.16"), 20));
        bg.fill(trace, 0, start + 900 * MS, 30);
        trace.pcap(file);
    }

    /**
     * A cloned VM coming up with its original's IPv6 address: 00:50:56:9d:30:01 holds 2001:db8:30::15 (it answers
     * the router's solicitation), then the clone 00:50:56:9d:30:02 probes for the same address (duplicate address
     * detection, from ::) and the holder defends it with an advertisement to all nodes 2 ms later.
     */
    static void dadConflict(Path file) throws IOException {
        long holder = mac("00:50:56:9d:30:01");
        long clone = mac("00:50:56:9d:30:02");
        long routerMac = mac("00:00:5e:00:01:1e");
        String v6 = "2001:db8:30::15";
        Trace trace = new Trace();
        Background bg = new Background(new SplittableRandom(23), 30, 0x80);
        long t = bg.fill(trace, 0, T0, 30);
        trace.add(t + 2 * MS, Wire.ns(routerMac, "fe80::1", Wire.solicitedNode(v6), v6, routerMac, 30));
        trace.add(t + 2 * MS + 210_000, Wire.na(holder, holder, v6, "fe80::1", v6, false, true, true, 30));
        t = bg.fill(trace, 0, t + 5 * MS, 20);
        long probe = t + 3 * MS;
        trace.add(probe, Wire.dadProbe(clone, Wire.linkLocal(clone), 30));
        trace.add(probe + 1 * MS, Wire.dadProbe(clone, v6, 30));
        trace.add(probe + 3 * MS, Wire.na(holder, holder, v6, Wire.ALL_NODES, v6, false, false, true, 30));
        bg.fill(trace, 0, probe + 1_100 * MS, 20);
        trace.pcap(file);
    }

    /**
     * An ESXi vMotion seen on the destination host's uplink: VM 00:50:56:9d:b0:51 on VLAN 10, the host's RARP
     * burst (Notify Switches), the guest's gratuitous ARP a little later, and background traffic around it.
     */
    public static void esxiVmotionVlan10(Path file) throws IOException {
        vmotionTrace(new SplittableRandom(10), 0, 10).pcap(file);
    }

    /** The vMotion with its background on interface {@code iface} of a trace. */
    private static Trace vmotionTrace(SplittableRandom rnd, int iface, int vlan) {
        Trace trace = new Trace();
        Background bg = new Background(rnd, vlan, 0x10);
        long t = bg.fill(trace, iface, T0, 40);
        // ESXi sends a few RARPs at once, then spaces them out; the guest's GARP follows the first ones.
        long burst = t + 5 * MS;
        esxiBurst(trace, iface, burst, VM_MAC, vlan);
        trace.add(burst + 180 * MS, iface, Wire.garp(VM_MAC, VM_IP, vlan));
        bg.fill(trace, iface, burst + 4_100 * MS, 30);
        return trace;
    }

    private static void esxiBurst(Trace trace, int iface, long start, long vm, int... vlans) {
        for (long ms : new long[] {0, 1, 2, 1000, 2000, 4000}) {
            trace.add(start + ms * MS, iface, Wire.rarp(vm, vlans));
        }
    }

    /** The same vMotion captured on both uplinks of a team: vusb1 carries only other VMs, vusb2 the move. */
    static void esxiTeam(Path vusb1, Path vusb2) throws IOException {
        Trace quiet = new Trace();
        new Background(new SplittableRandom(11), 10, 0x20).fill(quiet, 0, T0, 60);
        quiet.pcapng(vusb1, 6, "vusb1");
        vmotionTrace(new SplittableRandom(12), 0, 10).pcapng(vusb2, 6, "vusb2");
    }

    /** The guest's gratuitous ARP after a vMotion and no RARP: the port group has Notify Switches off. */
    static void notifySwitchesOff(Path file) throws IOException {
        Trace trace = new Trace();
        Background bg = new Background(new SplittableRandom(13), 10, 0x10);
        long t = bg.fill(trace, 0, T0, 40);
        trace.add(t + 10 * MS, Wire.garp(VM_MAC, VM_IP, 10));
        trace.add(t + 1_010 * MS, Wire.garp(VM_MAC, VM_IP, 10));
        bg.fill(trace, 0, t + 1_100 * MS, 30);
        trace.pcap(file);
    }

    /** A QEMU/KVM live migration: announce-self's five RARPs (0, 50, 200, 450, 800 ms) and the guest's GARP. */
    static void qemuAnnounceSelf(Path file) throws IOException {
        long vm = mac("52:54:00:6b:3a:10");
        Trace trace = new Trace();
        Background bg = new Background(new SplittableRandom(14), 20, 0x30);
        long t = bg.fill(trace, 0, T0, 40);
        long start = t + 7 * MS;
        for (long ms : new long[] {0, 50, 200, 450, 800}) {
            trace.add(start + ms * MS + 37_000, Wire.rarp(vm, 20));
        }
        trace.add(start + 23 * MS, Wire.garp(vm, ip("10.0.20.15"), 20));
        bg.fill(trace, 0, start + 900 * MS, 30);
        trace.pcap(file);
    }

    /** A Hyper-V live migration: the host announces the VM by gratuitous ARP only, untagged access port. */
    static void hyperV(Path file) throws IOException {
        long vm = mac("00:15:5d:0a:1e:07");
        long vmIp = ip("10.0.0.57");
        Trace trace = new Trace();
        Background bg = new Background(new SplittableRandom(15), 0, 0x40);
        long t = bg.fill(trace, 0, T0, 40);
        for (int i = 0; i < 3; i++) {
            trace.add(t + (5 + 1000L * i) * MS, Wire.garp(vm, vmIp));
        }
        bg.fill(trace, 0, t + 2_100 * MS, 30);
        trace.pcap(file);
    }

    /** RARP after a vMotion and no GARP: the VM stays silent; other ARP shows the capture was not filtered. */
    static void silentVm(Path file) throws IOException {
        long vm = mac("00:50:56:9d:c4:22");
        Trace trace = new Trace();
        Background bg = new Background(new SplittableRandom(16), 10, 0x50);
        // before the move, the VM asked for its gateway: that is how its address is known
        trace.add(T0 + 800 * MS, Wire.request(vm, ip("10.0.10.77"), ip("10.0.10.1"), 10));
        long t = bg.fill(trace, 0, T0 + 1_000 * MS, 40);
        long burst = t + 20_000 * MS;
        esxiBurst(trace, 0, burst, vm, 10);
        bg.fill(trace, 0, burst + 4_100 * MS, 30);
        trace.pcap(file);
    }

    /** A vMotion, then another VM (a clone left running) answering ARP for the migrated VM's address. */
    static void duplicateIp(Path file) throws IOException {
        long clone = mac("00:50:56:9d:77:01");
        long asker = mac("00:50:56:9d:10:03");
        long askerIp = ip("10.0.10.103");
        Trace trace = vmotionTrace(new SplittableRandom(17), 0, 10);
        long t = T0 + 12_000 * MS;
        trace.add(t, Wire.request(asker, askerIp, VM_IP, 10));
        trace.add(t + 300_000, Wire.reply(VM_MAC, VM_IP, asker, askerIp, 10));
        trace.add(t + 450_000, Wire.reply(clone, VM_IP, asker, askerIp, 10));
        trace.pcap(file);
    }

    /** An ARP spoof: a host sends replies for the gateway's address naming a MAC that is not its own. */
    static void arpSpoof(Path file) throws IOException {
        long attacker = mac("00:0c:29:3e:5a:11");
        long forged = mac("02:00:00:00:be:ef");
        long victim = mac("00:50:56:9d:10:05");
        long victimIp = ip("10.0.10.105");
        Trace trace = new Trace();
        Background bg = new Background(new SplittableRandom(18), 10, 0x10);
        long t = bg.fill(trace, 0, T0, 30);
        trace.add(t + 5 * MS, Wire.request(victim, victimIp, ip("10.0.10.1"), 10));
        trace.add(t + 6 * MS, Wire.reply(GATEWAY_MAC, ip("10.0.10.1"), victim, victimIp, 10));
        for (int i = 0; i < 5; i++) {
            trace.add(t + (100 + 1000L * i) * MS, Wire.arp(attacker, victim, 0x0806, 2, forged, ip("10.0.10.1"),
                    victim, victimIp, 10));
        }
        bg.fill(trace, 0, t + 5_000 * MS, 30);
        trace.pcap(file);
    }

    /** What {@code pktcap-uw --uplink vmnic1 --ethtype 0x8035 -o} keeps of the vMotion: the RARP burst alone. */
    static void rarpOnly(Path file) throws IOException {
        Trace trace = new Trace();
        esxiBurst(trace, 0, T0 + 1_433_744_000L, VM_MAC, 10);
        trace.pcap(file);
    }

    /**
     * The vMotion as pktcap-uw prints it without {@code -o}: the ARP, RARP and small frames of the first sample,
     * untagged, with the VLAN tag in each frame's header line.
     */
    static void pktcapText(Path file) throws IOException {
        List<Trace.Frame> frames = vmotionTrace(new SplittableRandom(10), 0, 10).frames();
        StringBuilder sb = new StringBuilder();
        sb.append("[root@esxi-02:~] pktcap-uw --uplink vmnic1 --dir 2\n");
        sb.append("The name of the uplink is vmnic1.\n");
        sb.append("The dir is RxTx.\n");
        sb.append("No server port specifed, select 30114 as the port.\n");
        sb.append("Output the packet info to console.\n");
        sb.append("Local CID 2.\n");
        sb.append("Listen on port 30114.\n");
        sb.append("Accept...Vsock connection from port 1042 cid 2.\n");
        int n = 0;
        for (Trace.Frame f : frames) {
            byte[] b = f.bytes();
            if (b.length > 64) {
                continue;
            }
            int vlan = ((b[14] & 0x0f) << 8) | (b[15] & 0xff);
            byte[] untagged = new byte[b.length - 4];
            System.arraycopy(b, 0, untagged, 0, 12);
            System.arraycopy(b, 16, untagged, 12, b.length - 16);
            long ofDay = Math.floorMod(f.timeNanos(), 86_400_000_000_000L) / 1000;
            sb.append(String.format(Locale.ROOT, "%02d:%02d:%02d.%06d[%d] Captured at EtherswitchDispath point, "
                            + "TSO not enabled, Checksum not offloaded and not verified, VLAN tag %d, length %d.%n",
                    ofDay / 3_600_000_000L, ofDay / 60_000_000 % 60, ofDay / 1_000_000 % 60, ofDay % 1_000_000, ++n,
                    vlan, untagged.length));
            sb.append(String.format(Locale.ROOT, "\tSegment[0] ---- %d bytes:%n", untagged.length));
            for (int o = 0; o < untagged.length; o += 16) {
                sb.append(String.format(Locale.ROOT, "\t0x%04x: ", o));
                for (int k = o; k < Math.min(o + 16, untagged.length); k += 2) {
                    sb.append(' ').append(String.format(Locale.ROOT, "%02x", untagged[k] & 0xff));
                    if (k + 1 < untagged.length) {
                        sb.append(String.format(Locale.ROOT, "%02x", untagged[k + 1] & 0xff));
                    }
                }
                sb.append(" \n");
            }
        }
        sb.append("Dumped ").append(n).append(" packet to console, dropped 0 packets.\nDone.\n");
        byte[] text = sb.toString().getBytes(StandardCharsets.US_ASCII);
        AtomicFiles.write(file, out -> out.write(text));
    }

    /**
     * The vMotion as {@code tcpdump -e -n -i vmnic1 'arp or rarp or (vlan and (arp or rarp))'} prints it: one line
     * per ARP or RARP frame of the first sample, as pasted into a ticket or a blog.
     */
    static void tcpdumpText(Path file) throws IOException {
        List<Trace.Frame> frames = vmotionTrace(new SplittableRandom(10), 0, 10).frames();
        StringBuilder sb = new StringBuilder();
        sb.append("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n");
        sb.append("listening on vmnic1, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n");
        int n = 0;
        for (Trace.Frame f : frames) {
            byte[] b = f.bytes();
            int type = u16(b, 16);
            if (u16(b, 12) != 0x8100 || (type != 0x0806 && type != 0x8035)) {
                continue;
            }
            long ofDay = Math.floorMod(f.timeNanos(), 86_400_000_000_000L) / 1000;
            int op = u16(b, 24);
            String arp;
            switch (op) {
                case 1:
                    arp = "Request who-has " + ipText(b, 42) + (isZero(b, 36, 6) ? "" : " (" + macText(b, 36) + ")")
                            + " tell " + ipText(b, 32);
                    break;
                case 2:
                    arp = "Reply " + ipText(b, 32) + " is-at " + macText(b, 26);
                    break;
                case 3:
                    arp = "Reverse Request who-is " + macText(b, 36) + " tell " + macText(b, 26);
                    break;
                default:
                    arp = "Reverse Reply " + macText(b, 36) + " at " + ipText(b, 42);
                    break;
            }
            sb.append(String.format(Locale.ROOT, "%02d:%02d:%02d.%06d %s > %s, ethertype 802.1Q (0x8100), length %d: "
                            + "vlan %d, p %d, ethertype %s (0x%04x), %s, length %d%n",
                    ofDay / 3_600_000_000L, ofDay / 60_000_000 % 60, ofDay / 1_000_000 % 60, ofDay % 1_000_000,
                    macText(b, 6), macText(b, 0), b.length, u16(b, 14) & 0x0fff, u16(b, 14) >>> 13,
                    type == 0x0806 ? "ARP" : "Reverse ARP", type, arp, b.length - 18));
            n++;
        }
        sb.append(n).append(" packets captured\n").append(n).append(" packets received by filter\n")
                .append("0 packets dropped by kernel\n");
        byte[] text = sb.toString().getBytes(StandardCharsets.US_ASCII);
        AtomicFiles.write(file, out -> out.write(text));
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static boolean isZero(byte[] b, int at, int length) {
        for (int i = at; i < at + length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String macText(byte[] b, int at) {
        return String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x", b[at] & 0xff, b[at + 1] & 0xff,
                b[at + 2] & 0xff, b[at + 3] & 0xff, b[at + 4] & 0xff, b[at + 5] & 0xff);
    }

    private static String ipText(byte[] b, int at) {
        return (b[at] & 0xff) + "." + (b[at + 1] & 0xff) + "." + (b[at + 2] & 0xff) + "." + (b[at + 3] & 0xff);
    }

    /**
     * A pcapng of two uplinks with nanosecond time stamps: the host's RARP leaves by vmnic0 while the guest's
     * GARP leaves by vmnic1, so the switches see the MAC flap between ports.
     */
    static void twoUplinksNanosecond(Path file) throws IOException {
        long vm = mac("00:50:56:9d:e0:31");
        Trace trace = new Trace();
        Background a = new Background(new SplittableRandom(19), 30, 0x60);
        Background b = new Background(new SplittableRandom(20), 30, 0x70);
        a.fill(trace, 0, T0 + 123, 30);
        long t = b.fill(trace, 1, T0 + 456, 30);
        long burst = t + 3 * MS + 789;
        esxiBurst(trace, 0, burst, vm, 30);
        trace.add(burst + 211 * MS + 17, 1, Wire.garp(vm, ip("10.0.30.31"), 30));
        a.fill(trace, 0, burst + 4_100 * MS + 1, 20);
        b.fill(trace, 1, burst + 4_100 * MS + 2, 20);
        trace.pcapng(file, 9, "vmnic0", "vmnic1");
    }

    /** The host announces the VM on VLAN 10, the guest answers on VLAN 20: the port groups disagree. */
    static void vlanMismatch(Path file) throws IOException {
        Trace trace = new Trace();
        Background bg = new Background(new SplittableRandom(21), 10, 0x10);
        long t = bg.fill(trace, 0, T0, 40);
        long burst = t + 5 * MS;
        esxiBurst(trace, 0, burst, VM_MAC, 10);
        trace.add(burst + 150 * MS, Wire.garp(VM_MAC, VM_IP, 20));
        bg.fill(trace, 0, burst + 4_100 * MS, 30);
        trace.pcap(file);
    }

    /**
     * Background traffic of a few VMs on one VLAN: each asks now and then for the gateway, which answers, and
     * they talk TCP. Every host keeps one MAC and one address, so the background itself never looks wrong.
     */
    static final class Background {
        private final SplittableRandom rnd;
        private final int vlan;
        private final List<long[]> hosts = new ArrayList<>();
        private final long gatewayIp;

        Background(SplittableRandom rnd, int vlan, int firstHost) {
            this.rnd = rnd;
            this.vlan = vlan;
            int subnet = vlan == 0 ? 0 : vlan;
            this.gatewayIp = ip("10.0." + subnet + ".1");
            for (int i = 0; i < 8; i++) {
                int h = firstHost + i;
                hosts.add(new long[] {0x005056_9d1000L | h, ip("10.0." + subnet + "." + (100 + h % 150))});
            }
        }

        private int[] tags() {
            return vlan == 0 ? new int[0] : new int[] {vlan};
        }

        /** Adds {@code count} frames from {@code start} on; returns the last one's time. */
        long fill(Trace trace, int iface, long start, int count) {
            long t = start;
            for (int i = 0; i < count; i++) {
                t += 20 * MS + rnd.nextInt(30_000_000);
                long[] host = hosts.get(rnd.nextInt(hosts.size()));
                int kind = rnd.nextInt(10);
                if (kind < 2) {
                    trace.add(t, iface, Wire.request(host[0], host[1], gatewayIp, tags()));
                } else if (kind < 3) {
                    trace.add(t, iface, Wire.reply(GATEWAY_MAC, gatewayIp, host[0], host[1], tags()));
                } else {
                    long[] peer = hosts.get(rnd.nextInt(hosts.size()));
                    int payload = kind < 6 ? 0 : 100 + rnd.nextInt(500);
                    trace.add(t, iface, Wire.tcp(host[0], peer[0], host[1], peer[1], payload, tags()));
                }
            }
            return t;
        }
    }
}
