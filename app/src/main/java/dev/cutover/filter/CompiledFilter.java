package dev.cutover.filter;

import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldCatalogue;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Needs;
import dev.cutover.filter.Evaluators.Evaluator;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A display filter in Wireshark 4.0 syntax, parsed and resolved against the field catalogue once, then
 * matched against any number of frames. Immutable, so one instance may serve several threads.
 */
public final class CompiledFilter {
    private final String text;
    private final Evaluator root;
    private final Set<Field> fields;
    private final Needs needs;

    private CompiledFilter(String text, Evaluator root, Set<Field> fields) {
        this.text = text;
        this.root = root;
        this.fields = Collections.unmodifiableSet(new LinkedHashSet<>(fields));
        this.needs = Needs.of(fields);
    }

    /**
     * Compiles a filter against {@link FieldCatalogue}. Blank text is the empty filter, which matches every
     * frame (Wireshark's empty display filter).
     *
     * @throws FilterException with the position and a message when the text is not a valid filter
     */
    public static CompiledFilter compile(String text) throws FilterException {
        return compile(text, FieldCatalogue::byName, FieldCatalogue.all());
    }

    /** Compiles against any set of fields: {@code lookup} resolves a name, {@code catalogue} feeds suggestions. */
    static CompiledFilter compile(String text, Function<String, Field> lookup, Collection<Field> catalogue)
            throws FilterException {
        String t = text == null ? "" : text;
        if (t.isBlank()) {
            return new CompiledFilter(t, Evaluators.ALWAYS, Set.of());
        }
        Ast ast = Parser.parse(t);
        Compiler compiler = new Compiler(t, lookup, catalogue);
        Evaluator root = compiler.compile(ast);
        return new CompiledFilter(t, root, compiler.fields());
    }

    /** Whether the decoded frame passes. The frame must be decoded at least to {@link #requiredLayer()}. */
    public boolean matches(Dissection d) {
        return root.matches(d);
    }

    /** The least decode depth the filter needs: decode no further than this before calling {@link #matches}. */
    public Layer requiredLayer() {
        return needs.depth();
    }

    /** What matching takes: the decode depth and whether the analysis or the annotations must be bound. */
    public Needs needs() {
        return needs;
    }

    /** The fields the filter reads. */
    public Set<Field> fields() {
        return fields;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
