package dev.cutover.cli;

import dev.cutover.analysis.FindingCode;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldCatalogue;
import dev.cutover.dissect.FieldType;
import dev.cutover.dissect.proto.Migration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.StringJoiner;
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
                    + "\t" + f.blurb() + values(f));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The values a field can take when the analysis declares them (the finding codes), else "". */
    static String values(Field f) {
        if (f != Migration.FINDING) {
            return "";
        }
        StringJoiner codes = new StringJoiner(", ", "; one of ", "");
        for (FindingCode c : FindingCode.values()) {
            codes.add(c.id());
        }
        return codes.toString();
    }
}
