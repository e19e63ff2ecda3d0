package dev.cutover.frames;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.LinkPeek;
import dev.cutover.analysis.traffic.TrafficFacts;
import dev.cutover.annotations.AnnotationSource;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Needs;
import dev.cutover.dissect.Vendors;
import dev.cutover.filter.CompiledFilter;

import java.io.IOException;
import java.util.BitSet;
import java.util.Collection;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The one way from a capture's bytes to the answers about its frames: built once per opened capture set with
 * its annotations and its migration analysis bound, and used by every consumer (packet list, details, hex,
 * display filters, find, {@code dissect}, {@code export}, {@code report} in every format, CSV columns, live
 * snapshots). What a consumer reads is stated as {@link Needs}, derived from the fields' declared sources; the
 * pipeline decodes that deep and adds the analysis's facts when they are asked for, so the same filter
 * selects the same frames everywhere. The cross-frame traffic facts (ICMP echo pairing, TCP streams and
 * retransmissions) need nothing but the capture: every pipeline derived from one {@link #of(Capture)} shares them,
 * computed once when a reader first needs them. Immutable; each thread takes its own {@link Reader}.
 */
public final class FramePipeline {
    private final Capture capture;
    private final AnnotationSource notes;
    private final Supplier<AnalysisResult> analysis;
    private final Vendors vendors;
    private final Traffic traffic;

    private FramePipeline(Capture capture, AnnotationSource notes, Supplier<AnalysisResult> analysis,
                          Vendors vendors, Traffic traffic) {
        this.capture = Objects.requireNonNull(capture);
        this.notes = notes;
        this.analysis = analysis;
        this.vendors = vendors;
        this.traffic = traffic;
    }

    /**
     * The frames of {@code capture} as they are: no annotations, no analysis bound; the traffic facts (echo
     * pairing, TCP streams and retransmissions) are computed from the capture the first time a reader needs them.
     */
    public static FramePipeline of(Capture capture) {
        return new FramePipeline(capture, AnnotationSource.NONE, null, Vendors.bundled(), new Traffic(capture));
    }

    /** The same frames with the user's annotations (read as they are when a frame is decoded). */
    public FramePipeline withAnnotations(AnnotationSource store) {
        return new FramePipeline(capture, Objects.requireNonNull(store), analysis, vendors, traffic);
    }

    /**
     * The cross-frame facts of ICMP echo and TCP over the whole capture, computed now (once, whichever thread asks
     * first; later ones wait) with {@code monitor} hearing progress; null when it was cancelled.
     */
    public TrafficFacts traffic(LoadMonitor monitor) throws IOException {
        return traffic.get(monitor);
    }

    /** The traffic facts if they have been computed, else null (nothing is computed). */
    public TrafficFacts trafficIfComputed() {
        return traffic.computed();
    }

    /** The same frames with their migration analysis bound (null: none bound). */
    public FramePipeline withAnalysis(AnalysisResult result) {
        if (result != null && result.frameCount() != capture.frameCount()) {
            throw new IllegalArgumentException("the analysis of " + result.frameCount() + " frames does not belong"
                    + " to a capture of " + capture.frameCount());
        }
        return new FramePipeline(capture, notes, result == null ? null : () -> result, vendors, traffic);
    }

    /**
     * The same frames with an analysis computed the first time something reads an analysis field, once: a
     * command binds it this way and pays for it only when a filter or a column asks.
     */
    public FramePipeline withAnalysis(AnalysisSource source) {
        Objects.requireNonNull(source);
        return new FramePipeline(capture, notes, new Once(source), vendors, traffic);
    }

    /** The same frames with MAC vendors named from {@code table} (the bundled IEEE listing by default). */
    public FramePipeline withVendors(Vendors table) {
        return new FramePipeline(capture, notes, analysis, Objects.requireNonNull(table), traffic);
    }

    /** How a command computes the analysis when it is first needed. */
    @FunctionalInterface
    public interface AnalysisSource {
        AnalysisResult analyze() throws IOException;
    }

    public Capture capture() {
        return capture;
    }

    public AnnotationSource annotations() {
        return notes;
    }

    /** Whether an analysis is bound (perhaps not computed yet). */
    public boolean hasAnalysis() {
        return analysis != null;
    }

    /** The bound analysis, computed now if it was bound lazily; null when none is bound. */
    public AnalysisResult analysis() {
        return analysis == null ? null : analysis.get();
    }

    /**
     * Refuses needs the pipeline cannot meet, naming the fields: a filter on {@code migration.class} where no
     * analysis is bound must be an error, not "no frames".
     */
    public void check(Needs needs, Collection<Field> fields) {
        if (needs.analysis() && analysis == null) {
            StringJoiner names = new StringJoiner(", ");
            for (Field f : fields) {
                if (f.source() == Field.Source.ANALYSIS) {
                    names.add(f.abbrev());
                }
            }
            throw new MissingSourceException(names + (names.length() > 0 && names.toString().contains(",")
                    ? " come" : " comes") + " from the migration analysis, which has not been run on these frames");
        }
    }

    /** A decoder for one thread, decoding as deep as {@code needs} says and adding what it asks for. */
    public Reader reader(Needs needs) {
        if (needs.analysis() && analysis == null) {
            throw new MissingSourceException("the migration analysis has not been run on these frames");
        }
        return new Reader(needs);
    }

    /** A decoder for a filter: checks that the pipeline can answer it first. */
    public Reader reader(CompiledFilter filter) {
        check(filter.needs(), filter.fields());
        return new Reader(filter.needs());
    }

    /**
     * A decoder of everything a frame has, the analysis's facts included when an analysis is bound, and the
     * traffic facts when they have been computed (it does not compute them).
     */
    public Reader fullReader() {
        return new Reader(new Needs(Layer.ALL, analysis != null, true, traffic.computed() != null));
    }

    /**
     * The 0-based frames {@code filter} matches (all for the empty filter); {@code monitor} sees progress and
     * may cancel, which returns null.
     */
    public BitSet select(CompiledFilter filter, LoadMonitor monitor) throws IOException {
        int n = capture.frameCount();
        BitSet selected = new BitSet(n);
        if (filter.text().isBlank()) {
            selected.set(0, n);
            return selected;
        }
        Reader r = reader(filter);
        Dissection d = new Dissection();
        for (int i = 0; i < n; i++) {
            if ((i & 0xFFF) == 0) {
                if (monitor.cancelled()) {
                    return null;
                }
                monitor.progress(i, n);
            }
            if (r.matches(i, filter, d)) {
                selected.set(i);
            }
        }
        monitor.progress(n, n);
        return selected;
    }

    /** Decodes frames of the pipeline on one thread; the bytes behind a decode stay valid until the next. */
    public final class Reader {
        private final Needs needs;
        private final FrameDecoder decoder;
        private final AnalysisResult facts;
        private final TrafficFacts trafficFacts;

        private Reader(Needs needs) {
            this.needs = needs;
            this.decoder = new FrameDecoder(capture, notes::commentsOf, vendors);
            this.facts = needs.analysis() ? analysis() : null;
            this.trafficFacts = needs.traffic() ? traffic.getUnchecked() : null;
        }

        /** What this reader decodes. */
        public Needs needs() {
            return needs;
        }

        /** Decodes frame {@code frame} (0-based) as deep as the reader's needs, with the facts they ask for. */
        public FrameInfo decode(int frame, Dissection d) throws IOException {
            return decode(frame, d, needs.depth());
        }

        /** As {@link #decode(int, Dissection)}, to {@code depth} (deeper than the needs for a tree). */
        public FrameInfo decode(int frame, Dissection d, Layer depth) throws IOException {
            FrameInfo info = decoder.decode(frame, d, depth);
            if (trafficFacts != null && depth == Layer.ALL) {
                TrafficNodes.append(trafficFacts, frame, d, capture.index());
            }
            if (facts != null) {
                AnalysisFacts.append(facts, frame, d);
            }
            return info;
        }

        /** Whether frame {@code frame} passes {@code filter}, decoding it into {@code d} as deep as it needs. */
        public boolean matches(int frame, CompiledFilter filter, Dissection d) throws IOException {
            if (filter.requiredLayer() == Layer.ALL) {
                if (filter != arpOnlyOf) {
                    arpOnlyOf = filter;
                    arpOnly = ArpOnly.of(filter);
                }
                if (arpOnly.applies) {
                    // The payload fields it reads are ARP's: a frame whose link layer carries no ARP has none of
                    // them, and a decode as deep as its other fields holds everything else the filter reads.
                    int length = decoder.peek(frame);
                    if (LinkPeek.peek(decoder.peeked(), capture.interfaceOf(frame).linkType(), length)
                            == LinkPeek.NOT_ARP) {
                        if (!arpOnly.withoutArpAnswer) {
                            // it reads ARP's fields only and none is there: no decode can make it match
                            return false;
                        }
                        decode(frame, d, arpOnly.withoutArpDepth);
                        return filter.matches(d);
                    }
                }
            }
            decode(frame, d, filter.requiredLayer());
            return filter.matches(d);
        }

        private CompiledFilter arpOnlyOf;
        private ArpOnly arpOnly;

        /** What the frame record says of frame {@code frame}, without reading its bytes. */
        public FrameInfo info(int frame) {
            return decoder.info(frame);
        }

        public FramePipeline pipeline() {
            return FramePipeline.this;
        }
    }

    /** Computes the traffic facts of the whole capture once, on the first thread that asks; later ones wait. */
    private static final class Traffic {
        private final Capture capture;
        private volatile TrafficFacts facts;

        Traffic(Capture capture) {
            this.capture = capture;
        }

        TrafficFacts computed() {
            return facts;
        }

        synchronized TrafficFacts get(LoadMonitor monitor) throws IOException {
            if (facts == null) {
                try {
                    facts = TrafficFacts.compute(capture, monitor);
                } catch (java.util.concurrent.CancellationException e) {
                    return null;
                }
            }
            return facts;
        }

        TrafficFacts getUnchecked() {
            try {
                return get(LoadMonitor.NONE);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e.getMessage(), e);
            }
        }
    }

    /** Computes the analysis once, on the first thread that asks; later ones wait for it. */
    private static final class Once implements Supplier<AnalysisResult> {
        private final AnalysisSource source;
        private AnalysisResult result;

        Once(AnalysisSource source) {
            this.source = source;
        }

        @Override
        public synchronized AnalysisResult get() {
            if (result == null) {
                try {
                    result = source.analyze();
                } catch (IOException e) {
                    // the IOException's own message, so a command prints "cutover: FILE: ..." rather than a type
                    throw new java.io.UncheckedIOException(e.getMessage(), e);
                }
            }
            return result;
        }
    }
}
