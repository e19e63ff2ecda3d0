package dev.cutover.cli;

import dev.cutover.capture.Capture;
import dev.cutover.annotations.Annotation;
import dev.cutover.annotations.AnnotationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cutover annotate}: a comment and tags on a frame, kept in the capture's sidecar file. */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {"Comment and tag a frame. The notes go to FILE.cutover.json next to the (first) capture, "
                + "which is never modified; the desktop, dissect, report and export read them.",
                "Several files are numbered as the other commands merge them, so frame N is the same frame "
                + "everywhere.",
                "With no --frame, lists the annotations."})
public final class AnnotateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaptureFileArgs input;

    @Option(names = "--frame", paramLabel = "N", description = "the frame number (1-based)")
    Integer frame;

    @Option(names = "--comment", paramLabel = "TEXT", description = "the comment (replaces the frame's comment)")
    String comment;

    @Option(names = "--tag", paramLabel = "T", description = "a tag to add, e.g. cut-over, \"first RARP\", evidence")
    List<String> tags = new ArrayList<>();

    @Option(names = "--remove", description = "remove the frame's annotation")
    boolean remove;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (frame == null && (comment != null || !tags.isEmpty() || remove)) {
            err.println("cutover: annotate: --comment, --tag and --remove need --frame N");
            return ExitCodes.USAGE;
        }
        if (remove && (comment != null || !tags.isEmpty())) {
            err.println("cutover: annotate: --remove takes no --comment or --tag");
            return ExitCodes.USAGE;
        }
        long[] shifts = input.shiftNanos(err);
        if (shifts == null) {
            return ExitCodes.USAGE;
        }
        AnnotationStore store;
        List<Path> files = input.files;
        try (Capture capture = CaptureFiles.open(files, shifts, err, null)) {
            if (capture == null) {
                return ExitCodes.UNREADABLE;
            }
            if (frame != null && (frame < 1 || frame > capture.frameCount())) {
                err.println("cutover: annotate: " + String.join(", ", files.stream().map(Path::toString).toList())
                        + " " + (files.size() == 1 ? "has" : "have") + " frames 1 to " + capture.frameCount()
                        + ", not " + frame);
                return ExitCodes.USAGE;
            }
            try {
                store = AnnotationStore.load(files, capture.frameCount(), CaptureFiles.shifts(capture));
                if (store.mismatch() != null) {
                    err.println("cutover: warning: " + store.mismatch());
                }
            } catch (IOException e) {
                err.println("cutover: " + e.getMessage());
                return ExitCodes.UNREADABLE;
            }
        }
        if (frame == null) {
            for (Annotation a : store.all()) {
                out.println(a.frame() + "\t" + dev.cutover.text.Untrusted.forTerminal(a.text(), "\t"));
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (remove) {
            if (!store.remove(frame)) {
                err.println("cutover: annotate: frame " + frame + " has no annotation");
                return ExitCodes.OK;
            }
        } else if (comment == null && tags.isEmpty()) {
            Annotation a = store.get(frame);
            out.println(a == null ? "frame " + frame + " has no annotation" : frame + "\t" + dev.cutover.text.Untrusted.forTerminal(a.text(), "\t"));
            out.flush();
            return ExitCodes.OK;
        } else {
            Annotation old = store.get(frame);
            List<String> all = new ArrayList<>(old == null ? List.of() : old.tags());
            all.addAll(tags);
            store.put(new Annotation(frame, comment != null ? comment : old == null ? "" : old.comment(), all));
        }
        try {
            store.save();
        } catch (IOException e) {
            err.println("cutover: cannot write " + store.sidecar() + ": " + e.getMessage());
            return ExitCodes.NOT_WRITTEN;
        }
        for (int f : store.conflicts()) {
            err.println("cutover: warning: frame " + f + "'s annotation was changed by another program as well; "
                    + "this one was written");
        }
        Annotation a = store.get(frame);
        out.println(a == null ? "frame " + frame + ": annotation removed" : frame + "\t" + dev.cutover.text.Untrusted.forTerminal(a.text(), "\t"));
        out.flush();
        return ExitCodes.OK;
    }
}
