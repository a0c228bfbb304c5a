package io.neurite.cli;

import io.neurite.models.ModelZoo;
import io.neurite.tensor.Shape;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurite summary MODEL}: the Keras-like layer table of a zoo model. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print the layers, output shapes and parameter counts of a zoo model.",
        footer = {"%nExamples:%n  neurite summary lenet5%n  neurite summary mlp --input 32,1,28,28"})
final class SummaryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MODEL", description = "A model of the zoo (see `neurite models`).")
    String model;

    @Option(names = "--input", split = ",", paramLabel = "N",
            description = "Input shape including the batch dimension (default: the model's own, batch 1).")
    int[] input;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelZoo.Entry entry = ModelZoo.entry(model);
        Shape shape = input == null ? entry.inputShape() : Shape.of(input);
        spec.commandLine().getOut().println(entry.factory().get().summary(shape));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
