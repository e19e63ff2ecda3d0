package dev.cutover.ui.expert;

import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Dissector;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.Needs;
import dev.cutover.frames.FramePipeline;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Severity;

import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * The expert infos of every frame's dissection (frames cut short, a sender MAC that is not the Ethernet source,
 * ...), collected in one pass over the frames and grouped by severity and filter name. Each occurrence costs
 * an int and a shared string; its item is made only when asked for.
 */
public final class DissectionExperts {
    /** None collected. */
    public static final DissectionExperts NONE = new DissectionExperts(List.of());
    /** Distinct messages kept as one string each; beyond this a repeated message is simply kept again. */
    private static final int SHARED_MESSAGES = 4096;
    private static final int CHECK_EVERY = 1024;

    private final List<ExpertGroup> groups;

    private DissectionExperts(List<ExpertGroup> groups) {
        this.groups = List.copyOf(groups);
    }

    /** The groups, errors first, then by filter name. */
    public List<ExpertGroup> groups() {
        return groups;
    }

    /**
     * Decodes every frame and keeps its expert infos. Runs off the FX thread; returns null when {@code cancelled}
     * says so (checked every thousand frames), and tells {@code percent} each time the whole percentage grows.
     */
    public static DissectionExperts scan(Capture capture, BooleanSupplier cancelled, IntConsumer percent)
            throws IOException {
        FramePipeline.Reader decoder = FramePipeline.of(capture).reader(new Needs(Layer.ALL, false, false));
        Dissection d = new Dissection();
        Map<String, Accumulator> byKey = new LinkedHashMap<>();
        Map<String, String> shared = new HashMap<>();
        int n = capture.frameCount();
        int lastPercent = -1;
        for (int i = 0; i < n; i++) {
            if (i % CHECK_EVERY == 0) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                int p = (int) (100L * i / n);
                if (p != lastPercent) {
                    lastPercent = p;
                    percent.accept(p);
                }
            }
            decoder.decode(i, d, Layer.ALL);
            if (d.worstSeverity() == null && !d.isMalformed()) {
                continue;
            }
            boolean any = false;
            for (int node = 0; node < d.size(); node++) {
                Severity s = d.severity(node);
                if (s == null) {
                    continue;
                }
                any = true;
                Field f = d.field(node);
                String message = String.valueOf(d.object(node));
                String kept = shared.get(message);
                if (kept == null) {
                    kept = message;
                    if (shared.size() < SHARED_MESSAGES) {
                        shared.put(message, message);
                    }
                }
                byKey.computeIfAbsent(s.name() + " " + f.abbrev(), k -> new Accumulator(s, f)).add(i, kept);
            }
            if (!any) {
                // the file held fewer bytes than its record said: no dissector saw it, so no node says so
                byKey.computeIfAbsent(Severity.ERROR.name() + " " + Dissector.MALFORMED.abbrev(),
                        k -> new Accumulator(Severity.ERROR, Dissector.MALFORMED.field()))
                        .add(i, "Malformed frame: the file holds fewer bytes of it than its record says");
            }
        }
        percent.accept(100);
        List<ExpertGroup> groups = new ArrayList<>();
        for (Accumulator a : byKey.values()) {
            groups.add(a.group());
        }
        groups.sort((x, y) -> x.severity() != y.severity() ? y.severity().compareTo(x.severity())
                : x.code().compareTo(y.code()));
        return new DissectionExperts(groups);
    }

    /**
     * The warnings the cross-frame facts add to frames (an unanswered ping's, Wireshark's duplicate address
     * warning), which colour their rows, found as the window's decode shows them: only the frames that have such a
     * fact are decoded, with {@code p}'s analysis and traffic facts, and only nodes those facts made are kept (the
     * frames' own expert infos are {@link #scan}'s). Returns null when {@code cancelled} says so.
     */
    public static DissectionExperts scanFacts(FramePipeline p, BooleanSupplier cancelled) throws IOException {
        dev.cutover.analysis.traffic.TrafficFacts t = p.trafficIfComputed();
        dev.cutover.analysis.AnalysisResult a = p.analysis();
        if (t == null && a == null) {
            return NONE;
        }
        FramePipeline.Reader decoder = p.fullReader();
        Dissection d = new Dissection();
        Map<String, Accumulator> byKey = new LinkedHashMap<>();
        int n = p.capture().frameCount();
        int traffic = t == null ? 0 : Math.min(n, t.to());
        for (int i = 0; i < n; i++) {
            if (i % (CHECK_EVERY * 64) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            boolean has = i < traffic && t.noResponse(i)
                    || a != null && !a.duplicateAddressesOf(i).isEmpty();
            if (!has) {
                continue;
            }
            decoder.decode(i, d, Layer.ALL);
            for (int node = 0; node < d.size(); node++) {
                Severity s = d.severity(node);
                Field f = d.field(node);
                // the warnings and errors, which colour the rows (a retransmission's note colours none)
                if (s == null || s.compareTo(Severity.WARNING) < 0
                        || (f.source() != Field.Source.TRAFFIC && f.source() != Field.Source.ANALYSIS)) {
                    continue;
                }
                byKey.computeIfAbsent(s.name() + " " + f.abbrev(), k -> new Accumulator(s, f))
                        .add(i, String.valueOf(d.object(node)));
            }
        }
        List<ExpertGroup> groups = new ArrayList<>();
        for (Accumulator acc : byKey.values()) {
            groups.add(acc.group());
        }
        return new DissectionExperts(groups);
    }

    /** The occurrences of one expert info of one severity. */
    private static final class Accumulator {
        private final Severity severity;
        private final Field field;
        private int[] frames = new int[16];
        private final List<String> messages = new ArrayList<>();

        Accumulator(Severity severity, Field field) {
            this.severity = severity;
            this.field = field;
        }

        void add(int frame, String message) {
            int k = messages.size();
            if (k == frames.length) {
                frames = Arrays.copyOf(frames, k * 2);
            }
            frames[k] = frame;
            messages.add(message);
        }

        ExpertGroup group() {
            int[] f = Arrays.copyOf(frames, messages.size());
            List<String> m = List.copyOf(messages);
            String abbrev = field.abbrev();
            List<ExpertItem> items = new AbstractList<>() {
                @Override
                public ExpertItem get(int i) {
                    return ExpertItem.expert(severity, abbrev, m.get(i), f[i]);
                }

                @Override
                public int size() {
                    return f.length;
                }
            };
            return new ExpertGroup(severity, abbrev, FindingTitles.ofExpert(field), false, items);
        }
    }
}
