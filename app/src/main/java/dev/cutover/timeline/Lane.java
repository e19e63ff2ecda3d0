package dev.cutover.timeline;

import java.util.List;

/**
 * One swimlane: a MAC that moved, its frames, its bursts, its RARP-to-GARP delays and its findings.
 *
 * @param mac          the MAC as text
 * @param vendor       the NIC vendor, or ""
 * @param vlans        VLAN ids of its frames
 * @param ips          IPv4 addresses its GARPs announced, then IPv6 addresses its unsolicited NAs announced
 * @param migrationIds the analysis' migration events of this MAC
 * @param interfaces   names of the interfaces its frames were seen on, one sub-lane each
 * @param marks        its frames, in time order (with the outcome's stale frames, lost pings and
 *                     retransmissions)
 * @param outcome      what became of its migrations' traffic, {@link LaneOutcome#NONE} when not measured
 */
public record Lane(String mac, String vendor, List<Integer> vlans, List<String> ips, List<Integer> migrationIds,
                   List<String> interfaces, List<Mark> marks, List<BurstBracket> brackets, List<DelaySpan> delays,
                   List<FindingMark> findings, LaneOutcome outcome) {
    /** A lane without outcome. */
    public Lane(String mac, String vendor, List<Integer> vlans, List<String> ips, List<Integer> migrationIds,
                List<String> interfaces, List<Mark> marks, List<BurstBracket> brackets, List<DelaySpan> delays,
                List<FindingMark> findings) {
        this(mac, vendor, vlans, ips, migrationIds, interfaces, marks, brackets, delays, findings, LaneOutcome.NONE);
    }

    public Lane {
        outcome = outcome == null ? LaneOutcome.NONE : outcome;
        vlans = List.copyOf(vlans);
        ips = List.copyOf(ips);
        migrationIds = List.copyOf(migrationIds);
        interfaces = List.copyOf(interfaces);
        marks = List.copyOf(marks);
        brackets = List.copyOf(brackets);
        delays = List.copyOf(delays);
        findings = List.copyOf(findings);
    }

    /** "00:50:56:aa:bb:cc VMware". */
    public String title() {
        return vendor.isEmpty() ? mac : mac + "  " + vendor;
    }

    /** "VLAN 10 · 10.0.0.5". */
    public String subtitle() {
        StringBuilder sb = new StringBuilder();
        if (!vlans.isEmpty()) {
            sb.append(vlans.size() == 1 ? "VLAN " : "VLANs ");
            for (int i = 0; i < vlans.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(vlans.get(i));
            }
        }
        if (!ips.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : " · ").append(String.join(", ", ips));
        }
        return sb.toString();
    }

    /** Whether its migrations' outcome was measured: the lane then has rows for the traffic and the dark gap. */
    public boolean hasOutcome() {
        return !outcome.isEmpty();
    }

    public long firstNanos() {
        return marks.isEmpty() ? 0 : marks.get(0).timeNanos();
    }
}
