package dev.cutover.annotations;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Objects;

/**
 * The engineer's note on one frame: a comment and tags such as "cut-over", "first RARP" or "evidence".
 *
 * @param frame   1-based frame number over the captures opened together
 * @param comment free text, may be empty
 * @param tags    short labels, in the order given
 */
public record Annotation(int frame, String comment, List<String> tags) {
    /** The tag that puts a frame in the report's evidence section even without a comment. */
    public static final String EVIDENCE = "evidence";

    public Annotation {
        if (frame < 1) {
            throw new IllegalArgumentException("frame numbers start at 1, not " + frame);
        }
        comment = comment == null ? "" : comment;
        tags = tags == null ? List.of() : tags.stream().map(Objects::requireNonNull).map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** The text shown as {@code frame.comment}: the comment, then the tags in brackets. */
    public String text() {
        if (tags.isEmpty()) {
            return comment;
        }
        String t = "[" + String.join(", ", tags) + "]";
        return comment.isEmpty() ? t : comment + " " + t;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return comment.isBlank() && tags.isEmpty();
    }
}
