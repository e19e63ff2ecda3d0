package dev.cutover.cli;

import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldCatalogue;
import dev.cutover.dissect.FieldType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code cutover fields}: the field catalogue, like {@code tshark -G fields}. */
@Command(name = "fields", mixinStandardHelpOptions = true,
        description = "Print every field Cutover decodes: name, type, description (tab-separated).")
public final class FieldsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Field f : FieldCatalogue.all()) {
            String kind = f.type() == FieldType.PROTOCOL ? "P" : "F";
            String type = f.type() == FieldType.NONE && f.generated() ? "expert info" : f.type().description();
            out.println(kind + "\t" + f.abbrev() + "\t" + type + "\t" + f.label()
                    + (f.generated() ? " [generated]" : "") + (f.hidden() ? " [hidden]" : "")
                    + "\t" + f.blurb());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
