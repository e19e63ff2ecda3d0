package dev.cutover.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.analysis.MigrationEvent;
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
    public record Report(List<CaptureJson> captures, int frames, int arpFrames, List<Migration> migrations,
                  List<FindingJson> findings) {
    }

    /** One file opened. */
    public record CaptureJson(String file, String format, int frames, List<String> interfaces, String damage) {
    }

    /** One migration event. */
    public record Migration(int id, String mac, String vendor, List<Integer> vlans, List<String> interfaces, Rarp rarp,
                     Garp garp, Double rarpToGarpMs) {
    }

    /** A RARP burst. */
    public record Rarp(int count, int firstFrame, int lastFrame, String firstTime, String lastTime, List<Double> intervalsMs,
                String pattern, List<Integer> frames) {
    }

    /** The gratuitous ARP of an event. */
    public record Garp(int count, int firstFrame, List<String> ips, String firstTime, List<Integer> frames) {
    }

    /** One finding. */
    public record FindingJson(String code, String severity, String mac, String ip, List<Integer> frames, String message) {
    }

    private AnalysisJson() {
    }

    /** The analysis as JSON text. */
    public static String render(Capture capture, AnalysisResult result) throws java.io.IOException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(model(capture, result));
    }

    /** The analysis as records, for JSON and the reports. */
    public static Report model(Capture capture, AnalysisResult result) {
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
        List<Migration> migrations = new ArrayList<>();
        for (MigrationEvent e : result.migrations()) {
            migrations.add(migration(capture, result, e));
        }
        List<FindingJson> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            findings.add(new FindingJson(f.code().id(), f.severity().name().toLowerCase(Locale.ROOT),
                    f.mac() < 0 ? null : Addresses.mac(f.mac()), f.ip() < 0 ? null : Addresses.ipv4(f.ip()),
                    oneBased(f.frames()), f.message()));
        }
        return new Report(captures, result.frameCount(), result.arpFrameCount(), migrations, findings);
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
        return new Migration(e.id() + 1, Addresses.mac(e.mac()), e.vendor(), e.vlans(), interfaces, rarp, garp,
                e.rarpToGarpNanos().isPresent() ? millis(e.rarpToGarpNanos().getAsLong()) : null);
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
