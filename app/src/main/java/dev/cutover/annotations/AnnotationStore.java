package dev.cutover.annotations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cutover.capture.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The annotations of a capture, kept in a sidecar file next to it ({@code <capture>.cutover.json}); the capture
 * itself is never written. Every change can be undone and redone. Not thread-safe: one owner at a time.
 */
public final class AnnotationStore implements AnnotationSource {
    /** The sidecar's schema version; a newer one is refused rather than half read. */
    public static final int SCHEMA = 1;
    static final String SUFFIX = ".cutover.json";

    /** The sidecar file as stored. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sidecar(int schema, String capture, List<String> files, Integer frames,
                   java.util.SortedMap<String, Long> timeShiftNanos, List<Annotation> annotations) {
    }

    /**
     * The sidecar's reader and writer, made the first time a sidecar is read or written: a command that reads none
     * (analyze, info) does not load Jackson's data binding at all.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private final Path sidecar;
    private final String captureName;
    private List<String> files = List.of();
    private int frames = -1;
    /** The files' time shifts, by file name, those that are not 0 (frame numbers over merged files follow them). */
    private java.util.SortedMap<String, Long> shifts = new TreeMap<>();
    private String mismatch;
    private final TreeMap<Integer, Annotation> byFrame = new TreeMap<>();
    /** What the sidecar held when this store last read or wrote it: the base a save merges against. */
    private final TreeMap<Integer, Annotation> onDisk = new TreeMap<>();
    /** Frames that another program changed as well, found by the last save; this store's annotation was kept. */
    private List<Integer> conflicts = List.of();
    // Each entry: the frame and the annotation it had before the change (null: none).
    private final Deque<Map.Entry<Integer, Annotation>> undo = new ArrayDeque<>();
    private final Deque<Map.Entry<Integer, Annotation>> redo = new ArrayDeque<>();

    private AnnotationStore(Path sidecar, String captureName) {
        this.sidecar = sidecar;
        this.captureName = captureName;
    }

    /** The sidecar of a capture file: the same name with {@code .cutover.json} appended. */
    public static Path sidecarOf(Path capture) {
        return capture.resolveSibling(capture.getFileName() + SUFFIX);
    }

    /** An empty store that is never saved, for captures with no file (tests, live capture). */
    public static AnnotationStore inMemory() {
        return new AnnotationStore(null, null);
    }

    /** The annotations of {@code capture}, without checking what they were made on; none when no sidecar. */
    public static AnnotationStore load(Path capture) throws IOException {
        return load(List.of(capture), -1);
    }

    /**
     * The annotations of the files open together (kept beside the first), for a view of {@code frameCount}
     * frames (-1: unknown). Frame numbers count over the merged files, so a sidecar made on other files or
     * another frame count is loaded with a {@link #mismatch()} to show.
     */
    public static AnnotationStore load(List<Path> captures, int frameCount) throws IOException {
        return load(captures, frameCount, null);
    }

