package dev.cutover.cli;

import dev.cutover.capture.LinkTypes;
import dev.cutover.capture.live.LiveCaptureException;
import dev.cutover.capture.live.LiveInterface;
import dev.cutover.capture.live.LivePcap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code cutover interfaces}: what live capture can open. */
@Command(name = "interfaces", mixinStandardHelpOptions = true,
        description = "List the interfaces live capture can open: name, link type, addresses, description.")
public final class InterfacesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            int n = 1;
            for (LiveInterface i : LivePcap.interfaces()) {
                String link = i.linkType() < 0 ? "?" : LinkTypes.name(i.linkType());
                out.printf("%d. %s\t%s\t%s\t%s%n", n++, i.name(), link,
                        i.addresses().isEmpty() ? "-" : String.join(",", i.addresses()),
                        i.description() == null ? (i.loopback() ? "loopback" : "") : i.description());
            }
            out.flush();
            return ExitCodes.OK;
        } catch (LiveCaptureException e) {
            spec.commandLine().getErr().println("cutover: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        }
    }
}
