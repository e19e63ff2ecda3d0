package dev.cutover.dissect;

import dev.cutover.dissect.proto.Arp;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Vendor names and the short names of resolved MACs, against lines and names of Wireshark's own manuf. */
class VendorsTest {
    @Test
    void manufLinesGiveTheShortNameWiresharkResolvesWithAndTheLongName() {
        Map<Integer, String[]> table = new HashMap<>();
        Vendors.parseLine("00:00:00\t00:00:00\tOfficially Xerox, but 0:0:0:0:0:0 is more common", table);
        Vendors.parseLine("00:1B:21\tIntelCor\tIntel Corporate", table);
        Vendors.parseLine("50:6B:8D\tNutanix", table);
        Vendors.parseLine("00:55:DA:00/28\tShinkoTe\tShinko Technos co.,ltd.", table);
        assertThat(table.get(0x000000)).containsExactly("00:00:00", "Officially Xerox, but 0:0:0:0:0:0 is more common");
        assertThat(table.get(0x001b21)).containsExactly("IntelCor", "Intel Corporate");
        assertThat(table.get(0x506b8d)).containsExactly("Nutanix", "Nutanix");
        assertThat(table).doesNotContainKey(0x0055da);
        // a comment after the names (Debian's manuf for Wireshark 4.0) is not part of the long name
        Vendors.parseLine("00:07:0D\tCisco251\tCisco\t# 2511 Token Ring", table);
        assertThat(table.get(0x00070d)).containsExactly("Cisco251", "Cisco");
    }

    @Test
    void ieeeLinesGetAShortNameMadeAsWiresharkMakesItsOwn() {
        Map<Integer, String[]> table = new HashMap<>();
        Vendors.parseLine("00-1B-21   (hex)\t\tIntel Corporate", table);
        assertThat(table.get(0x001b21)).containsExactly(null, "Intel Corporate");
        assertThat(Vendors.shorten("Intel Corporate")).isEqualTo("IntelCor");
        // the organisation names of manuf's lines for the hypervisors' prefixes, and the short names it gives them
        assertThat(Vendors.shorten("Microsoft Corporation")).isEqualTo("Microsof");
        assertThat(Vendors.shorten("Xensource, Inc.")).isEqualTo("Xensourc");
        assertThat(Vendors.shorten("PCS Computer Systems GmbH")).isEqualTo("PcsCompu");
        assertThat(Vendors.shorten("Parallels, Inc.")).isEqualTo("Parallel");
    }

    @Test
    void aResolvedMacInTheTreeUsesTheShortNameAsTsharkDoes() {
        byte[] frame = Frames.esxiRarpVlan10();
        Dissection d = new Dissection();
        new Dissector().dissect(Frames.info(frame), frame, d);
        // tshark -V: "Sender MAC address: VMware_9d:b0:51 (00:50:56:9d:b0:51)"
        assertThat(FieldFormat.label(d, d.find(Arp.SRC_HW_MAC)))
                .isEqualTo("Sender MAC address: VMware_9d:b0:51 (00:50:56:9d:b0:51)");
        assertThat(Vendors.shortName(0x00155d123456L)).isEqualTo("Microsof");
        assertThat(Vendors.of(0x00155d123456L)).isEqualTo("Microsoft Hyper-V");
        assertThat(Vendors.shortName(0x005056000001L)).isEqualTo("VMware");
    }
}
