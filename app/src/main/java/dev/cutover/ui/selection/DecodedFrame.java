package dev.cutover.ui.selection;

import dev.cutover.dissect.Dissection;

/**
 * The selected frame, decoded: its nodes and a copy of its bytes. A new instance for every selection.
 *
 * @param frame 0-based frame index
 */
public record DecodedFrame(int frame, Dissection dissection, byte[] bytes) {
}
