package dev.cutover.capture;

import dev.cutover.capture.text.TextCapture;
import dev.cutover.capture.text.TextCaptureParser;
import dev.cutover.capture.text.TextFormat;
import dev.cutover.capture.text.TextFrame;
import dev.cutover.capture.text.TextProblem;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Indexes a capture printed as text (pktcap-uw console output, tcpdump hex and -e lines, Wireshark hex dumps): the frames'
 * bytes are decoded into memory, which is why the text's size is bounded before anything is read.
 */
final class TextSourceReader {
    private static final int SNIFF = 64 << 10;
    private static final int REPORT_EVERY = 4 << 20;
    private static final int PROBLEMS_IN_MESSAGE = 5;

    private TextSourceReader() {
    }

    /** True when the source's first bytes are text worth reading as a text capture. */
    static boolean looksLikeText(ByteSource source, long size) throws IOException {
        byte[] head = new byte[(int) Math.min(SNIFF, size)];
        int n = source.read(0, head, 0, head.length);
        return TextCaptureParser.looksLikeText(head, n);
    }

    /**
     * Reads the text into the scan.
     *
     * @param notACapture the message for a file that is neither binary capture nor text holding frames
     */
    static void read(ByteSource source, long size, SourceScan scan, ByteWindow.RefillListener progress,
                     String notACapture) throws IOException {
        if (size > TextCaptureParser.MAX_TEXT_BYTES) {
            throw new CaptureException(scan.file, 0, String.format(Locale.ROOT,
                    "a text capture of %.1f MiB is more than the %d MiB Cutover reads as text; convert it with "
                            + "text2pcap first", size / 1048576.0, TextCaptureParser.MAX_TEXT_BYTES >> 20));
        }
        TextCapture text;
        try (InputStream in = new SourceStream(source, size, progress)) {
            text = TextCaptureParser.parse(in).withVlanTagsInserted();
        }
        if (text.frames().isEmpty()) {
            String why = text.problems().isEmpty() ? "" : "text with no frame that can be read ("
                    + text.problems().get(0).message() + "), and ";
            throw new CaptureException(scan.file, 0, why + notACapture);
        }
        scan.format = formatOf(text.format());
        scan.version = null;
        scan.byteOrder = null;
        scan.sections = 1;
        InterfaceInfo iface;
        try {
            iface = scan.addInterface(0, 0, 0, text.interfaceName(), describe(text.format()), text.linkType(), 0,
                    text.precisionDigits(), text.format() == TextFormat.HEX_DUMP ? -1 : 0);
        } catch (Malformed m) {
            scan.damage(m.offset(), m.reason());
            return;
        }
        for (TextFrame f : text.frames()) {
            scan.frame(f.dataOffset(), f.timestampNanos(), f.capturedLength(), f.originalLength(), iface.id());
            List<String> comments = new ArrayList<>(2);
            if (f.comment() != null) {
                comments.add(f.comment());
            }
            if (f.vlanInserted()) {
                comments.add(f.vlanNote());
            }
            scan.notes.add(scan.index.size() - 1, 0, comments, f.vlan());
        }
        scan.opened.readFrom(new MemoryByteSource(Arrays.copyOf(text.data(), text.dataLength())));
        if (text.problemCount() > 0) {
            scan.damage = damage(scan, text);
        }
    }

    private static CaptureDamage damage(SourceScan scan, TextCapture text) {
        List<TextProblem> problems = text.problems();
        StringBuilder reason = new StringBuilder();
        for (int i = 0; i < Math.min(PROBLEMS_IN_MESSAGE, problems.size()); i++) {
            if (i > 0) {
                reason.append("; ");
            }
            reason.append(problems.get(i).message());
        }
        int more = text.problemCount() - Math.min(PROBLEMS_IN_MESSAGE, problems.size());
        if (more > 0) {
            reason.append(" (and ").append(more).append(more == 1 ? " more line)" : " more lines)");
        }
        TextProblem first = problems.get(0);
        return new CaptureDamage(scan.file, first.frameNumber(), first.byteOffset(), reason.toString());
    }

    private static CaptureFormat formatOf(TextFormat format) {
        switch (format) {
            case PKTCAP_UW:
                return CaptureFormat.PKTCAP_UW_TEXT;
            case TCPDUMP:
            case TCPDUMP_LINES:
                return CaptureFormat.TCPDUMP_TEXT;
            default:
                return CaptureFormat.HEX_DUMP_TEXT;
        }
    }

    private static String describe(TextFormat format) {
        switch (format) {
            case PKTCAP_UW:
                return "pktcap-uw console output";
            case TCPDUMP:
                return "tcpdump hex output";
            case TCPDUMP_LINES:
                return "tcpdump -e one-line text";
            default:
                return "hex dump text";
        }
    }

    /** The source as a stream, telling the listener how far it has got every few megabytes. */
    private static final class SourceStream extends InputStream {
        private final ByteSource source;
        private final long size;
        private final ByteWindow.RefillListener progress;
        private long pos;
        private long nextReport = REPORT_EVERY;

        SourceStream(ByteSource source, long size, ByteWindow.RefillListener progress) {
            this.source = source;
            this.size = size;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= size) {
                return -1;
            }
            int n = source.read(pos, b, off, (int) Math.min(len, size - pos));
            if (n <= 0) {
                return -1;
            }
            pos += n;
            if (pos >= nextReport) {
                progress.refilled(pos);
                nextReport = pos + REPORT_EVERY;
            }
            return n;
        }
    }
}
