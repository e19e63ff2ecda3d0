package dev.cutover.ui.migrations;

import dev.cutover.dissect.Severity;

/**
 * Something the analysis tells about the migrations, with the frames it is about.
 *
 * @param code     a short stable identifier ("rarp-burst", "garp-without-rarp")
 * @param sentence what it means, in one sentence
 * @param frames   0-based frame indices, ascending
 */
public record Finding(Severity severity, String code, String sentence, int[] frames) {
}
