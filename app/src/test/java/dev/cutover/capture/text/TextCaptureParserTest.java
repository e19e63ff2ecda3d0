package dev.cutover.capture.text;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Text captures as engineers paste them into tickets: pktcap-uw, tcpdump -xx/-XX, Wireshark hex dumps. */
class TextCaptureParserTest {
    private static final long SECOND = 1_000_000_000L;

    /** pktcap-uw --uplink vmnic3 without -o, as printed on an ESXi console (untagged bytes, VLAN beside them). */
    static final String PKTCAP = String.join("\n",
            "~ # pktcap-uw --uplink vmnic3",
            "The name of the uplink is vmnic3",
            "No server port specifed, select 38100 as the port",
            "Output the packet info to console.",
            "Local CID 2",
            "Listen on port 38100",
            "Accept...Vsock connection from port 1027 cid 2",
            "01:04:51.765509[1] Captured at EtherswitchDispath point, TSO not enabled, Checksum not offloaded and "
                    + "not verified, VLAN tag 602, length 60.",
            "Segment[0] ---- 60 bytes:",
            "0x0000:  ffff ffff ffff 0050 56bb cccf 0806 0001 ",
            "0x0010:  0800 0604 0001 0050 56bb cccf 0a01 000b ",
            "0x0020:  0000 0000 0000 0a01 0001 0000 0000 0000 ",
            "0x0030:  0000 0000 0000 0000 0000 0000 ",
            "11:59:06.483959[2] Captured at UplinkRcvKernel point, Checksum not offloaded and verified, length 62.",
            "    Segment[0] ---- 2048 bytes:",
            "    0x0000:  0100 5e00 0002 0000 0c07 ac3f 0800 45c0",
            "    0x0010:  0030 0000 0000 0111 db9d 0a5b f302 e000",
            "    0x0020:  0002 07c1 07c1 001c 75de 0000 1003 0ac8",
            "    0x0030:  3f00 6369 7363 6f00 0000 0a5b f301",
            "Dumped 2 packet to console, dropped 0 packets.",
            "Done.",
            "");

    @Test
    void pktcapUwKeepsTimeOfDayFrameNumberCapturePointAndVlanTag() {
        TextCapture t = TextCaptureParser.parse(PKTCAP);
        assertThat(t.format()).isEqualTo(TextFormat.PKTCAP_UW);
        assertThat(t.problems()).isEmpty();
        assertThat(t.interfaceName()).isEqualTo("vmnic3");
        assertThat(t.precisionDigits()).isEqualTo(6);
        assertThat(t.frames()).hasSize(2);
        TextFrame first = t.frames().get(0);
        assertThat(first.capturedLength()).isEqualTo(60);
        assertThat(first.originalLength()).isEqualTo(60);
        assertThat(first.vlan()).isEqualTo(602);
        assertThat(first.timestampNanos()).isEqualTo((3600 + 4 * 60 + 51) * SECOND + 765_509_000L);
        assertThat(first.comment()).isEqualTo("pktcap-uw [1] Captured at EtherswitchDispath point, TSO not enabled, "
                + "Checksum not offloaded and not verified, VLAN tag 602, length 60.");
        assertThat(first.line()).isEqualTo(10);
        assertThat(bytes(t, first)).startsWith(hex("ffffffffffff005056bbcccf08060001"));
        TextFrame second = t.frames().get(1);
        // the segment header names the buffer (2048), the frame header the length: the bytes printed decide
        assertThat(second.capturedLength()).isEqualTo(62);
        assertThat(second.vlan()).isEqualTo(-1);
        assertThat(bytes(t, second)).endsWith(hex("0a5bf301"));
    }

