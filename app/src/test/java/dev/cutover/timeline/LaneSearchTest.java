package dev.cutover.timeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the timeline's search box keeps: MACs in any notation, IPs whole or by their first octets, VLANs. */
class LaneSearchTest {
    private static Lane lane(String mac, String vendor, List<Integer> vlans, List<String> ips, String iface) {
        return new Lane(mac, vendor, vlans, ips, List.of(0), List.of(iface), List.of(), List.of(), List.of(),
                List.of());
    }

    private static final Lane VMWARE = lane("00:50:56:9d:b0:51", "VMware", List.of(10), List.of("10.0.20.15"),
            "vmnic1");
    private static final Lane QEMU = lane("52:54:00:6b:3a:10", "QEMU/KVM", List.of(20, 100),
            List.of("192.168.1.10", "10.0.2.7"), "vusb2");

    private static boolean keeps(String query, Lane lane) {
        return LaneSearch.parse(query).matches(lane);
    }

    @Test
    void blankKeepsEverything() {
        assertThat(LaneSearch.parse("  ").isBlank()).isTrue();
        assertThat(LaneSearch.parse(null).isBlank()).isTrue();
        assertThat(keeps("", VMWARE)).isTrue();
    }

    @Test
    void aMacInAnyNotationOrAnyWholeBytesOfIt() {
        assertThat(keeps("00:50:56:9d:b0:51", VMWARE)).isTrue();
        assertThat(keeps("00-50-56-9D-B0-51", VMWARE)).isTrue();
        assertThat(keeps("0050.569d.b051", VMWARE)).isTrue();
        assertThat(keeps("005056", VMWARE)).isTrue();
        assertThat(keeps("00:50:56", VMWARE)).isTrue();
        assertThat(keeps("00:50:56", QEMU)).isFalse();
        assertThat(keeps("b0:51", VMWARE)).isTrue();
        // on a byte boundary only: "db" is not a byte of 00:50:56:9d:b0:51 although "...569db0..." holds it
        assertThat(keeps("db", VMWARE)).isFalse();
        assertThat(keeps("52:54:00", QEMU)).isTrue();
    }

    @Test
    void anIpWholeOrByItsFirstOctets() {
        assertThat(keeps("10.0.20.15", VMWARE)).isTrue();
        assertThat(keeps("10.0.20.1", VMWARE)).isFalse(); // a whole address matches itself only
        assertThat(keeps("10.0.20", VMWARE)).isTrue();
        assertThat(keeps("10.", VMWARE)).isTrue();
        assertThat(keeps("10.0.2.7", QEMU)).isTrue();
        assertThat(keeps("192.168", QEMU)).isTrue();
        assertThat(keeps("192.168", VMWARE)).isFalse();
    }

    @Test
    void aVlanAsVlanTenOrTen() {
        assertThat(keeps("vlan 10", VMWARE)).isTrue();
        assertThat(keeps("VLAN10", VMWARE)).isTrue();
        assertThat(keeps("10", VMWARE)).isTrue();
        assertThat(keeps("10", QEMU)).isFalse(); // a number is a VLAN, not part of an address
        assertThat(keeps("100", QEMU)).isTrue();
        assertThat(keeps("vlan 20", VMWARE)).isFalse();
    }

    @Test
    void vendorAndInterfaceByNameAndEveryWordMustMatch() {
        assertThat(keeps("vmware", VMWARE)).isTrue();
        assertThat(keeps("qemu", QEMU)).isTrue();
        assertThat(keeps("vusb2", QEMU)).isTrue();
        assertThat(keeps("vusb2", VMWARE)).isFalse();
        assertThat(keeps("vlan 20 qemu", QEMU)).isTrue();
        assertThat(keeps("vlan 10 qemu", QEMU)).isFalse();
        assertThat(keeps("10 00:50:56", VMWARE)).isTrue();
    }
}
