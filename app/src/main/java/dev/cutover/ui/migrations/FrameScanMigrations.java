package dev.cutover.ui.migrations;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.Severity;
import dev.cutover.dissect.Vendors;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.Migration;
import dev.cutover.dissect.proto.Vlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;

/**
 * A stand-in analysis from the decoded frames alone: RARP migration notifications grouped by the VM's MAC,
 * gratuitous ARPs by sender MAC, and a few plain findings. No burst detection or correlation rules.
 */
public final class FrameScanMigrations implements MigrationSource {

    @Override
    public MigrationReport analyse(Capture capture, LoadMonitor monitor) {
        Map<Long, Vm> vms = new LinkedHashMap<>();
        List<Integer> problems = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(capture);
        Dissection d = new Dissection();
        int n = capture.frameCount();
        for (int i = 0; i < n; i++) {
            if ((i & 0xFFF) == 0) {
                if (monitor.cancelled()) {
                    throw new CancellationException("migration scan cancelled");
                }
                monitor.progress(i, n);
            }
            try {
                decoder.decode(i, d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (d.worstSeverity() == Severity.ERROR || d.worstSeverity() == Severity.WARNING || d.isMalformed()) {
                problems.add(i);
            }
            boolean notification = d.valueOf(Migration.NOTIFICATION, 0) != 0;
            boolean garp = d.valueOf(Arp.IS_GRATUITOUS, 0) != 0;
            if (!notification && !garp) {
                continue;
            }
            long mac = notification ? d.valueOf(Migration.VM_MAC, -1) : d.valueOf(Arp.SRC_HW_MAC, -1);
            if (mac < 0) {
                continue;
            }
            Vm vm = vms.computeIfAbsent(mac, Vm::new);
            long t = capture.index().timestampNanos(i);
            vm.frames.add(i);
            vm.interfaces.add(capture.interfaceOf(i).name());
            for (int k = 0; k < d.size(); k++) {
                if (d.field(k) == Vlan.ID) {
                    vm.vlans.add((int) d.value(k));
                }
            }
            if (notification) {
                if (vm.rarps == 0) {
                    vm.firstRarp = t;
                }
                vm.rarps++;
                vm.lastRarp = t;
            } else {
                if (vm.firstGarp < 0) {
                    vm.firstGarp = t;
                }
                long ip = d.valueOf(Arp.SRC_PROTO_IPV4, -1);
                if (ip >= 0) {
                    vm.ips.add(Addresses.ipv4(ip));
                }
            }
        }
        monitor.progress(n, n);
        List<MigrationRow> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Vm vm : vms.values()) {
            MigrationRow row = vm.row();
            rows.add(row);
            String who = row.mac() + (row.vendor().isEmpty() ? "" : " (" + row.vendor() + ")");
            if (vm.rarps > 0) {
                findings.add(new Finding(Severity.NOTE, "rarp-notifications",
                        String.format(Locale.ROOT, "%s was announced by %d RARP notification%s over %.3f s on VLAN %s.",
                                who, vm.rarps, vm.rarps == 1 ? "" : "s", row.spanNanos() / 1e9,
                                row.vlans().isEmpty() ? "none (untagged)" : row.vlans().toString()),
                        row.frames()));
            } else {
                findings.add(new Finding(Severity.WARNING, "garp-without-rarp",
                        who + " sent gratuitous ARP but no RARP migration notification was seen for it.",
                        row.frames()));
            }
        }
        if (!problems.isEmpty()) {
            findings.add(new Finding(Severity.WARNING, "expert-problems",
                    problems.size() + " frame" + (problems.size() == 1 ? " has" : "s have")
                            + " expert warnings or errors.",
                    problems.stream().mapToInt(Integer::intValue).toArray()));
        }
        return new MigrationReport(rows, findings);
    }

    private static final class Vm {
        final long mac;
        final List<Integer> frames = new ArrayList<>();
        final Set<Integer> vlans = new TreeSet<>();
        final Set<String> interfaces = new LinkedHashSet<>();
        final Set<String> ips = new LinkedHashSet<>();
        int rarps;
        long firstRarp = -1;
        long lastRarp = -1;
        long firstGarp = -1;

        Vm(long mac) {
            this.mac = mac;
        }

        MigrationRow row() {
            String vendor = Vendors.of(mac);
            long first = firstRarp >= 0 ? firstRarp : firstGarp;
            long delay = firstRarp >= 0 && firstGarp >= 0 ? firstGarp - firstRarp : -1;
            return new MigrationRow(Addresses.mac(mac), vendor == null ? "" : vendor, new ArrayList<>(vlans),
                    new ArrayList<>(interfaces), rarps, first, rarps == 0 ? 0 : lastRarp - firstRarp,
                    new ArrayList<>(ips), delay, frames.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
