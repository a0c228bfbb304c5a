package io.neurite.cli;

import io.neurite.models.ModelZoo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code neurite models}: the model zoo with parameter counts. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models of the zoo with their parameter counts.",
        footer = {"%nExample:%n  neurite models"})
final class ModelsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.printf("%-10s %12s  %s%n", "name", "parameters", "description");
        for (ModelZoo.Entry e : ModelZoo.entries()) {
            out.printf("%-10s %,12d  %s%n", e.name(), e.parameterCount(), e.description());
        }
        out.flush();
        return 0;
    }
}
