package dev.cutover.filter;

import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;

import java.util.List;

/**
 * The compiled form of a filter: a tree of small objects that scan the frame's nodes by field identity.
 * Nothing here allocates while matching. The quantifiers are Wireshark 4.0's: "any" is satisfied by one
 * node (or pair of nodes), "all" needs at least one and every one.
 */
final class Evaluators {
    private Evaluators() {
    }

    /** One compiled filter term. */
    interface Evaluator {
        boolean matches(Dissection d);
    }

    /** A test of one node of the operand's field. */
    interface NodeTest {
        boolean test(Dissection d, int node);
    }

    /** A test of a node of the left field against a node of the right field. */
    interface PairTest {
        boolean test(Dissection d, int left, int right);
    }

    static final Evaluator ALWAYS = d -> true;

    static Evaluator all(List<Evaluator> terms) {
        Evaluator[] t = terms.toArray(new Evaluator[0]);
        return d -> {
            for (Evaluator e : t) {
                if (!e.matches(d)) {
                    return false;
                }
            }
            return true;
        };
    }

    static Evaluator any(List<Evaluator> terms) {
        Evaluator[] t = terms.toArray(new Evaluator[0]);
        return d -> {
            for (Evaluator e : t) {
                if (e.matches(d)) {
                    return true;
                }
            }
            return false;
        };
    }

    static Evaluator not(Evaluator e) {
        return d -> !e.matches(d);
    }

    static Evaluator exists(Field f) {
        return d -> {
            int n = d.size();
            for (int i = 0; i < n; i++) {
                if (d.field(i) == f) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Some node of the field passes. */
    static Evaluator anyNode(Operand o, NodeTest t) {
        Field f = o.field;
        return d -> {
            int n = d.size();
            for (int i = 0; i < n; i++) {
                if (d.field(i) == f && o.present(d, i) && t.test(d, i)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The field has a node, and every node passes. */
    static Evaluator allNodes(Operand o, NodeTest t) {
        Field f = o.field;
        return d -> {
            boolean seen = false;
            int n = d.size();
            for (int i = 0; i < n; i++) {
                if (d.field(i) == f && o.present(d, i)) {
                    if (!t.test(d, i)) {
                        return false;
                    }
                    seen = true;
                }
            }
            return seen;
        };
    }

    /** Some node of the left field and some node of the right field pass together. */
    static Evaluator anyPair(Operand left, Operand right, PairTest t) {
        return d -> {
            int n = d.size();
            for (int i = 0; i < n; i++) {
                if (d.field(i) != left.field || !left.present(d, i)) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (d.field(j) == right.field && right.present(d, j) && t.test(d, i, j)) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /** Both fields have a node, and every pairing of their nodes passes. */
    static Evaluator allPairs(Operand left, Operand right, PairTest t) {
        return d -> {
            boolean seen = false;
            int n = d.size();
            for (int i = 0; i < n; i++) {
                if (d.field(i) != left.field || !left.present(d, i)) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (d.field(j) == right.field && right.present(d, j)) {
                        if (!t.test(d, i, j)) {
                            return false;
                        }
                        seen = true;
                    }
                }
            }
            return seen;
        };
    }
}
