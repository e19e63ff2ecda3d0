package dev.cutover.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the timeline's search box keeps: lanes by MAC, IPv4 address, VLAN, vendor or interface. Words separated by
 * spaces must all match.
 * <ul>
 *   <li>{@code vlan 10}, {@code vlan10} or a bare number of up to four digits ({@code 10}): lanes on VLAN 10;</li>
 *   <li>digits and dots ({@code 10.0.20.15}, {@code 10.0.20}, {@code 10.}): a whole address matches itself, a
 *       partial one the addresses that begin with it;</li>
 *   <li>hex digits with or without separators, in any notation ({@code 00:50:56:9d:b0:51}, {@code 00-50-56},
 *       {@code 0050.569d.b051}, {@code b051}): MACs holding those bytes (a prefix, or any whole bytes of it);</li>
 *   <li>anything else: the vendor, the MAC as written, the interface names, case-insensitive.</li>
 * </ul>
 */
public final class LaneSearch {
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");
    private static final Pattern VLAN = Pattern.compile("vlan\\s*(\\d{1,4})");
    private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{0,3}){1,3}");
    private static final Pattern FULL_IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{1,12}|[0-9a-f]{1,4}([:.\\-][0-9a-f]{0,4})+");

    private final String text;
    private final List<Predicate<Lane>> terms;

    private LaneSearch(String text, List<Predicate<Lane>> terms) {
        this.text = text;
        this.terms = terms;
    }

    /** The search typed in the box; blank keeps every lane. */
    public static LaneSearch parse(String text) {
        String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        List<Predicate<Lane>> terms = new ArrayList<>();
        String[] words = q.isEmpty() ? new String[0] : q.split("[\\s,;]+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.equals("vlan") && i + 1 < words.length && NUMBER.matcher(words[i + 1]).matches()) {
                w = w + words[++i];
            }
            terms.add(term(w));
        }
        return new LaneSearch(q, List.copyOf(terms));
    }

    private static Predicate<Lane> term(String w) {
        java.util.regex.Matcher vlan = VLAN.matcher(w);
        if (vlan.matches() || NUMBER.matcher(w).matches()) {
            int id = Integer.parseInt(vlan.matches() ? vlan.group(1) : w);
            return lane -> lane.vlans().contains(id);
        }
        if (IP.matcher(w).matches()) {
            boolean whole = FULL_IP.matcher(w).matches();
            return lane -> {
                for (String ip : lane.ips()) {
                    if (whole ? ip.equals(w) : ip.startsWith(w)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (MAC.matcher(w).matches()) {
            String hex = w.replaceAll("[:.\\-]", "");
            return lane -> byteAligned(hexOf(lane.mac()), hex);
        }
        return lane -> lane.vendor().toLowerCase(Locale.ROOT).contains(w) || lane.mac().contains(w)
                || lane.interfaces().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(w));
    }

    private static String hexOf(String mac) {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < mac.length(); i++) {
            char c = Character.toLowerCase(mac.charAt(i));
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether {@code part} occurs in {@code hex} starting on a whole byte. */
    private static boolean byteAligned(String hex, String part) {
        for (int i = hex.indexOf(part); i >= 0; i = hex.indexOf(part, i + 1)) {
            if (i % 2 == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the search keeps every lane. */
    public boolean isBlank() {
        return terms.isEmpty();
    }

    /** The search, trimmed and in lower case. */
    public String text() {
        return text;
    }

    public boolean matches(Lane lane) {
        for (Predicate<Lane> t : terms) {
            if (!t.test(lane)) {
                return false;
            }
        }
        return true;
    }

    /** The model lane indexes the search keeps, in order. */
    public int[] filter(TimelineModel model) {
        List<Lane> lanes = model.lanes();
        int[] out = new int[lanes.size()];
        int n = 0;
        for (int i = 0; i < lanes.size(); i++) {
            if (matches(lanes.get(i))) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
