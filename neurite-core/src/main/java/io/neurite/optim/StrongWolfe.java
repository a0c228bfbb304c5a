package io.neurite.optim;

/**
 * The strong-Wolfe line search of {@link LBFGS}, ported from PyTorch's {@code _strong_wolfe}
 * (itself from minFunc): bracket a step satisfying the sufficient-decrease and curvature
 * conditions, then zoom into the bracket by cubic interpolation (Nocedal and Wright, Numerical
 * Optimization, algorithms 3.5 and 3.6).
 */
final class StrongWolfe {

    /** The loss and flat gradient at the parameters moved by {@code t} times the search direction. */
    interface Objective {
        Evaluation at(double t);
    }

    record Evaluation(double loss, float[] grad) {}

    /** The accepted step {@code t}, the loss and gradient there, and how many evaluations it took. */
    record Result(double loss, float[] grad, double t, int evaluations) {}

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_LS = 25;

    private StrongWolfe() {}

    /** Searches along {@code d} from loss {@code f}, gradient {@code g}, slope {@code gtd = g . d}. */
    static Result search(Objective obj, double t, float[] d, double f, float[] g, double gtd, double toleranceChange) {
        double dNorm = FlatVectors.maxAbs(d);
        Evaluation e = obj.at(t);
        double fNew = e.loss();
        float[] gNew = e.grad();
        int evals = 1;
        double gtdNew = FlatVectors.dot(gNew, d);

        double tPrev = 0, fPrev = f, gtdPrev = gtd;
        float[] gPrev = g.clone();
        boolean done = false;
        int lsIter = 0;
        double[] bracket = new double[2], bracketF = new double[2], bracketGtd = new double[2];
        float[][] bracketG = new float[2][];
        int size = 2;
        while (lsIter < MAX_LS) {
            boolean bracketed = fNew > f + C1 * t * gtd || (lsIter > 1 && fNew >= fPrev);
            if (!bracketed && Math.abs(gtdNew) <= -C2 * gtd) {
                set(bracket, bracketF, bracketG, bracketGtd, 0, t, fNew, gNew, gtdNew);
                size = 1;
                done = true;
                break;
            }
            if (bracketed || gtdNew >= 0) {
                // [tPrev, t] holds a point satisfying both conditions
                set(bracket, bracketF, bracketG, bracketGtd, 0, tPrev, fPrev, gPrev, gtdPrev);
                set(bracket, bracketF, bracketG, bracketGtd, 1, t, fNew, gNew.clone(), gtdNew);
                break;
            }
            // extrapolate by cubic interpolation, between 1.01 t and 10 t
            double minStep = t + 0.01 * (t - tPrev);
            double maxStep = t * 10;
            double previous = t;
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = previous;
            fPrev = fNew;
            gPrev = gNew.clone();
            gtdPrev = gtdNew;
            e = obj.at(t);
            fNew = e.loss();
            gNew = e.grad();
            evals++;
            gtdNew = FlatVectors.dot(gNew, d);
            lsIter++;
        }
        if (lsIter == MAX_LS) {
            set(bracket, bracketF, bracketG, bracketGtd, 0, 0, f, g, 0);
            set(bracket, bracketF, bracketG, bracketGtd, 1, t, fNew, gNew, 0);
        }

        // zoom until the point satisfies the conditions or the bracket is too small
        boolean insufficientProgress = false;
        int low = bracketF[0] <= bracketF[size - 1] ? 0 : 1;
        int high = 1 - low;
        while (!done && lsIter < MAX_LS) {
            if (Math.abs(bracket[1] - bracket[0]) * dNorm < toleranceChange) break;
            t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1],
                    Math.min(bracket[0], bracket[1]), Math.max(bracket[0], bracket[1]));
            double hi = Math.max(bracket[0], bracket[1]), lo = Math.min(bracket[0], bracket[1]);
            double eps = 0.1 * (hi - lo);
            if (Math.min(hi - t, t - lo) < eps) {
                // too close to a boundary: move away unless the last step already made progress
                if (insufficientProgress || t >= hi || t <= lo) {
                    t = Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps;
                    insufficientProgress = false;
                } else {
                    insufficientProgress = true;
                }
            } else {
                insufficientProgress = false;
            }
            e = obj.at(t);
            fNew = e.loss();
            gNew = e.grad();
            evals++;
            gtdNew = FlatVectors.dot(gNew, d);
            lsIter++;
            if (fNew > f + C1 * t * gtd || fNew >= bracketF[low]) {
                set(bracket, bracketF, bracketG, bracketGtd, high, t, fNew, gNew.clone(), gtdNew);
                low = bracketF[0] <= bracketF[1] ? 0 : 1;
                high = 1 - low;
            } else {
                if (Math.abs(gtdNew) <= -C2 * gtd) {
                    done = true;
                } else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
                    set(bracket, bracketF, bracketG, bracketGtd, high, bracket[low], bracketF[low], bracketG[low],
                            bracketGtd[low]);
                }
                set(bracket, bracketF, bracketG, bracketGtd, low, t, fNew, gNew.clone(), gtdNew);
            }
        }
        return new Result(bracketF[low], bracketG[low], bracket[low], evals);
    }

    private static void set(double[] bracket, double[] f, float[][] g, double[] gtd, int i, double t, double fi,
                            float[] gi, double gtdi) {
        bracket[i] = t;
        f[i] = fi;
        g[i] = gi;
        gtd[i] = gtdi;
    }

    /**
     * The minimizer of the cubic through (x1, f1) and (x2, f2) with slopes g1 and g2, clamped to
     * {@code [lo, hi]}; the middle of the bounds when the cubic has no minimum.
     */
    static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double lo,
                                   double hi) {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos = x1 <= x2
                    ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return Math.min(Math.max(minPos, lo), hi);
        }
        return (lo + hi) / 2;
    }
}
