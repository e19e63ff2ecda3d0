package dev.cutover.ui.details;

import dev.cutover.dissect.Severity;

import java.util.List;

/**
 * One line of the details tree.
 *
 * @param node     the node's index in the frame's dissection
 * @param label    "Opcode: reverse request (3)"; generated fields in brackets
 * @param abbrev   the field's filter name ({@code arp.opcode})
 * @param severity for expert infos, their severity; null otherwise
 * @param children the lines below it
 */
public record DetailNode(int node, String label, String abbrev, Severity severity, List<DetailNode> children) {
}
