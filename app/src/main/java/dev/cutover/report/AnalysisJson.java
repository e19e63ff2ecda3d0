package dev.cutover.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.analysis.MigrationEvent;
import dev.cutover.analysis.MigrationOutcome;
import dev.cutover.analysis.RarpBurst;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureSummary;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.SourceInfo;
import dev.cutover.dissect.Addresses;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The analysis as JSON: frame numbers 1-based over the merged captures, times ISO-8601 UTC. */
public final class AnalysisJson {
    /** The whole report. */
    public record Report(List<CaptureJson> captures, int frames, int arpFrames, int ndpFrames, int copies,
                         List<Migration> migrations, List<FindingJson> findings) {
    }

    /** One file opened. */
    public record CaptureJson(String file, String format, int frames, List<String> interfaces, String damage) {
    }

    /** One migration event. */
    public record Migration(int id, String mac, String vendor, List<Integer> vlans, List<String> interfaces, Rarp rarp,
                     Garp garp, Double rarpToGarpMs, Na na, Double rarpToNaMs, Outcome outcome) {
    }

    /**
     * What the traffic around a migration says of it: frame numbers 1-based; {@code echo} null when no echo request
     * went to or from the VM's addresses in the window, {@code tcp} null when none of its TCP flows had a segment there
     * until they are measured.
     */
    public record Outcome(String verdict, String summary, Double darkMs, boolean darkToWindowEnd, Seen lastBefore,
                          Seen firstAfter, boolean staleJudged, int staleFrames, Integer staleFirst,
                          Integer staleLast, Double convergenceMs, String staleInterface, boolean flooding,
                          int floodedFrames, Echo echo, Tcp tcp) {
    }

    /** One frame of the VM's: its number, time and interface. */
    public record Seen(int frame, String time,
                       @com.fasterxml.jackson.annotation.JsonProperty("interface") String interface_) {
    }

    /** The continuous ping around a move. */
    public record Echo(int sent, int answered, int lost, double longestGapMs, int longestLostRun) {
    }

    /** The VM's TCP flows around a move. */
    public record Tcp(int retransmissions, double longestStallMs) {
    }

    /** The unsolicited Neighbor Advertisements of an event (IPv6's gratuitous ARP). */
    public record Na(int count, int firstFrame, List<String> ipv6s, String firstTime, List<Integer> frames) {
    }

    /** A RARP burst. */
    public record Rarp(int count, int firstFrame, int lastFrame, String firstTime, String lastTime, List<Double> intervalsMs,
                String pattern, List<Integer> frames) {
    }

    /** The gratuitous ARP of an event. */
    public record Garp(int count, int firstFrame, List<String> ips, String firstTime, List<Integer> frames) {
    }

    /** One finding. */
    public record FindingJson(String code, String severity, String mac, String ip, String ipv6, List<Integer> frames,
                              String message) {
    }

    private AnalysisJson() {
    }

