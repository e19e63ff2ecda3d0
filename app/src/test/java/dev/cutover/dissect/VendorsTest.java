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
        assertThat(Vendors.shorten("Parallels, Inc.")).isEqualTo("Parallel");
        // IEEE names and the short names Wireshark 4.0's manuf gives them (make-manuf's rules: capitals in
        // title case, punctuation and general terms such as Systems dropped, 8 characters)
        String[][] manuf = {
            {"Cisco Systems, Inc", "Cisco"}, {"HUMAX Co., Ltd.", "HUMAX"}, {"ECA-SINTERS", "Eca-Sint"},
            {"HANA Micron Inc.", "HANAMicr"}, {"BYAS SYSTEMS", "Byas"}, {"Duelco A/S", "Duelco"},
            {"EP&T Energy", "EP&TEner"}, {"CLARION CORPORATION OF AMERICA", "ClarionA"},
            {"DVN(Shanghai)Ltd.", "DVNShang"}, {"Fi WIn, Inc.", "FiWIn"}, {"IPAS GmbH", "IPAS"},
            {"Wasp artificial intelligence(Shenzhen) Co.,ltd", "Wasparti"}, {"ITTC, University of Kansas",
            "ITTCUniv"}, {"MitraStar Technology Corp.", "MitraSta"}, {"UNIT-EM", "Unit-Em"},
            {"TouchStar Technologies, L.L.C.", "TouchSta"}, {"VIDEOR E. Hartig GmbH", "VIDEOREH"}};
        // the all-zero MAC of ARP requests is not Xerox's, as tshark prints it
        assertThat(Vendors.bundled().shortName(0L)).isEqualTo("00:00:00");
        assertThat(Vendors.bundled().of(0L)).isEqualTo("Officially Xerox, but 0:0:0:0:0:0 is more common");
        for (String[] pair : manuf) {
            assertThat(Vendors.shorten(pair[0])).as(pair[0]).isEqualTo(pair[1]);
        }
    }

    @Test
    void aResolvedMacInTheTreeUsesTheShortNameAsTsharkDoes() {
        byte[] frame = Frames.esxiRarpVlan10();
        Dissection d = new Dissection();
        new Dissector().dissect(Frames.info(frame), frame, d);
        // tshark -V: "Sender MAC address: VMware_9d:b0:51 (00:50:56:9d:b0:51)"
        assertThat(FieldFormat.label(d, d.find(Arp.SRC_HW_MAC)))
                .isEqualTo("Sender MAC address: VMware_9d:b0:51 (00:50:56:9d:b0:51)");
        assertThat(Vendors.bundled().shortName(0x00155d123456L)).isEqualTo("Microsof");
        assertThat(Vendors.bundled().of(0x00155d123456L)).isEqualTo("Microsoft Hyper-V");
        assertThat(Vendors.bundled().shortName(0x005056000001L)).isEqualTo("VMware");
        assertThat(Vendors.hypervisorsOnly().of(0x005056000001L)).isEqualTo("VMware");
    }

    /** An ARP request from 00:00:0c:12:34:56 (a Cisco OUI) to broadcast. */
    private static byte[] ciscoArp() {
        byte[] f = new byte[60];
        byte[] mac = {0x00, 0x00, 0x0c, 0x12, 0x34, 0x56};
        java.util.Arrays.fill(f, 0, 6, (byte) 0xff);
        System.arraycopy(mac, 0, f, 6, 6);
        f[12] = 0x08;
        f[13] = 0x06;
        byte[] arp = {0, 1, 8, 0, 6, 4, 0, 1};
        System.arraycopy(arp, 0, f, 14, arp.length);
        System.arraycopy(mac, 0, f, 22, 6);
        f[28] = 10;
        f[31] = 1;
        f[38] = 10;
        f[41] = 2;
        return f;
    }

    private static Dissection decode(Dissector dissector, byte[] frame) {
        Dissection d = new Dissection();
        dissector.dissect(Frames.info(frame), frame, d);
        return d;
    }

    @Test
    void theDefaultTableIsTheBundledIeeeListingWhateverTheMachineHas() {
        Vendors bundled = Vendors.bundled();
        assertThat(bundled.source()).isEqualTo("bundled IEEE listing");
        assertThat(bundled.size()).isGreaterThan(30_000);
        // Wireshark's manuf (installed on some machines, not on others) would say "Cisco_12:34:56": the bundled
        // IEEE listing has no short names, so the name is made from the IEEE's, on every machine alike
        Dissection d = decode(new Dissector(), ciscoArp());
        assertThat(FieldFormat.label(d, d.find(dev.cutover.dissect.proto.Ethernet.SRC)))
                .isEqualTo("Source: Cisco_12:34:56 (00:00:0c:12:34:56)");
        assertThat(d.object(d.find(dev.cutover.dissect.proto.Ethernet.SRC_OUI_RESOLVED)))
                .isEqualTo("Cisco Systems, Inc");
        assertThat(d.vendors()).isSameAs(bundled);
    }

    @Test
    void theBundledListingReadOnItsBytesNamesEveryOuiAsTheGeneralReaderDoes(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        byte[] text;
        try (java.io.InputStream in = Vendors.class.getResourceAsStream("oui.txt.gz")) {
            text = new java.util.zip.GZIPInputStream(in).readAllBytes();
        }
        java.nio.file.Path plain = dir.resolve("oui.txt");
        java.nio.file.Files.write(plain, text);
        Vendors general = Vendors.load(plain);
        Vendors fast = Vendors.bundledTable(text);
        assertThat(fast.size()).isEqualTo(general.size()).isGreaterThan(30_000);
        int checked = 0;
        for (String line : new String(text, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            long mac = Long.parseLong(line.substring(0, 8).replace("-", ""), 16) << 24 | 0x123456;
            assertThat(fast.of(mac)).as(line).isEqualTo(general.of(mac));
            assertThat(fast.shortName(mac)).as(line).isEqualTo(general.shortName(mac));
            checked++;
        }
        assertThat(checked).isEqualTo(general.size());
        assertThat(fast.of(0x00005e_000001L)).isEqualTo("ICANN, IANA Department");
    }

    @Test
    void aBundledListingNotInTheBuildsFormIsReadByTheGeneralPath() {
        byte[] text = ("# comment\n00-50-57 (hex)\tFirst Corp\n00:00:0C\tCisco\tCisco Systems, Inc\n"
                + "00-00-0B (hex)\tOut Of Order\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Vendors v = Vendors.bundledTable(text);
        assertThat(v.size()).isEqualTo(3);
        assertThat(v.shortName(0x00000c_123456L)).isEqualTo("Cisco");
        assertThat(v.of(0x00000b_123456L)).isEqualTo("Out Of Order");
        assertThat(v.of(0x005057_000001L)).isEqualTo("First Corp");
        Vendors ordered = Vendors.bundledTable("00-00-0B (hex)\tA\r\n00-00-0C (hex)\tB \n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ordered.size()).isEqualTo(2);
        assertThat(ordered.of(0x00000c_000001L)).isEqualTo("B");
    }

    @Test
    void aTableTheUserNamesChangesTheResolvedNames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path manuf = dir.resolve("manuf");
        java.nio.file.Files.writeString(manuf, "# a manuf of one line\n00:00:0C\tCisco\tCisco Systems, Inc\n");
        Vendors named = Vendors.load(manuf);
        assertThat(named.source()).isEqualTo(manuf.toString());
        Dissection d = decode(new Dissector(named), ciscoArp());
        assertThat(FieldFormat.label(d, d.find(dev.cutover.dissect.proto.Ethernet.SRC)))
                .isEqualTo("Source: Cisco_12:34:56 (00:00:0c:12:34:56)");
        assertThat(FieldFormat.label(d, d.find(Arp.SRC_HW_MAC)))
                .isEqualTo("Sender MAC address: Cisco_12:34:56 (00:00:0c:12:34:56)");

        java.nio.file.Path ieee = dir.resolve("oui.txt");
        java.nio.file.Files.writeString(ieee, "00-00-0C   (hex)\t\tSomeone Else Ltd\n");
        d = decode(new Dissector(Vendors.load(ieee)), ciscoArp());
        assertThat(d.object(d.find(dev.cutover.dissect.proto.Ethernet.SRC_OUI_RESOLVED))).isEqualTo("Someone Else Ltd");
        assertThat(FieldFormat.label(d, d.find(dev.cutover.dissect.proto.Ethernet.SRC)))
                .isEqualTo("Source: SomeoneE_12:34:56 (00:00:0c:12:34:56)");

        // no registry at all: only the hypervisors' prefixes are named
        d = decode(new Dissector(Vendors.hypervisorsOnly()), ciscoArp());
        assertThat(FieldFormat.label(d, d.find(dev.cutover.dissect.proto.Ethernet.SRC)))
                .isEqualTo("Source: 00:00:0c:12:34:56");
    }

    @Test
    void aFileThatIsNoRegistryIsRefusedByName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path notes = dir.resolve("notes.txt");
        java.nio.file.Files.writeString(notes, "hello\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Vendors.load(notes))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("notes.txt")
                .hasMessageContaining("no OUI line");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Vendors.load(dir.resolve("missing")))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("missing");
    }
}