    @Test
    void pktcapUwSegmentsContinueOneFrame() {
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "23:52:02.839002[1] Captured at EtherswitchDispath point, TSO enabled, VLAN tag 4053, length 20.",
                "Segment[0] ---- 14 bytes:",
                "0x0000:  0050 566f 860d 0050 5666 0c74 0800",
                "Segment[1] ---- 6 bytes:",
                "0x0000:  4500 0640 edb5"));
        assertThat(t.problems()).isEmpty();
        assertThat(t.frames()).hasSize(1);
        assertThat(bytes(t, t.frames().get(0))).isEqualTo(hex("0050566f860d00505666 0c740800 45000640edb5"));
    }

    @Test
    void textCuttingAPktcapFrameShortIsReportedWithItsLineAndTheBytesBeforeItAreKept() {
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "23:52:02.839002[1] Captured at EtherswitchDispath point, TSO not enabled, VLAN tag 4053, length 1614.",
                "        Segment[0] ---- 1614 bytes:",
                "        0x0000:  0050 566f 860d 0050 5666 0c74 0800 4500 ",
                "        0x0010:  0640 edb5 4000 4001 3856 0a53 fd02 0a53 ",
                "<output truncated>",
                "23:52:03.839002[2] Captured at EtherswitchDispath point, TSO not enabled, VLAN tag 4053, length 2.",
                "        Segment[0] ---- 2 bytes:",
                "        0x0000:  0050"));
        assertThat(t.frames()).hasSize(2);
        assertThat(t.frames().get(0).capturedLength()).isEqualTo(32);
        assertThat(t.frames().get(0).originalLength()).isEqualTo(1614);
        assertThat(t.problems()).hasSize(1);
        TextProblem p = t.problems().get(0);
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.message()).isEqualTo("line 5: \"<output truncated>\" where frame 1 should go on; it keeps 32 of "
                + "its 1614 bytes");
    }

    @Test
    void aHexLineThatCannotBeReadIsReportedWithItsLineNumberAndTheFrameKeepsWhatCameBefore() {
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "08:00:00.000000 ARP, Request who-has 10.0.10.1 tell 10.0.10.5, length 46",
                "\t0x0000:  ffff ffff ffff 0050 569d 0001 0806 0001",
                "\t0x0010:  0800 06z4 0001 0050 569d 0001 0a00 0a05",
                "\t0x0020:  0000 0000 0000 0a00 0a01",
                "08:00:01.000000 ARP, Request who-has 10.0.10.1 tell 10.0.10.5, length 46",
                "\t0x0000:  ffff ffff ffff 0050 569d 0001 0806 0001"));
        assertThat(t.format()).isEqualTo(TextFormat.TCPDUMP);
        assertThat(t.frames()).extracting(TextFrame::capturedLength).containsExactly(16, 16);
        assertThat(t.problems()).hasSize(1);
        assertThat(t.problems().get(0).line()).isEqualTo(3);
        assertThat(t.problems().get(0).message()).isEqualTo(
                "line 3: a hex line whose bytes cannot be read: \"06z4\" is not hex; frame 1 keeps its first 16 bytes");
        assertThat(t.problems().get(0).frameNumber()).isEqualTo(1);
    }

    @Test
    void aMissingHexLineIsAnOffsetGap() {
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "0000  ff ff ff ff ff ff 00 50 56 9d b0 51 08 06 00 01",
                "0020  00 00 00 00 00 00 0a 00 0a 34"));
        assertThat(t.frames()).hasSize(1);
        assertThat(t.frames().get(0).capturedLength()).isEqualTo(16);
        assertThat(t.problems()).extracting(TextProblem::message).containsExactly(
                "line 2: offset 0x0020 where 0x0010 was expected; frame 1 keeps its first 16 bytes");
    }

    @Test
    void hexWithoutAFrameStartIsReported() {
        TextCapture t = TextCaptureParser.parse("some text\n0x0010:  0800 0604\n");
        assertThat(t.frames()).isEmpty();
        assertThat(t.problems()).extracting(TextProblem::message)
                .containsExactly("line 2: hex at offset 0x0010, but no frame started at offset 0 before it");
    }

    @Test
    void tcpdumpXxAndXXWithTheirTimeFormats() {
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "reading from file up.pcap, link-type EN10MB (Ethernet), snapshot length 262144",
                "2025-11-21 08:00:01.398564 ARP, Reverse Request who-is 00:50:56:9d:b0:51 tell 00:50:56:9d:b0:51",
                "\t0x0000:  ffff ffff ffff 0050 569d b051 8035 0001  .......PV..Q.5..",
                "\t0x0010:  0800 0604 0003 0050 569d b051 abcd       .......PV..Q..",
                "1763712002.5 IP 10.0.0.1 > 10.0.0.2: ICMP echo request",
                "\t0x0000:  0050 569d b051 0050 569d 0002 0800 45",
                "08:00:03.000000001 ARP",
                "\t0x0000:  ffff"));
        assertThat(t.problems()).isEmpty();
        assertThat(t.format()).isEqualTo(TextFormat.TCPDUMP);
        assertThat(t.frames()).extracting(TextFrame::capturedLength).containsExactly(30, 15, 2);
        long day = 1_763_683_200L * SECOND; // 2025-11-21T00:00:00Z
        assertThat(t.frames().get(0).timestampNanos()).isEqualTo(day + (8 * 3600 + 1) * SECOND + 398_564_000L);
        assertThat(bytes(t, t.frames().get(0))).endsWith(hex("abcd"));
        assertThat(t.frames().get(1).timestampNanos()).isEqualTo(1_763_712_002L * SECOND + 500_000_000L);
        assertThat(t.frames().get(2).timestampNanos()).isEqualTo((8 * 3600 + 3) * SECOND + 1);
        assertThat(t.precisionDigits()).isEqualTo(9);
    }

    @Test
    void tcpdumpNamesTheLinkType() {
        TextCapture t = TextCaptureParser.parse("reading from file any.pcap, link-type LINUX_SLL (Linux cooked v1)\n"
                + "08:00:00.000000 ARP\n\t0x0000:  0001 0001 0006\n");
        assertThat(t.linkType()).isEqualTo(113);
    }

    @Test
    void wiresharkHexDumpIgnoresTheAsciiColumnEvenWhenItLooksLikeHex() {
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "No.     Time           Source                Destination           Protocol Length Info",
                "      1 0.000000       VMware_9d:b0:51       Broadcast             ARP      60     Gratuitous ARP",
                "",
                "0000  ff ff ff ff ff ff 00 50 56 9d b0 51 08 06 00 01   .......PV..Q....",
                "0010  08 00 06 04 00 01 00 50 56 9d b0 51 0a 00 0a 34   .......PV..Q...4",
                "0020  00 00 00 00 00 00 0a 00 0a 34 61 62 20 63 64 20   .........4ab cd ",
                "0030  00 00 00 00 00 00 00 00 00 00 00 00               ............",
                "",
                "No.     Time           Source                Destination           Protocol Length Info",
                "      2 1.250000       VMware_9d:b0:51       Broadcast             ARP      60     Gratuitous ARP",
                "",
                "0000  ff ff ff ff ff ff 00 50  56 9d b0 51 08 06 00 01   .......PV..Q....",
                ""));
        assertThat(t.problems()).isEmpty();
        assertThat(t.format()).isEqualTo(TextFormat.HEX_DUMP);
        assertThat(t.frames()).extracting(TextFrame::capturedLength).containsExactly(60, 16);
        assertThat(bytes(t, t.frames().get(0))).containsSubsequence(hex("0a000a34616220636420"));
        assertThat(t.frames().get(1).timestampNanos()).isEqualTo(1_250_000_000L);
    }

    @Test
    void text2pcapInputWithoutTimesGetsOneMicrosecondApart() {
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "# a comment",
                "000000 ff ff ff ff ff ff 00 50 56 9d b0 51 80 35",
                "000000 ff ff ff ff ff ff 00 50 56 9d b0 52 80 35",
                "00000e 00 01"));
        assertThat(t.problems()).isEmpty();
        assertThat(t.frames()).extracting(TextFrame::capturedLength).containsExactly(14, 16);
        assertThat(t.frames()).extracting(TextFrame::timestampNanos).containsExactly(0L, 1_000L);
    }

    @Test
    void theAsciiColumnReadAsBytesIsTrimmedByTheNextOffset() {
        // one space before the ASCII column: read as bytes at first, then cut back by the next line's offset
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "0000 ff ff ff ff ff ff 00 50 56 9d b0 51 08 06 00 01 ab",
                "0010 08 00"));
        assertThat(t.problems()).isEmpty();
        assertThat(t.frames().get(0).capturedLength()).isEqualTo(18);
        assertThat(bytes(t, t.frames().get(0))).endsWith(hex("00010800"));
    }

    @Test
    void aCaptureRunningPastMidnightMovesToTheNextDay() {
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "23:59:59.900000[1] Captured at PortOutput point, length 2.",
                "0x0000:  ffff",
                "00:00:00.100000[2] Captured at PortOutput point, length 2.",
                "0x0000:  ffff"));
        assertThat(t.frames().get(1).timestampNanos() - t.frames().get(0).timestampNanos())
                .isEqualTo(200_000_000L);
        assertThat(t.frames().get(1).timestampNanos()).isEqualTo(86_400L * SECOND + 100_000_000L);
    }

    @Test
    void plainTextAndWiresharkDetailLinesAreNotFrames() {
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "hello, this is not a capture",
                "    0100 .... = Version: 4",
                "    .... 0101 = Header Length: 20 bytes (5)",
                "Frame 1: 60 bytes on wire (480 bits)",
                "ARP, Request who-has 10.0.10.1 tell 10.0.10.5, length 46"));
        assertThat(t.frames()).isEmpty();
        assertThat(t.problems()).isEmpty();
    }

    @Test
    void looksLikeTextRefusesBinary() {
        byte[] text = "0000  ff ff\n".getBytes();
        assertThat(TextCaptureParser.looksLikeText(text, text.length)).isTrue();
        assertThat(TextCaptureParser.looksLikeText(new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0},
                6)).isFalse();
        assertThat(TextCaptureParser.looksLikeText(new byte[0], 0)).isFalse();
    }

    private static byte[] bytes(TextCapture t, TextFrame f) {
        return java.util.Arrays.copyOfRange(t.data(), f.dataOffset(), f.dataOffset() + f.capturedLength());
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }
}
