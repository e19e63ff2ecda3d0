package dev.cutover.dissect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The vendor of a MAC address from its OUI. Hypervisor prefixes are built in (they decide what a migration
 * looks like); any other OUI is looked up in a registry table. The table is the one Cutover ships (the IEEE's
 * public MA-L listing, see {@link #bundled()}) unless the caller names another file ({@link #load(Path)}, the
 * command line's {@code --vendors FILE}): the same build resolves the same names on every machine, and never
 * reads a file the user did not name. Immutable; one table serves every thread.
 */
public final class Vendors {
    private static final String BUNDLED_RESOURCE = "oui.txt.gz";

    /** Parallel sorted arrays: looked up twice per frame, so no boxing and no hashing. */
    private final int[] ouis;
    private final String[] names;
    private final String[] shortNames;
    private final String source;

    private Vendors(int[] ouis, String[] shortNames, String[] names, String source) {
        this.ouis = ouis;
        this.shortNames = shortNames;
        this.names = names;
        this.source = source;
    }

    private Vendors(Map<Integer, String[]> table, String source) {
        // sorted as plain ints rather than through a TreeMap: tens of thousands of entries, read at every start
        int n = table.size();
        ouis = new int[n];
        int i = 0;
        for (Integer oui : table.keySet()) {
            ouis[i++] = oui;
        }
        java.util.Arrays.sort(ouis);
        names = new String[n];
        shortNames = new String[n];
        for (i = 0; i < n; i++) {
            String[] v = table.get(ouis[i]);
            shortNames[i] = v[0];
            names[i] = v[1];
        }
        this.source = source;
    }

    /** Loaded on first use only, so a command that never resolves a MAC never reads it. */
    private static final class Bundled {
        static final Vendors TABLE = readBundled();
    }

    /** The table Cutover ships: the IEEE MA-L listing, with the built-in hypervisor names before it. */
    public static Vendors bundled() {
        return Bundled.TABLE;
    }

    /** The hypervisor prefixes only, no registry (for tests and for a user who wants no vendor names beyond them). */
    public static Vendors hypervisorsOnly() {
        return new Vendors(Map.of(), "built-in hypervisor prefixes");
    }

    /**
     * A registry the user names instead of the bundled one: Wireshark's {@code manuf} (whose short names then
     * resolve MACs as Wireshark does) or the IEEE's {@code oui.txt} (Debian's {@code /usr/share/ieee-data}).
     * Throws IOException naming the file when it cannot be read or holds no OUI line.
     */
    public static Vendors load(Path file) throws IOException {
        Map<Integer, String[]> table = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            read(r, table);
        }
        if (table.isEmpty()) {
            throw new IOException(file + ": no OUI line in it (expected Wireshark's manuf or the IEEE's oui.txt)");
        }
        return new Vendors(table, file.toString());
    }

    private static Vendors readBundled() {
        byte[] text;
        try (InputStream in = Vendors.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled vendor table " + BUNDLED_RESOURCE + " is missing");
            }
            text = new GZIPInputStream(in, 1 << 16).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled vendor table cannot be read", e);
        }
        return bundledTable(text);
    }

    /**
     * The bundled listing from its bytes. Read at every start of the window and of {@code analyze}, so its lines
     * ("00-50-56 (hex)\tVMware, Inc.", in OUI order, made by {@code oui-table.py}) are taken apart on the bytes
     * rather than through a reader, strings and a map: a tenth of the time, and no work left for the compiler.
     * Any line not in that form goes through {@link #parseLine} as a user's file would.
     */
    static Vendors bundledTable(byte[] text) {
        int lines = text.length / 16;   // the shortest line of the form kept is 17 bytes with its newline
        int[] ouis = new int[lines + 1];
        String[] names = new String[lines + 1];
        int n = 0;
        int last = -1;
        for (int start = 0; start < text.length; ) {
            int end = start;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            int next = end + 1;
            int stop = end;
            while (stop > start && (text[stop - 1] == '\r' || text[stop - 1] == ' ' || text[stop - 1] == '\t')) {
                stop--;
            }
            int oui = stop - start > 15 && text[start + 2] == '-' && text[start + 5] == '-'
                    && text[start + 8] == ' ' && text[start + 9] == '(' && text[start + 10] == 'h'
                    && text[start + 11] == 'e' && text[start + 12] == 'x' && text[start + 13] == ')'
                    && text[start + 14] == '\t' ? hexOui(text, start) : -1;
            if (oui > last && text[start + 15] != '\t' && text[start + 15] != ' ') {
                ouis[n] = oui;
                names[n++] = new String(text, start + 15, stop - start - 15, StandardCharsets.UTF_8);
                last = oui;
            } else if (stop > start && text[start] != '#') {
                // not the form the build writes (or out of order): the general path over the whole listing
                Map<Integer, String[]> table = new HashMap<>();
                try {
                    read(new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(text),
                            StandardCharsets.UTF_8)), table);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new Vendors(table, "bundled IEEE listing");
            }
            start = next;
        }
        return new Vendors(java.util.Arrays.copyOf(ouis, n), new String[n], java.util.Arrays.copyOf(names, n),
                "bundled IEEE listing");
    }

    /** The OUI written "00-50-56" at {@code at}, or -1 when it is not six hex digits. */
    private static int hexOui(byte[] text, int at) {
        int oui = 0;
        for (int i = 0; i < 8; i++) {
            if (i == 2 || i == 5) {
                continue;
            }
            int d = Character.digit(text[at + i], 16);
            if (d < 0) {
                return -1;
            }
            oui = oui << 4 | d;
        }
        return oui;
    }

    private static void read(BufferedReader r, Map<Integer, String[]> table) throws IOException {
        String line;
        while ((line = r.readLine()) != null) {
            parseLine(line, table);
        }
    }

    /** Where the names come from ("bundled IEEE listing", or the file named). */
    public String source() {
        return source;
    }

    /** How many OUIs the registry names (the hypervisor prefixes not counted). */
    public int size() {
        return ouis.length;
    }

    private String registered(int oui) {
        int i = java.util.Arrays.binarySearch(ouis, oui);
        return i < 0 ? null : names[i];
    }

    private String registeredShort(int oui) {
        int i = java.util.Arrays.binarySearch(ouis, oui);
        return i < 0 ? null : shortNames[i];
    }

    /** The vendor, or null when unknown. Locally administered and group addresses have none. */
    public String of(long mac) {
        int oui = (int) (mac >>> 24) & 0xffffff;
        if (oui == 0 && registeredShort(0) == null) {
            return ZERO_NAME;
        }
        String known = hypervisor(oui);
        if (known != null) {
            return known;
        }
        if ((oui & 0x030000) != 0) {
            return null;
        }
        return registered(oui);
    }

    /**
     * The name Wireshark writes before the last three bytes of a resolved MAC ("VMware" in
     * {@code VMware_9d:b0:51}, "IntelCor" in {@code IntelCor_00:01:02}): manuf's short name when the table is
     * Wireshark's, else Wireshark's short name of a hypervisor's prefix, else one made from the IEEE name as
     * Wireshark makes them. Null when the OUI is unknown.
     */
    public String shortName(long mac) {
        int oui = (int) (mac >>> 24) & 0xffffff;
        String registered = registeredShort(oui);
        if (registered != null) {
            return registered;
        }
        if (oui == 0) {
            // the all-zero MAC of ARP requests and announcements, which Wireshark does not call Xerox's
            return "00:00:00";
        }
        String builtIn = hypervisorShortName(oui);
        if (builtIn != null) {
            return builtIn;
        }
        String name = registered(oui);
        return name == null ? null : shorten(name);
    }

    /** What Wireshark's manuf says of 00:00:00, rather than the IEEE's "XEROX CORPORATION". */
    private static final String ZERO_NAME = "Officially Xerox, but 0:0:0:0:0:0 is more common";

    private static String hypervisorShortName(int oui) {
        switch (oui) {
            case 0x005056: case 0x000c29: case 0x000569: case 0x001c14: return "VMware";
            case 0x00155d: return "Microsof";
            case 0x525400: return "RealtekU";
            case 0x00163e: return "Xensourc";
            case 0x080027: return "PcsCompu";
            case 0x001c42: return "Parallel";
            case 0x506b8d: return "Nutanix";
            default: return null;
        }
    }

    /** Business types and other general words Wireshark's make-manuf leaves out of a short name. */
    private static final java.util.regex.Pattern GENERAL_TERMS = java.util.regex.Pattern.compile(
            "(?<=\\s)(?:a ?s|ab|ag|b ?v|closed joint stock company|co|company|corp|corporation|de c ?v|gmbh|holding"
                    + "|inc|incorporated|jsc|kg|k ?k|limited|l ?l ?c|ltd|n ?v|oao|of|open joint stock company|ooo|o\u00fc"
                    + "|oy|oyj|plc|pty|pvt|s ?a ?r ?l|s ?a|s ?p ?a|sp ?k|s ?r ?l|systems|the|zao|z ?o ?o)(?=\\s)",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /**
     * A short name from an IEEE organisation name, the way Wireshark's make-manuf makes its own: a name in
     * capitals put in title case, punctuation and a lone "&amp;" dropped, the general terms (Inc, Corp, Ltd,
     * Systems, ...) dropped, spaces removed, 8 characters kept. "Intel Corporate" gives "IntelCor", "Cisco
     * Systems, Inc" "Cisco", "HUMAX Co., Ltd." "HUMAX", "ECA-SINTERS" "Eca-Sint". Over the 32,526 OUIs both
     * the bundled listing and Wireshark 4.0's manuf name, 98.5 % come out as manuf's; the rest are names
     * Wireshark chose by hand or vendors renamed since.
     */
    static String shorten(String name) {
        String m = " " + String.join(" ", name.trim().split("\\s+")) + " ";
        if (isUpper(m)) {
            m = title(m);
        }
        m = m.replaceAll("[\"',./:()]", " ").replace(" & ", " ");
        for (int i = 0; i < 3; i++) {
            m = GENERAL_TERMS.matcher(m.replaceAll("\\s+", " ")).replaceAll(" ");
        }
        m = m.replaceAll("\\s+", "");
        return m.codePointCount(0, m.length()) > 8 ? m.substring(0, m.offsetByCodePoints(0, 8)) : m;
    }

    /** Python's str.isupper: some cased letter, and no lower-case one. */
    private static boolean isUpper(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            cased |= Character.isUpperCase(c);
        }
        return cased;
    }

    /** Python's str.title: each run of letters capitalised, the rest of it in lower case. */
    private static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                sb.append(inWord ? Character.toLowerCase(c) : Character.toUpperCase(c));
                inWord = true;
            } else {
                sb.append(c);
                inWord = false;
            }
        }
        return sb.toString();
    }

    private static String hypervisor(int oui) {
        switch (oui) {
            case 0x005056: case 0x000c29: case 0x000569: case 0x001c14: return "VMware";
            case 0x00155d: return "Microsoft Hyper-V";
            case 0x525400: return "QEMU/KVM";
            case 0x00163e: return "Xen";
            case 0x080027: return "VirtualBox";
            case 0x001c42: return "Parallels";
            case 0x506b8d: return "Nutanix AHV";
            default: return null;
        }
    }

    /** True for the OUIs VMware assigns its virtual NICs. */
    public static boolean isVmware(long mac) {
        return "VMware".equals(hypervisor((int) (mac >>> 24) & 0xffffff));
    }

    public static boolean isHyperV(long mac) {
        return ((mac >>> 24) & 0xffffff) == 0x00155d;
    }

    public static boolean isQemu(long mac) {
        return ((mac >>> 24) & 0xffffff) == 0x525400;
    }

    /**
     * Wireshark manuf ("00:50:56\tVMware\tVMware, Inc.") or IEEE oui.txt ("00-50-56   (hex)\t\tVMware, Inc.")
     * into the OUI's short and long names.
     */
    static void parseLine(String line, Map<Integer, String[]> table) {
        if (line.length() < 9 || line.charAt(0) == '#') {
            return;
        }
        char sep = line.charAt(2);
        if ((sep != ':' && sep != '-') || line.charAt(5) != sep) {
            return;
        }
        if (line.length() > 8 && (line.charAt(8) == ':' || line.charAt(8) == '/')) {
            return; // a longer prefix (MA-M/MA-S block) names only part of the OUI
        }
        int oui;
        try {
            oui = Integer.parseInt(line.substring(0, 2) + line.substring(3, 5) + line.substring(6, 8), 16);
        } catch (NumberFormatException e) {
            return;
        }
        String rest = line.substring(8);
        // older manuf files comment some lines after the names ("00:07:0D\tCisco251\tCisco\t# 2511 Token Ring")
        int comment = rest.indexOf("\t#");
        rest = (comment >= 0 ? rest.substring(0, comment) : rest).trim();
        String shortName = null;
        if (rest.startsWith("(hex)")) {
            rest = rest.substring(5).trim();
        } else {
            int tab = rest.indexOf('\t');
            shortName = (tab >= 0 ? rest.substring(0, tab) : rest).trim();
            // manuf may give a short name only ("50:6B:8D\tNutanix"): it is the long one too
            rest = tab >= 0 ? rest.substring(tab + 1).trim() : shortName;
        }
        if (!rest.isEmpty()) {
            // the IEEE's own list has no short names: one is made when asked, after the hypervisors' own
            table.putIfAbsent(oui, new String[] {shortName == null || shortName.isEmpty() ? null : shortName, rest});
        }
    }
}
