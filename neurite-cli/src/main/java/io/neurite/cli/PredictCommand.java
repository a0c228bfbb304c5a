package io.neurite.cli;

import io.neurite.cli.train.ImageData;
import io.neurite.cli.train.ImageInput;
import io.neurite.cli.train.RunFolder;
import io.neurite.data.transforms.Transform;
import io.neurite.models.ModelZoo;
import io.neurite.nn.F;
import io.neurite.nn.Layer;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Generator;
import io.neurite.tensor.Shape;
import io.neurite.tensor.Tensor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurite predict}: a trained checkpoint's class and top probabilities for image files or test images. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classify image files or test images with a trained checkpoint.",
                "Classifies image files (PNG, JPEG, BMP) or test-set images with a checkpoint written by"
                + " `neurite train`: the predicted class and the top probabilities (softmax). Files are read as"
                + " grayscale, resized to 28x28 and normalized as in training; Fashion-MNIST shows light objects on"
                + " black, so an image with a light border (a dark object on white) is inverted (see --invert)."},
        footer = {"%nExamples:",
                "  neurite predict --checkpoint runs/demo shirt.png boot.jpg",
                "  neurite predict --checkpoint runs/demo --index 0,5,7",
                "  neurite predict --checkpoint runs/demo/last --index 42 --top 5"})
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR",
            description = "A run folder (its best/ weights) or its best/ or last/ sub-folder.")
    Path checkpoint;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Image files to classify.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--index", split = ",", paramLabel = "I",
            description = "Indices of test images to classify (of --dataset, default the run's).")
    int[] indices;

    @Mixin
    DataOptions data;

    @Option(names = "--top", paramLabel = "K", description = "Probabilities shown per image (default: ${DEFAULT-VALUE}).")
    int top = 3;

    @Option(names = "--invert", paramLabel = "WHEN",
            description = "Invert files: AUTO (when the border is light), YES or NO (default: ${DEFAULT-VALUE}).")
    ImageInput.Invert invert = ImageInput.Invert.AUTO;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (files.isEmpty() && indices == null) {
            throw new IllegalArgumentException("predict: nothing to classify; give image files or --index I,J,...");
        }
        if (top < 1) throw new IllegalArgumentException("predict: --top must be at least 1, got " + top);
        RunFolder.Opened opened = RunFolder.open(checkpoint);
        RunFolder.Run run = opened.run();
        Layer model = opened.loadModel();
        Transform normalize = run.preprocessing().normalize();
        List<String> labels = new ArrayList<>();
        List<Tensor> inputs = new ArrayList<>();
        Shape input = ModelZoo.entry(run.model()).inputShape();
        for (Path file : files) {
            labels.add(file.toString());
            inputs.add(ImageInput.read(file, input.size(2), input.size(3), invert));
        }
        if (indices != null) {
            ImageData images = EvalCommand.load(run, data);
            EvalCommand.requireClasses(run, images);
            for (int i : indices) {
                if (i < 0 || i >= images.test().size()) {
                    throw new IllegalArgumentException("predict: --index " + i + " is out of range for the "
                            + images.test().size() + " test images of " + images.name() + " (0 to "
                            + (images.test().size() - 1) + ")");
                }
                labels.add("test image " + i + " (true: " + run.classes().get(images.test().label(i)) + ")");
                inputs.add(images.test().image(i));
            }
        }
        List<Tensor> normalized = new ArrayList<>();
        for (Tensor t : inputs) normalized.add(normalize.apply(t, new Generator(0)));
        Tensor probabilities;
        try (var noGrad = Autograd.noGrad()) {
            probabilities = F.softmax(model.forward(Tensor.stack(normalized, 0)), 1);
        }
        print(spec.commandLine().getOut(), labels, probabilities, run.classes());
        return 0;
    }

    /** Per input: the label, the predicted class, and the top classes with their probabilities. */
    private void print(PrintWriter out, List<String> labels, Tensor probabilities, List<String> classes) {
        int k = Math.min(top, classes.size());
        float[] p = probabilities.contiguous().toFloatArray();
        int c = classes.size();
        for (int i = 0; i < labels.size(); i++) {
            float[] row = Arrays.copyOfRange(p, i * c, (i + 1) * c);
            Integer[] order = new Integer[c];
            for (int j = 0; j < c; j++) order[j] = j;
            Arrays.sort(order, (a, b) -> Float.compare(row[b], row[a]));
            StringBuilder sb = new StringBuilder(labels.get(i)).append(": ").append(classes.get(order[0]))
                    .append("  [");
            for (int j = 0; j < k; j++) {
                if (j > 0) sb.append(", ");
                sb.append(String.format(Locale.ROOT, "%s %.4f", classes.get(order[j]), row[order[j]]));
            }
            out.println(sb.append(']'));
        }
        out.flush();
    }
}
