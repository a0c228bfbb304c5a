package io.neurite.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much data to hold out for validation, from the two results the course notes quote, each explained
 * in a sentence and checked against the number of classes.
 *
 * <p><b>Amari</b> (Amari, Murata, Müller, Finke and Yang, "Asymptotic statistical theory of overtraining
 * and cross-validation", IEEE TNN 1997): for early stopping with m free parameters the optimal fraction of
 * the examples used for validation is {@code r = 1 / sqrt(2m)}, for large m. The notes' example, the
 * LeCun net's two fully connected layers with m = 6300, gives r = 0.89%: 9 images of 1000, "quite
 * obviously too few" for 10 digits; {@link #amari} warns in that case.
 *
 * <p><b>Guyon</b> ("A scaling law for the validation-set training-set size ratio", 1997): to choose among
 * N families of recognizers of largest complexity {@code h_max} with risk alpha of being wrong, the
 * validation size f and training size g should be in the ratio
 * {@code f / g = sqrt(C ln(N / alpha^2) / h_max)}, C = 1.5 the constant of the Chernoff bound. For
 * networks trained by back-propagation with early stopping {@code h_max ~ F / 3}, F the number of free
 * parameters; otherwise h_max is the VC dimension, about F for finite-precision weights with sigmoid or
 * sign activations, and at most about {@code l F ln F} for l layers ({@link Complexity}).
 */
public final class SplitAdvisor {

    /** Guyon's constant of the Chernoff bound. */
    public static final double CHERNOFF_C = 1.5;

    private SplitAdvisor() {}

    /** Estimates of the complexity h_max of a network with F free parameters. */
    public enum Complexity {
        /** {@code F / 3}: back-propagation with early stopping (Guyon's approximation). */
        EARLY_STOPPING,
        /** {@code F}: VC dimension for finite-precision weights and sigmoid or sign activations. */
        FINITE_WEIGHTS,
        /** {@code l F ln F}: upper bound on the VC dimension for l layers. */
        UPPER_BOUND
    }

    /**
     * A recommended split: the validation {@code fraction} of the data, the resulting sizes, one sentence
     * explaining the numbers and the warnings (empty when none).
     */
    public record Advice(double fraction, int validationSize, int trainingSize, String explanation,
            List<String> warnings) {

        public Advice {
            warnings = List.copyOf(warnings);
        }

        @Override
        public String toString() {
            return warnings.isEmpty() ? explanation : explanation + " Warning: " + String.join(" Warning: ", warnings);
        }
    }

    /** Amari's optimal early-stopping validation fraction {@code 1 / sqrt(2m)}. */
    public static double amariFraction(long freeParameters) {
        requirePositive("amariFraction", "freeParameters", freeParameters);
        return 1.0 / Math.sqrt(2.0 * freeParameters);
    }

    /** The complexity h_max of a network with {@code freeParameters} F and {@code layers} l. */
    public static double hMax(long freeParameters, Complexity complexity, int layers) {
        requirePositive("hMax", "freeParameters", freeParameters);
        double f = freeParameters;
        return switch (complexity) {
            case EARLY_STOPPING -> f / 3;
            case FINITE_WEIGHTS -> f;
            case UPPER_BOUND -> {
                requirePositive("hMax", "layers", layers);
                yield layers * f * Math.log(f);
            }
        };
    }

    /** Guyon's validation/training ratio {@code f / g = sqrt(C ln(N / alpha^2) / h_max)}. */
    public static double guyonRatio(int families, double hMax, double alpha) {
        requirePositive("guyonRatio", "families", families);
        if (!(hMax > 0) || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("guyonRatio: expected hMax > 0 and alpha in (0, 1), got hMax=" + hMax
                    + ", alpha=" + alpha);
        }
        return Math.sqrt(CHERNOFF_C * Math.log(families / (alpha * alpha)) / hMax);
    }

    /**
     * The risk of at least one wrong decision in {@code comparisons} independent comparisons each made at
     * risk alpha, {@code 1 - (1 - alpha)^N}: the notes' example, N = 10 at 5%, is about 40%.
     */
    public static double familywiseError(double alpha, int comparisons) {
        return 1 - Math.pow(1 - alpha, comparisons);
    }

    /** Amari's split of {@code datasetSize} samples for a network with {@code freeParameters}. */
    public static Advice amari(int datasetSize, long freeParameters, int numClasses) {
        double r = amariFraction(freeParameters);
        int validation = (int) Math.round(r * datasetSize);
        String why = String.format(Locale.ROOT, "Amari's optimal early-stopping fraction r = 1/sqrt(2m) for m = %d"
                + " free parameters is %.2f%%: %d of %d samples for validation, %d for training (an asymptotic"
                + " result for large m).", freeParameters, 100 * r, validation, datasetSize, datasetSize - validation);
        return new Advice(r, validation, datasetSize - validation, why, coverage(validation, numClasses));
    }

    /**
     * Guyon's split of {@code datasetSize} samples to choose among {@code families} models of up to
     * {@code freeParameters}, with h_max = F / 3 (back-propagation with early stopping) and risk alpha:
     * validation fraction {@code (f/g) / (1 + f/g)}.
     */
    public static Advice guyon(int datasetSize, int families, long freeParameters, double alpha, int numClasses) {
        double h = hMax(freeParameters, Complexity.EARLY_STOPPING, 1);
        double ratio = guyonRatio(families, h, alpha);
        double fraction = ratio / (1 + ratio);
        int validation = (int) Math.round(fraction * datasetSize);
        String why = String.format(Locale.ROOT, "Guyon's ratio f/g = sqrt(C ln(N/alpha^2)/h_max) with C = 1.5,"
                + " N = %d families, alpha = %.3g and h_max = F/3 = %.0f for F = %d free parameters is %.4f: %d of %d"
                + " samples (%.2f%%) for validation, %d for training.", families, alpha, h, freeParameters, ratio,
                validation, datasetSize, 100 * fraction, datasetSize - validation);
        return new Advice(fraction, validation, datasetSize - validation, why, coverage(validation, numClasses));
    }

    private static List<String> coverage(int validation, int numClasses) {
        List<String> warnings = new ArrayList<>();
        if (validation < numClasses) {
            warnings.add(validation + " validation samples cannot cover " + numClasses + " classes; hint: the"
                    + " early-stopping set needs a decent coverage of the input domain: hold out more (at least a"
                    + " few samples per class) with Splits.stratifiedSplit.");
        }
        return warnings;
    }

    private static void requirePositive(String op, String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(op + ": expected " + name + " > 0, got " + name + "=" + value);
        }
    }
}