    /** The analysis as JSON text. */
    public static String render(Capture capture, AnalysisResult result) throws java.io.IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        write(capture, result, out);
        return out.toString();
    }

    /**
     * Writes the analysis as JSON to {@code out} as it goes, field by field, laid out as Jackson's default pretty
     * printer lays out {@link #model}: a dense capture has tens of thousands of migrations, which a tree or one
     * String of the whole would first hold in memory, and binding the records by reflection costs more than the
     * writing. {@code out} is flushed, not closed.
     */
    public static void write(Capture capture, AnalysisResult result, java.io.Writer out) throws java.io.IOException {
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("captures");
            for (CaptureJson c : captures(capture)) {
                g.writeStartObject();
                g.writeStringField("file", c.file());
                g.writeStringField("format", c.format());
                g.writeNumberField("frames", c.frames());
                strings(g, "interfaces", c.interfaces());
                g.writeStringField("damage", c.damage());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("frames", result.frameCount());
            g.writeNumberField("arpFrames", result.arpFrameCount());
            g.writeNumberField("ndpFrames", result.ndpFrameCount());
            g.writeNumberField("copies", result.copyCount());
            g.writeArrayFieldStart("migrations");
            // each migration is made and written in turn: tens of thousands are never all held at once
            for (MigrationEvent e : result.migrations()) {
                Migration m = migration(capture, result, e);
                g.writeStartObject();
                g.writeNumberField("id", m.id());
                g.writeStringField("mac", m.mac());
                g.writeStringField("vendor", m.vendor());
                ints(g, "vlans", m.vlans());
                strings(g, "interfaces", m.interfaces());
                g.writeFieldName("rarp");
                Rarp b = m.rarp();
                if (b == null) {
                    g.writeNull();
                } else {
                    g.writeStartObject();
                    g.writeNumberField("count", b.count());
                    g.writeNumberField("firstFrame", b.firstFrame());
                    g.writeNumberField("lastFrame", b.lastFrame());
                    g.writeStringField("firstTime", b.firstTime());
                    g.writeStringField("lastTime", b.lastTime());
                    g.writeArrayFieldStart("intervalsMs");
                    for (double d : b.intervalsMs()) {
                        g.writeNumber(d);
                    }
                    g.writeEndArray();
                    g.writeStringField("pattern", b.pattern());
                    ints(g, "frames", b.frames());
                    g.writeEndObject();
                }
                g.writeFieldName("garp");
                Garp a = m.garp();
                if (a == null) {
                    g.writeNull();
                } else {
                    g.writeStartObject();
                    g.writeNumberField("count", a.count());
                    g.writeNumberField("firstFrame", a.firstFrame());
                    strings(g, "ips", a.ips());
                    g.writeStringField("firstTime", a.firstTime());
                    ints(g, "frames", a.frames());
                    g.writeEndObject();
                }
                number(g, "rarpToGarpMs", m.rarpToGarpMs());
                g.writeFieldName("na");
                Na na = m.na();
                if (na == null) {
                    g.writeNull();
                } else {
                    g.writeStartObject();
                    g.writeNumberField("count", na.count());
                    g.writeNumberField("firstFrame", na.firstFrame());
                    strings(g, "ipv6s", na.ipv6s());
                    g.writeStringField("firstTime", na.firstTime());
                    ints(g, "frames", na.frames());
                    g.writeEndObject();
                }
                number(g, "rarpToNaMs", m.rarpToNaMs());
                writeOutcome(g, m.outcome());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Finding finding : result.findings()) {
                FindingJson f = finding(finding);
                g.writeStartObject();
                g.writeStringField("code", f.code());
                g.writeStringField("severity", f.severity());
                g.writeStringField("mac", f.mac());
                g.writeStringField("ip", f.ip());
                g.writeStringField("ipv6", f.ipv6());
                ints(g, "frames", f.frames());
                g.writeStringField("message", f.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.flush();
    }

    private static void writeOutcome(JsonGenerator g, Outcome o) throws java.io.IOException {
        g.writeFieldName("outcome");
        if (o == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("verdict", o.verdict());
        g.writeStringField("summary", o.summary());
        number(g, "darkMs", o.darkMs());
        g.writeBooleanField("darkToWindowEnd", o.darkToWindowEnd());
        seen(g, "lastBefore", o.lastBefore());
        seen(g, "firstAfter", o.firstAfter());
        g.writeBooleanField("staleJudged", o.staleJudged());
        g.writeNumberField("staleFrames", o.staleFrames());
        number(g, "staleFirst", o.staleFirst());
        number(g, "staleLast", o.staleLast());
        number(g, "convergenceMs", o.convergenceMs());
        g.writeStringField("staleInterface", o.staleInterface());
        g.writeBooleanField("flooding", o.flooding());
        g.writeNumberField("floodedFrames", o.floodedFrames());
        g.writeFieldName("echo");
        if (o.echo() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("sent", o.echo().sent());
            g.writeNumberField("answered", o.echo().answered());
            g.writeNumberField("lost", o.echo().lost());
            g.writeNumberField("longestGapMs", o.echo().longestGapMs());
            g.writeNumberField("longestLostRun", o.echo().longestLostRun());
            g.writeEndObject();
        }
        g.writeFieldName("tcp");
        if (o.tcp() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("retransmissions", o.tcp().retransmissions());
            g.writeNumberField("longestStallMs", o.tcp().longestStallMs());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void seen(JsonGenerator g, String name, Seen s) throws java.io.IOException {
        g.writeFieldName(name);
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("frame", s.frame());
        g.writeStringField("time", s.time());
        g.writeStringField("interface", s.interface_());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, Number v) throws java.io.IOException {
        g.writeFieldName(name);
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else {
            g.writeNumber(v.doubleValue());
        }
    }

    /** The outcome of {@code e} as JSON, or null when outcomes were not measured. */
    static Outcome outcome(Capture capture, AnalysisResult result, MigrationEvent e) {
        MigrationOutcome o = result.outcomeOf(e);
        if (o == null) {
            return null;
        }
        Seen before = o.lastBefore() < 0 ? null : new Seen(o.lastBefore() + 1,
                time(capture, o.lastBefore(), o.lastBeforeTime()), name(result, o.lastBeforeInterface()));
        Seen after = o.firstAfter() < 0 ? null : new Seen(o.firstAfter() + 1,
                time(capture, o.firstAfter(), o.firstAfterTime()), name(result, o.firstAfterInterface()));
        Echo echo = o.echo() == null ? null : new Echo(o.echo().sent(), o.echo().answered(), o.echo().lost(),
                millis(o.echo().longestGapNanos()), o.echo().longestLostRun());
        Tcp tcp = o.tcp() == null ? null : new Tcp(o.tcp().retransmissions(), millis(o.tcp().longestStallNanos()));
        return new Outcome(o.verdict().id(), o.summary(), o.darkNanos() < 0 ? null : millis(o.darkNanos()),
                o.darkToWindowEnd(), before, after, o.staleJudged(), o.staleFrames(),
                o.staleFirst() < 0 ? null : o.staleFirst() + 1, o.staleLast() < 0 ? null : o.staleLast() + 1,
                o.convergenceNanos() < 0 ? null : millis(o.convergenceNanos()),
                o.staleInterface() < 0 ? null : name(result, o.staleInterface()), o.flooding(), o.floodedFrames(),
                echo, tcp);
    }

    private static String name(AnalysisResult result, int iface) {
        return iface >= 0 && iface < result.interfaceNames().size() ? result.interfaceNames().get(iface) : null;
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws java.io.IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void ints(JsonGenerator g, String name, List<Integer> values) throws java.io.IOException {
        g.writeArrayFieldStart(name);
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    /** The analysis as records, for JSON and the reports. */
    public static Report model(Capture capture, AnalysisResult result) {
        List<CaptureJson> captures = captures(capture);
        List<Migration> migrations = new ArrayList<>();
        for (MigrationEvent e : result.migrations()) {
            migrations.add(migration(capture, result, e));
        }
        List<FindingJson> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            findings.add(finding(f));
        }
        return new Report(captures, result.frameCount(), result.arpFrameCount(), result.ndpFrameCount(), result.copyCount(), migrations,
                findings);
    }

    private static FindingJson finding(Finding f) {
        return new FindingJson(f.code().id(), f.severity().name().toLowerCase(Locale.ROOT),
                f.mac() < 0 ? null : Addresses.mac(f.mac()), f.ip() < 0 ? null : Addresses.ipv4(f.ip()), f.ipv6(),
                oneBased(f.frames()), f.message());
    }

    private static List<CaptureJson> captures(Capture capture) {
        List<CaptureJson> captures = new ArrayList<>();
        for (int s = 0; s < capture.sources().size(); s++) {
            SourceInfo src = capture.sources().get(s);
            List<String> names = new ArrayList<>();
            for (InterfaceInfo i : capture.interfaces()) {
                if (i.sourceIndex() == s) {
                    names.add(i.name());
                }
            }
            captures.add(new CaptureJson(src.file().toString(), src.format().label(), src.frames(), names,
                    src.damage() == null ? null : src.damage().message()));
        }
        return captures;
    }

    private static Migration migration(Capture capture, AnalysisResult result, MigrationEvent e) {
        Rarp rarp = null;
        RarpBurst b = e.rarp();
        if (b != null) {
            List<Double> intervals = new ArrayList<>();
            for (long d : b.intervalsNanos()) {
                intervals.add(millis(d));
            }
            rarp = new Rarp(b.count(), b.firstFrame() + 1, b.lastFrame() + 1, time(capture, b.firstFrame(), b.firstTime()),
                    time(capture, b.lastFrame(), b.lastTime()), intervals, b.pattern().id(), oneBased(b.frames()));
        }
        Garp garp = null;
        if (e.hasGarp()) {
            List<String> ips = new ArrayList<>();
            for (long ip : e.ips()) {
                ips.add(Addresses.ipv4(ip));
            }
            int first = e.garpFrames().get(0);
            garp = new Garp(e.garpFrames().size(), first + 1, ips, time(capture, first, e.garpTimes().get(0)),
                    oneBased(e.garpFrames()));
        }
        List<String> interfaces = new ArrayList<>();
        for (int i : e.interfaces()) {
            interfaces.add(result.interfaceNames().get(i));
        }
        Na na = null;
        if (e.hasNa()) {
            int first = e.naFrames().get(0);
            na = new Na(e.naFrames().size(), first + 1, e.ipv6s(), time(capture, first, e.naTimes().get(0)),
                    oneBased(e.naFrames()));
        }
        return new Migration(e.id() + 1, Addresses.mac(e.mac()), e.vendor(), e.vlans(), interfaces, rarp, garp,
                e.rarpToGarpNanos().isPresent() ? millis(e.rarpToGarpNanos().getAsLong()) : null, na,
                e.rarpToNaNanos().isPresent() ? millis(e.rarpToNaNanos().getAsLong()) : null,
                outcome(capture, result, e));
    }

    /** ISO-8601 UTC with the precision of the frame's interface. */
    public static String time(Capture capture, int frame, long nanos) {
        return CaptureSummary.iso(nanos, capture.interfaceOf(frame).timePrecisionDigits());
    }

    /** Milliseconds, to the microsecond. */
    public static double millis(long nanos) {
        return Math.round(nanos / 1000.0) / 1000.0;
    }

    public static List<Integer> oneBased(List<Integer> frames) {
        List<Integer> l = new ArrayList<>(frames.size());
        for (int f : frames) {
            l.add(f + 1);
        }
        return l;
    }
}