    /**
     * As {@link #load(List, int)} for files opened with time shifts ({@code timeShiftNanos[i]} for file i, null for
     * none): merged files are numbered in time order, so a sidecar made with other shifts on several files may
     * number other frames, and loads with a {@link #mismatch()} saying so.
     */
    public static AnnotationStore load(List<Path> captures, int frameCount, long[] timeShiftNanos)
            throws IOException {
        Path capture = captures.get(0);
        AnnotationStore store = new AnnotationStore(sidecarOf(capture), String.valueOf(capture.getFileName()));
        store.files = captures.stream().map(p -> String.valueOf(p.getFileName())).toList();
        store.frames = frameCount;
        for (int i = 0; timeShiftNanos != null && i < captures.size(); i++) {
            if (timeShiftNanos[i] != 0) {
                store.shifts.put(store.files.get(i), timeShiftNanos[i]);
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(store.sidecar);
        } catch (NoSuchFileException e) {
            return store;
        }
        Sidecar s = parse(bytes, store.sidecar);
        boolean otherFiles = s.files() != null && !s.files().equals(store.files);
        boolean otherCount = s.frames() != null && frameCount >= 0 && s.frames() != frameCount;
        java.util.SortedMap<String, Long> theirShifts = s.timeShiftNanos() == null ? new TreeMap<>()
                : new TreeMap<>(s.timeShiftNanos());
        // one file is numbered in file order whatever its shift; several interleave by their shifted times
        boolean otherShifts = store.files.size() > 1 && !otherFiles && !theirShifts.equals(store.shifts);
        if (otherFiles || otherCount) {
            store.mismatch = store.sidecar + " was made on " + (s.files() == null ? "?" : String.join(", ", s.files()))
                    + " (" + (s.frames() == null ? "?" : s.frames()) + " frames), not on " + String.join(", ",
                    store.files) + (frameCount >= 0 ? " (" + frameCount + " frames)" : "")
                    + ": its frame numbers may point at other frames";
        } else if (otherShifts) {
            store.mismatch = store.sidecar + " was made with time shifts " + shiftText(theirShifts) + ", not "
                    + shiftText(store.shifts) + ": the files merge in another order, so its frame numbers may point"
                    + " at other frames";
        }
        if (frameCount < 0 && s.frames() != null) {
            store.frames = s.frames(); // unknown here (a load stopped early): the sidecar keeps the count it had
        }
        store.byFrame.putAll(annotations(s));
        store.onDisk.putAll(store.byFrame);
        return store;
    }

    /**
     * The time shifts the first file's sidecar records for exactly these files, nanoseconds per file: the shifts its
     * frame numbers were made under, so files reopened with them number their frames as the annotations do. Null
     * when there is no sidecar, it cannot be read, it was made on other files (other names, another order, or two
     * files of one name), it records no shift, or a shift beyond {@link dev.cutover.capture.TimeShifts#MAX_SECONDS}
     * (a sidecar edited by hand): such a sidecar is reported when its annotations load, never here.
     */
    public static long[] recordedShifts(List<Path> captures) {
        if (captures == null || captures.isEmpty()) {
            return null;
        }
        Path sidecar = sidecarOf(captures.get(0));
        Sidecar s;
        try {
            s = parse(Files.readAllBytes(sidecar), sidecar);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        List<String> names = captures.stream().map(p -> String.valueOf(p.getFileName())).toList();
        if (s.files() == null || !s.files().equals(names) || new java.util.HashSet<>(names).size() != names.size()
                || s.timeShiftNanos() == null) {
            return null;
        }
        long max = dev.cutover.capture.TimeShifts.MAX_SECONDS.movePointRight(9).longValueExact();
        long[] out = new long[names.size()];
        boolean any = false;
        for (int i = 0; i < out.length; i++) {
            Long nanos = s.timeShiftNanos().get(names.get(i));
            if (nanos != null && (nanos > max || nanos < -max)) {
                return null;
            }
            out[i] = nanos == null ? 0 : nanos;
            any |= out[i] != 0;
        }
        return any ? out : null;
    }

    /** "vusb2.pcap=-2.913 s", or "none". */
    private static String shiftText(java.util.SortedMap<String, Long> shifts) {
        if (shifts.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        shifts.forEach((file, nanos) -> sb.append(sb.length() == 0 ? "" : ", ").append(file).append('=')
                .append(dev.cutover.capture.ClockOffsets.seconds(nanos)).append(" s"));
        return sb.toString();
    }

    private static TreeMap<Integer, Annotation> annotations(Sidecar s) {
        TreeMap<Integer, Annotation> out = new TreeMap<>();
        if (s.annotations() != null) {
            for (Annotation a : s.annotations()) {
                if (a != null && !a.isEmpty()) {
                    out.put(a.frame(), a);
                }
            }
        }
        return out;
    }

    /**
     * The sidecar's content, or an IOException naming the sidecar and why it is not one: Jackson reports bytes
     * that are not text (a UTF-32 guess on leading zero bytes, say) as a plain IOException, not as bad JSON.
     */
    private static Sidecar parse(byte[] bytes, Path sidecar) throws IOException {
        Sidecar s;
        try {
            s = Json.MAPPER.readValue(bytes, Sidecar.class);
        } catch (JsonProcessingException e) {
            throw new IOException(sidecar + ": not an annotation file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IOException(sidecar + ": not an annotation file: " + e.getMessage(), e);
        }
        if (s == null) {
            throw new IOException(sidecar + ": not an annotation file: it holds no JSON object");
        }
        if (s.schema() < 1 || s.schema() > SCHEMA) {
            throw new IOException(sidecar + ": annotation schema " + s.schema()
                    + " is not one this version reads (1.." + SCHEMA + ")");
        }
        return s;
    }

    /** The sidecar's annotations as they are on disk now; none when there is no sidecar. */
    private TreeMap<Integer, Annotation> readDisk() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(sidecar);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        }
        Sidecar s = parse(bytes, sidecar);
        return annotations(s);
    }

    /** Why the loaded annotations may not fit the open files, or null when they were made on them. */
    public String mismatch() {
        return mismatch;
    }

    /** Where the annotations are saved, or null for an in-memory store. */
    public Path sidecar() {
        return sidecar;
    }

    /** The annotation of a 1-based frame, or null. */
    @Override
    public Annotation get(int frame) {
        return byFrame.get(frame);
    }

    /** All annotations by frame number. */
    @Override
    public List<Annotation> all() {
        return List.copyOf(byFrame.values());
    }

    public boolean isEmpty() {
        return byFrame.isEmpty();
    }

    /** The {@code frame.comment} texts added to a 0-based frame, for {@code FrameDecoder}. */
    @Override
    public List<String> commentsOf(int frame) {
        Annotation a = byFrame.get(frame + 1);
        return a == null ? List.of() : List.of(a.text());
    }

    /** Sets a frame's annotation (an empty one removes it); undoable. */
    public void put(Annotation a) {
        change(a.frame(), a.isEmpty() ? null : a);
        redo.clear();
    }

    /** Removes a frame's annotation; returns whether there was one. Undoable. */
    public boolean remove(int frame) {
        if (!byFrame.containsKey(frame)) {
            return false;
        }
        change(frame, null);
        redo.clear();
        return true;
    }

    /**
     * Moves every annotation {@code by} frames towards the start, dropping those that fall before frame 1: a
     * live capture's ring let go of that many frames, so each kept frame's number went down as much. Undo and
     * redo forget what they held, which pointed at the old numbers. Only for a store that is not saved.
     */
    public void renumber(int by) {
        if (sidecar != null) {
            throw new IllegalStateException("annotations saved beside a file keep their frame numbers");
        }
        if (by <= 0 || byFrame.isEmpty()) {
            return;
        }
        List<Annotation> moved = new java.util.ArrayList<>();
        for (Annotation a : byFrame.values()) {
            if (a.frame() > by) {
                moved.add(new Annotation(a.frame() - by, a.comment(), a.tags()));
            }
        }
        byFrame.clear();
        moved.forEach(a -> byFrame.put(a.frame(), a));
        undo.clear();
        redo.clear();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Undoes the last change; returns the frame it touched, or 0 when there was nothing to undo. */
    public int undo() {
        return step(undo, redo);
    }

    /** Redoes the last undone change; returns the frame it touched, or 0. */
    public int redo() {
        return step(redo, undo);
    }

    private int step(Deque<Map.Entry<Integer, Annotation>> from, Deque<Map.Entry<Integer, Annotation>> to) {
        Map.Entry<Integer, Annotation> e = from.poll();
        if (e == null) {
            return 0;
        }
        to.push(new java.util.AbstractMap.SimpleEntry<>(e.getKey(), byFrame.get(e.getKey())));
        set(e.getKey(), e.getValue());
        return e.getKey();
    }

    private void change(int frame, Annotation next) {
        undo.push(new java.util.AbstractMap.SimpleEntry<>(frame, byFrame.get(frame)));
        set(frame, next);
    }

    private void set(int frame, Annotation a) {
        if (a == null) {
            byFrame.remove(frame);
        } else {
            byFrame.put(frame, a);
        }
    }

    /**
     * Writes the sidecar atomically (temporary file, then moved into place); nothing for an in-memory store.
     * Another program may have written it since this store read it (the window and {@code cutover annotate} on
     * the same capture): under a lock, the sidecar is read again and merged, frame by frame: what this store
     * changed is kept, what the other changed is taken, so neither loses the other's work. A frame both changed
     * keeps this store's annotation and is listed in {@link #conflicts()}.
     */
    public void save() throws IOException {
        if (sidecar == null) {
            return;
        }
        // a file lock keeps other processes out; within this one, two channels on one file may not both lock it
        synchronized (SAVES) {
            saveLocked();
        }
    }

    private static final Object SAVES = new Object();

    private void saveLocked() throws IOException {
        try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(lockFile(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = lock.lock()) {
            TreeMap<Integer, Annotation> disk = readDisk();
            List<Integer> both = new ArrayList<>();
            java.util.TreeSet<Integer> frameNumbers = new java.util.TreeSet<>(disk.keySet());
            frameNumbers.addAll(byFrame.keySet());
            frameNumbers.addAll(onDisk.keySet());
            for (int f : frameNumbers) {
                Annotation mine = byFrame.get(f);
                Annotation base = onDisk.get(f);
                Annotation theirs = disk.get(f);
                boolean changedHere = !java.util.Objects.equals(mine, base);
                boolean changedThere = !java.util.Objects.equals(theirs, base);
                if (changedThere && !changedHere) {
                    set(f, theirs);
                } else if (changedThere && !java.util.Objects.equals(mine, theirs)) {
                    both.add(f);
                }
            }
            conflicts = List.copyOf(both);
            byte[] body = Json.MAPPER.writeValueAsBytes(new Sidecar(SCHEMA, captureName, files,
                    frames < 0 ? null : frames, shifts.isEmpty() ? null : shifts, new ArrayList<>(byFrame.values())));
            AtomicFiles.write(sidecar, out -> out.write(body));
            onDisk.clear();
            onDisk.putAll(byFrame);
        }
    }

    /**
     * Frames whose annotation another program changed too, found by the last {@link #save()}; this store's
     * annotation was written for them. Empty when the last save merged cleanly.
     */
    public List<Integer> conflicts() {
        return conflicts;
    }

    /**
     * The lock that serialises saves of this sidecar between processes. It lives in the temporary folder, one
     * per sidecar path, so the capture's folder holds only the capture and its sidecar; it is never deleted,
     * since deleting a lock file lets two writers lock two different files.
     */
    private Path lockFile() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "cutover-locks");
        Files.createDirectories(dir);
        byte[] path = sidecar.toAbsolutePath().normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(path);
            return dir.resolve(java.util.HexFormat.of().formatHex(digest, 0, 12) + ".lock");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
