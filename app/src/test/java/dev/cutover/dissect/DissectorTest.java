package dev.cutover.dissect;

import dev.cutover.capture.LinkTypes;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.Ethernet;
import dev.cutover.dissect.proto.Migration;
import dev.cutover.dissect.proto.Vlan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DissectorTest {
    private final Dissector dissector = new Dissector();
    private final Dissection d = new Dissection();

    private Dissection decode(byte[] frame) {
        dissector.dissect(Frames.info(frame), frame, d);
        return d;
    }

    private List<String> all(String abbrev) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            if (d.field(i).abbrev().equals(abbrev)) {
                out.add(FieldFormat.value(d, i));
            }
        }
        return out;
    }

    @Test
    void esxiRarpInVlan10IsAMigrationNotificationWithExactOffsets() {
        byte[] frame = Frames.esxiRarpVlan10();
        decode(frame);
        assertThat(d.protocolPath()).isEqualTo("eth:ethertype:vlan:ethertype:arp");
        assertThat(all("eth.type")).containsExactly("0x8100");
        assertThat(all("vlan.id")).containsExactly("10");
        assertThat(all("vlan.etype")).containsExactly("0x8035");
        assertThat(all("arp.opcode")).containsExactly("3");
        assertThat(all("arp.src.hw_mac")).containsExactly("00:50:56:9d:b0:51");
        assertThat(all("migration.notification")).containsExactly("1");
        assertThat(all("migration.vm_mac")).containsExactly("00:50:56:9d:b0:51");
        assertThat(all("migration.vm_vendor")).containsExactly("VMware");
        assertThat(all("eth.src.oui_resolved")).containsExactly("VMware");
        assertThat(all("eth.dst_resolved")).containsExactly("Broadcast");
        assertThat(d.protocolColumn()).isEqualTo("RARP");
        assertThat(d.infoColumn()).isEqualTo("Who is 00:50:56:9d:b0:51? Tell 00:50:56:9d:b0:51");

        int vid = d.find(Vlan.ID);
        assertThat(d.offset(vid)).isEqualTo(14);
        assertThat(d.length(vid)).isEqualTo(2);
        int sha = d.find(Arp.SRC_HW_MAC);
        assertThat(d.offset(sha)).isEqualTo(18 + 8);
        assertThat(d.length(sha)).isEqualTo(6);
        // Padding to 60 sits under the tag, and the 4 bytes after it are a trailer, never an FCS, as Wireshark.
        int padding = d.find(Ethernet.PADDING);
        assertThat(d.offset(padding)).isEqualTo(46);
        assertThat(d.length(padding)).isEqualTo(14);
        assertThat(all("vlan.trailer")).containsExactly("00000000");
        assertThat(d.has(Ethernet.FCS)).isFalse();
        // Clicking a byte of the sender MAC selects the sender MAC field.
        assertThat(d.field(d.deepestAt(27))).isSameAs(Arp.SRC_HW_MAC);
    }

    @Test
    void linuxAnnouncementIsGratuitousAndAnAnnouncement() {
        byte[] frame = Frames.of().hex("ffffffffffff 00155d010203 0806")
                .hex("0001 0800 06 04 0001 00155d010203 0a000098 000000000000 0a000098").pad(60).bytes();
        decode(frame);
        assertThat(all("arp.isgratuitous")).containsExactly("1");
        assertThat(all("arp.isannouncement")).containsExactly("1");
        assertThat(all("arp.isprobe")).isEmpty();
        assertThat(d.infoColumn()).isEqualTo("ARP Announcement for 10.0.0.152");
        assertThat(all("eth.padding")).containsExactly("000000000000000000000000000000000000");
        assertThat(all("migration.notification")).isEmpty();
    }

    @Test
    void probeFromZeroAddress() {
        byte[] frame = Frames.of().hex("ffffffffffff 525400aabbcc 0806")
                .hex("0001 0800 06 04 0001 525400aabbcc 00000000 000000000000 0a000001").bytes();
        decode(frame);
        assertThat(all("arp.isprobe")).containsExactly("1");
        assertThat(all("arp.isgratuitous")).isEmpty();
        assertThat(d.infoColumn()).isEqualTo("Who has 10.0.0.1? (ARP Probe)");
    }

    @Test
    void senderMacDifferentFromEthernetSourceIsAnExpertWarning() {
        byte[] frame = Frames.of().hex("001122334455 00deadbeef01 0806")
                .hex("0001 0800 06 04 0002 0050569db051 0a000001 001122334455 0a000002").bytes();
        decode(frame);
        int e = d.find(Arp.SENDER_MISMATCH.field());
        assertThat(e).isNotNegative();
        assertThat(d.severity(e)).isEqualTo(Severity.WARNING);
        assertThat((String) d.object(e)).contains("00:50:56:9d:b0:51").contains("00:de:ad:be:ef:01");
    }

    @Test
    void groupSourceAddressIsFlagged() {
        byte[] frame = Frames.of().hex("ffffffffffff 01005e000001 0806")
                .hex("0001 0800 06 04 0001 01005e000001 0a000001 000000000000 0a000002").bytes();
        decode(frame);
        assertThat(d.has(Ethernet.SRC_NOT_GROUP.field())).isTrue();
    }

    @Test
    void arpCutShortByTheSnaplenKeepsWhatWasThereAndSaysWhatIsMissing() {
        byte[] full = Frames.of().hex("ffffffffffff 0050569db051 0806")
                .hex("0001 0800 06 04 0001 0050569db051 0a000001 000000000000 0a000002").bytes();
        byte[] cut = java.util.Arrays.copyOf(full, 24);
        dissector.dissect(Frames.info(cut, 42, 1), cut, d);
        assertThat(all("arp.opcode")).containsExactly("1");
        assertThat(all("arp.src.hw_mac")).isEmpty();
        int e = d.find(Dissector.SHORT.field());
        assertThat(e).isNotNegative();
        // Wireshark reads all four addresses before showing any: the first that does not fit is the one named,
        // with its own size
        assertThat((String) d.object(e)).contains("arp.src.hw_mac needs 6 bytes at offset 22, only 2 there");
        assertThat(d.isMalformed()).isTrue();
    }

    @Test
    void aProtocolSizeTooLargeForTheFrameNamesTheSenderProtocolAddressNotTheMac() {
        // ndpi_fuzz-2006-06-26-2594.pcap frame 276: protocol size 101 in a 60-byte frame; the sender MAC fits
        byte[] frame = Frames.of().hex("ffffffffffff 0030540034 56 0806")
                .hex("0001 0800 06 65 0001 003054003456 0a000001").pad(60).bytes();
        decode(frame);
        int e = d.find(Dissector.MALFORMED.field());
        assertThat(e).isNotNegative();
        assertThat((String) d.object(e)).contains("arp.src.proto needs 101 bytes at offset 28, only 32 there");
        assertThat(all("arp.src.hw_mac")).isEmpty();
    }

    @Test
    void hardwareSize255IsMalformedNotAnOverrun() {
        byte[] frame = Frames.of().hex("ffffffffffff 0050569db051 0806")
                .hex("0001 0800 ff 04 0001 0050569db051 0a000001").pad(60).bytes();
        decode(frame);
        assertThat(all("arp.hw.size")).containsExactly("255");
        assertThat(d.has(Dissector.MALFORMED.field())).isTrue();
        assertThat(all("arp.src.hw")).isEmpty();
        assertThat(d.has(Arp.UNUSUAL_SIZES.field())).isTrue();
    }

    @Test
    void sixtyStackedTagsAreAllDecoded() {
        Frames f = Frames.of().hex("ffffffffffff 0050569db051");
        for (int i = 0; i < 60; i++) {
            f.hex("8100").hex(String.format("%04x", i + 1));
        }
        f.hex("8035").hex("0001 0800 06 04 0003 0050569db051 00000000 0050569db051 00000000");
        byte[] frame = f.bytes();
        decode(frame);
        List<String> ids = all("vlan.id");
        assertThat(ids).hasSize(60);
        assertThat(ids.get(0)).isEqualTo("1");
        assertThat(ids.get(59)).isEqualTo("60");
        assertThat(all("migration.notification")).containsExactly("1");
    }

    @Test
    void qinqServiceTagGoesToIeee8021adAndCustomerTagToVlan() {
        byte[] frame = Frames.of().hex("ffffffffffff 0050569db051 88a8 00c8 8100 07d1 0806")
                .hex("0001 0800 06 04 0001 0050569db051 0a000001 000000000000 0a000002").pad(64).bytes();
        decode(frame);
        assertThat(all("ieee8021ad.id")).containsExactly("200");
        assertThat(all("vlan.id")).containsExactly("2001");
        assertThat(d.protocolPath()).isEqualTo("eth:ethertype:ieee8021ad:ethertype:vlan:ethertype:arp");
    }

    @Test
    void linuxCookedV2RarpIsDecodedWithoutAnEthernetHeader() {
        byte[] frame = Frames.of().hex("8035 0000 00000002 0001 01 06 525400112233 0000")
                .hex("0001 0800 06 04 0003 525400112233 00000000 525400112233 00000000").bytes();
        dissector.dissect(Frames.info(frame, frame.length, LinkTypes.LINUX_SLL2), frame, d);
        assertThat(d.protocolPath()).isEqualTo("sll:ethertype:arp");
        assertThat(all("sll.etype")).containsExactly("0x8035");
        assertThat(all("sll.src.eth")).containsExactly("52:54:00:11:22:33");
        assertThat(all("migration.notification")).containsExactly("1");
        assertThat(all("migration.vm_vendor")).containsExactly("QEMU/KVM");
    }

    @Test
    void unknownLinkTypeKeepsTheBytesAndSaysSo() {
        byte[] frame = Frames.of().hex("0102030405").bytes();
        dissector.dissect(Frames.info(frame, 5, 284), frame, d);
        assertThat(d.has(Dissector.UNDECODED.field())).isTrue();
        assertThat(FieldFormat.value(d, d.find(Dissector.UNDECODED.field()))).contains("284");
    }

    @Test
    void decodingStopsAtTheLinkLayerWhenAsked() {
        byte[] frame = Frames.esxiRarpVlan10();
        dissector.dissect(Frames.info(frame), frame, d, Layer.LINK);
        assertThat(all("vlan.id")).containsExactly("10");
        assertThat(all("arp.opcode")).isEmpty();
    }

    @Test
    void everyFieldIsDeclaredOnceInTheCatalogue() {
        assertThat(FieldCatalogue.byName("arp.opcode")).isSameAs(Arp.OPCODE);
        assertThat(FieldCatalogue.byName("migration.notification")).isSameAs(Migration.NOTIFICATION);
        assertThat(FieldCatalogue.all()).extracting(Field::abbrev).doesNotHaveDuplicates();
    }

    @Test
    void treeLabelsReadLikeWireshark() {
        decode(Frames.esxiRarpVlan10());
        StringBuilder sb = new StringBuilder();
        DissectionText.appendTree(sb, d);
        assertThat(sb.toString())
                .contains("Ethernet II, Src: 00:50:56:9d:b0:51, Dst: ff:ff:ff:ff:ff:ff")
                .contains("802.1Q Virtual LAN, PRI: 0, DEI: 0, ID: 10")
                .contains("    .... 0000 0000 1010 = ID: 10")
                .contains("Address Resolution Protocol (reverse request)")
                .contains("    Opcode: reverse request (3)")
                .contains("[Migration notification");
    }
}
