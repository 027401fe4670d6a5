package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bitext.export.bag.BagChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bitext verify}: every problem of a BagIt bag, by path. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Verify BagIt bags, naming every missing, extra or altered file.",
        description = {"Verify BagIt bags (RFC 8493) with bagit-java: every file missing, extra (in data/ but not "
                + "in the manifest) or altered (checksum differs) is one line BAG/PATH: error: MESSAGE, as is a "
                + "Payload-Oxum that does not match the payload."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every bag is complete and valid", "1:some bag is not",
                "2:usage error, or a bag could not be read"})
public final class VerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "BAG", description = "Bag folders.")
    List<Path> bags;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = 0;
        for (Path bag : bags) {
            try {
                BagChecker.Result r = BagChecker.check(bag, common.jobs);
                String name = bag.toString();
                r.problems().forEach(p -> err.println(p.line(name)));
                if (r.valid()) {
                    if (!common.quiet) {
                        out.println(name + ": valid — " + r.files() + " payload files, " + r.bytes() + " bytes, "
                                + String.join(", ", r.manifests()) + "; bagit-java: complete and valid");
                    }
                } else {
                    int n = r.problems().size();
                    err.println(name + ": not valid — " + n + (n == 1 ? " problem" : " problems"));
                    code = Math.max(code, 1);
                }
                if (common.failFast && code > 0) {
                    break;
                }
            } catch (IOException e) {
                code = ExportCommand.failed(e, err, common.debug);
            }
        }
        out.flush();
        err.flush();
        return code;
    }
}
