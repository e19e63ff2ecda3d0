package dev.cutover.annotations;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** Where the frame pipeline reads the user's annotations: an {@link AnnotationStore}, or what a view holds. */
public interface AnnotationSource {
    /** No annotations. */
    AnnotationSource NONE = comments(f -> List.of());

    /** The {@code frame.comment} texts the annotations add to a 0-based frame. */
    List<String> commentsOf(int frame);

    /** The annotation of frame number {@code number} (1-based), or null. */
    Annotation get(int number);

    /** Every annotation, by frame number. */
    List<Annotation> all();

    /** Comments only (a view that shows them but keeps no store): no annotation objects. */
    static AnnotationSource comments(IntFunction<List<String>> comments) {
        return new AnnotationSource() {
            @Override
            public List<String> commentsOf(int frame) {
                return comments.apply(frame);
            }

            @Override
            public Annotation get(int number) {
                return null;
            }

            @Override
            public List<Annotation> all() {
                return List.of();
            }
        };
    }

    /** Whatever store {@code store} holds when asked (a window replaces its store when another file opens). */
    static AnnotationSource following(Supplier<? extends AnnotationSource> store) {
        return new AnnotationSource() {
            @Override
            public List<String> commentsOf(int frame) {
                return store.get().commentsOf(frame);
            }

            @Override
            public Annotation get(int number) {
                return store.get().get(number);
            }

            @Override
            public List<Annotation> all() {
                return store.get().all();
            }
        };
    }
}
