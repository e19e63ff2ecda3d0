package dev.cutover.dissect;

import java.util.Collection;

/**
 * What reading a set of fields takes, derived from their declared {@link Field.Source}s: how deep each frame
 * must be decoded, and whether the migration analysis or the annotations must be bound. A display filter, a
 * CSV column set and the details tree each state their needs this way, so no caller keeps its own list.
 *
 * @param depth       decode no further than this
 * @param analysis    some field comes from the migration analysis
 * @param annotations some field comes from the annotations (and the file's comments)
 * @param traffic     some field comes from the cross-frame analysis of ICMP echo and TCP
 */
public record Needs(Layer depth, boolean analysis, boolean annotations, boolean traffic) {
    /** Nothing beyond the frame record. */
    public static final Needs NOTHING = new Needs(Layer.FRAME, false, false, false);
    /**
     * Everything a frame has: the details tree, a full export. The traffic facts are left to those that ask for
     * them (a filter, a column, {@code dissect -2}): they cost a pass over the capture, which a report does not need.
     */
    public static final Needs EVERYTHING = new Needs(Layer.ALL, true, true, false);

    /** Needs without the cross-frame traffic facts. */
    public Needs(Layer depth, boolean analysis, boolean annotations) {
        this(depth, analysis, annotations, false);
    }

    /** Whether some field needs a pass over every frame of the capture first (the analysis, the traffic facts). */
    public boolean wholeCapture() {
        return analysis || traffic;
    }

    /** These needs with the traffic facts asked for or not. */
    public Needs withTraffic(boolean wanted) {
        return new Needs(depth, analysis, annotations, wanted);
    }

    /** The needs of reading {@code fields}. */
    public static Needs of(Collection<Field> fields) {
        Needs n = NOTHING;
        for (Field f : fields) {
            n = n.and(f);
        }
        return n;
    }

    /** These needs and those of one more field. */
    public Needs and(Field f) {
        Field.Source s = f.source();
        Layer d = s.depth().compareTo(depth) > 0 ? s.depth() : depth;
        return new Needs(d, analysis || s == Field.Source.ANALYSIS, annotations || s == Field.Source.ANNOTATIONS,
                traffic || s == Field.Source.TRAFFIC);
    }

    /** Both needs together. */
    public Needs and(Needs other) {
        Layer d = other.depth.compareTo(depth) > 0 ? other.depth : depth;
        return new Needs(d, analysis || other.analysis, annotations || other.annotations, traffic || other.traffic);
    }
}
