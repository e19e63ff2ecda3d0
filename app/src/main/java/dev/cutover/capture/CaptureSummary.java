package dev.cutover.capture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code capinfos} tells about one file: format, encapsulations, interfaces, counts, times and rates.
 *
 * @param firstTime ISO-8601 UTC with the capture's precision, or null when the file has no frames
 * @param timeShiftNanos nanoseconds added to each of the file's time stamps when it was opened (0 for none); the
 *                       times here include it
 */
public record CaptureSummary(String file, String format, boolean gzipped, String byteOrder, String version,
                             List<String> encapsulations, List<Interface> interfaces, int frames, long fileSize,
                             long dataSize, String firstTime, String lastTime, double durationSeconds,
                             double averageFrameSize, double framesPerSecond, int precisionDigits,
                             List<String> comments, String application, String hardware, String os,
                             String damage, long timeShiftNanos) {

    /** One interface as capinfos lists it. */
    public record Interface(int id, String name, String description, String encapsulation, int linkType,
                            int snapLength, int precisionDigits, int frames) {
    }

    /** Summarises source {@code sourceIndex} of an open capture. */
    public static CaptureSummary of(Capture capture, int sourceIndex) {
        SourceInfo src = capture.sources().get(sourceIndex);
        FrameIndex index = capture.index();
        List<InterfaceInfo> ifaces = new ArrayList<>();
        for (InterfaceInfo i : capture.interfaces()) {
            if (i.sourceIndex() == sourceIndex) {
                ifaces.add(i);
            }
        }
        int[] perInterface = new int[capture.interfaces().size()];
        boolean[] ofSource = new boolean[perInterface.length];
        for (InterfaceInfo i : ifaces) {
            ofSource[i.id()] = true;
        }
        long data = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int frames = 0;
        boolean onlySource = capture.sources().size() == 1;
        for (int i = 0; i < index.size(); i++) {
            if (!onlySource && !ofSource[index.interfaceId(i)]) {
                continue;
            }
            frames++;
            // capinfos' data size counts each packet's length on the wire, not what the snapshot length kept
            data += index.originalLength(i);
            long t = index.timestampNanos(i);
            first = Math.min(first, t);
            last = Math.max(last, t);
            perInterface[index.interfaceId(i)]++;
        }
        int digits = 0;
        Set<String> encaps = new LinkedHashSet<>();
        List<Interface> list = new ArrayList<>();
        for (InterfaceInfo i : ifaces) {
            digits = Math.max(digits, i.timePrecisionDigits());
            encaps.add(LinkTypes.name(i.linkType()));
            list.add(new Interface(list.size(), i.name(), i.description(), LinkTypes.name(i.linkType()),
                    i.linkType(), i.snapLen(), i.timePrecisionDigits(), perInterface[i.id()]));
        }
        double duration = frames == 0 ? 0 : (last - first) / 1e9;
        return new CaptureSummary(src.file().toString(), src.format().label(), src.gzipped(), src.byteOrder(),
                src.version(), List.copyOf(encaps), List.copyOf(list), frames, src.fileSize(), data,
                frames == 0 ? null : iso(first, digits), frames == 0 ? null : iso(last, digits), duration,
                frames == 0 ? 0 : (double) data / frames, duration > 0 ? frames / duration : 0, digits,
                src.comments(), src.application(), src.hardware(), src.os(),
                src.damage() == null ? null : src.damage().message(), src.timeShiftNanos());
    }

    /** "2013-12-05T15:59:59.430926Z": ISO-8601 UTC with {@code digits} decimals. */
    public static String iso(long nanos, int digits) {
        // reports and analyze's JSON format thousands of these: arithmetic, not a formatter per call
        return dev.cutover.text.IsoTime.iso(nanos, digits);
    }

    /**
     * {@code value} with {@code digits} decimals, as {@code String.format(Locale.ROOT, "%.<digits>f", value)}
     * writes it (half up, from the shortest decimal that reads back as the double), without loading a Formatter.
     */
    static String fixed(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.format(Locale.ROOT, "%." + digits + "f", value);
        }
        if (value < 0 || (value == 0 && 1 / value < 0)) {
            // the sign stays even when the digits round to zero ("-0")
            return "-" + fixed(-value, digits);
        }
        return new java.math.BigDecimal(Double.toString(value)).setScale(digits, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** The capinfos-like text block. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        line(sb, "File name", file);
        line(sb, "File type", format + (gzipped ? " (gzip-compressed)" : "")
                + (byteOrder == null ? "" : ", " + byteOrder) + (version == null ? "" : ", version " + version));
        line(sb, "File encapsulation", encapsulations.isEmpty() ? "(none)" : String.join(", ", encapsulations));
        line(sb, "Timestamp precision", precisionName(precisionDigits));
        if (timeShiftNanos != 0) {
            line(sb, "Time shift", TimeShifts.signed(timeShiftNanos)
                    + " s, added to every time stamp (the file is unchanged)");
        }
        line(sb, "Number of frames", Integer.toString(frames));
        line(sb, "File size", fileSize + " bytes");
        line(sb, "Data size", dataSize + " bytes");
        if (frames > 0) {
            line(sb, "Capture duration", fixed(durationSeconds, 6) + " seconds");
            line(sb, "First frame time", firstTime);
            line(sb, "Last frame time", lastTime);
            line(sb, "Average frame size", fixed(averageFrameSize, 2) + " bytes");
            if (framesPerSecond > 0) {
                line(sb, "Average frame rate", fixed(framesPerSecond, 1) + " frames/s");
                line(sb, "Data bit rate", fixed(dataSize * 8 / durationSeconds, 0) + " bits/s");
            }
        }
        if (application != null) {
            line(sb, "Capture application", application);
        }
        if (hardware != null) {
            line(sb, "Capture hardware", hardware);
        }
        if (os != null) {
            line(sb, "Capture OS", os);
        }
        for (String c : comments) {
            line(sb, "Capture comment", c);
        }
        line(sb, "Number of interfaces", Integer.toString(interfaces.size()));
        for (Interface i : interfaces) {
            sb.append("  #").append(i.id()).append(' ').append(i.name()).append(": ").append(i.encapsulation())
                    .append(" (").append(i.linkType()).append("), snaplen ").append(i.snapLength()).append(", ")
                    .append(precisionName(i.precisionDigits())).append(", ").append(i.frames()).append(" frames")
                    .append(System.lineSeparator());
            if (i.description() != null && !i.description().isEmpty()) {
                sb.append("      ").append(i.description()).append(System.lineSeparator());
            }
        }
        if (damage != null) {
            line(sb, "Damage", damage);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        // as "%-21s%s%n" would, without a Formatter: its locale data costs a short command more than the rest
        int start = sb.length();
        sb.append(label).append(':');
        while (sb.length() - start < 21) {
            sb.append(' ');
        }
        sb.append(value).append(System.lineSeparator());
    }

    static String precisionName(int digits) {
        switch (digits) {
            case 0: return "seconds (0)";
            case 3: return "milliseconds (3)";
            case 6: return "microseconds (6)";
            case 9: return "nanoseconds (9)";
            default: return digits + " decimal digits";
        }
    }

    public static String baseName(Path p) {
        Path f = p.getFileName();
        return f == null ? p.toString() : f.toString();
    }
}
