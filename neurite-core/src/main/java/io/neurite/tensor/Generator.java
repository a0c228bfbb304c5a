package io.neurite.tensor;

import io.neurite.kernels.Parallel;
import java.util.Arrays;

/**
 * A seedable source of random numbers for every random operation (PyTorch's {@code torch.Generator}).
 *
 * <p>The algorithm is SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014), the one behind {@link java.util.SplittableRandom}: the state is a 64-bit
 * counter advanced by an odd {@code gamma} per draw, and draw {@code i} is a mix of
 * {@code seed + (i + 1) * gamma}. The same seed gives the same numbers on every run, JVM and
 * platform ({@link #nextLong()} equals {@code new SplittableRandom(seed).nextLong()}), but not the
 * numbers PyTorch gives for that seed: PyTorch's CPU generator is mt19937.
 *
 * <p>Because draw {@code i} depends only on {@code i}, tensors are filled in parallel with the same
 * result as a sequential loop: {@code rand(g, n)} equals {@code n} calls of {@link #nextFloat()}.
 *
 * <p>Thread safety: every method is atomic (synchronized), so one generator, such as the
 * {@link #defaultGenerator()}, may be shared between threads; but then the interleaving of the
 * threads decides who gets which numbers. For reproducible parallel work give each thread its own
 * stream from {@link #split()}.
 *
 * <pre>{@code
 * Generator g = new Generator(42);
 * Tensor noise = Tensor.randn(g, 3, 4);
 * long[] saved = g.getState();          // checkpoint
 * Tensor next = Tensor.rand(g, 5);
 * g.setState(saved);                    // Tensor.rand(g, 5) now repeats next
 * }</pre>
 */
public final class Generator {

    /** PyTorch's default seed, so that an unseeded program also repeats itself run after run. */
    public static final long DEFAULT_SEED = 67280421310721L;

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final int GRAIN = 1 << 14;
    private static final Generator DEFAULT = new Generator(DEFAULT_SEED);

    private long state;
    private long gamma;
    private long initialSeed;

    /** A generator seeded with {@link #DEFAULT_SEED}. */
    public Generator() {
        this(DEFAULT_SEED);
    }

    public Generator(long seed) {
        manualSeed(seed);
    }

    private Generator(long state, long gamma) {
        this.state = state;
        this.gamma = gamma;
        this.initialSeed = state;
    }

    /** The generator random operations use when none is given; reseed it with {@link Tensor#manualSeed}. */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /** Restarts the stream from {@code seed}; returns this. */
    public synchronized Generator manualSeed(long seed) {
        this.state = seed;
        this.gamma = GOLDEN_GAMMA;
        this.initialSeed = seed;
        return this;
    }

    /** The seed given to the constructor or the last {@link #manualSeed(long)}. */
    public synchronized long initialSeed() {
        return initialSeed;
    }

    /** Uniform over all 64-bit values. */
    public synchronized long nextLong() {
        state += gamma;
        return mix64(state);
    }

    /** Uniform in [0, 1), a multiple of 2^-24. */
    public float nextFloat() {
        return toFloat(nextLong());
    }

    /** Uniform in [0, 1), a multiple of 2^-53. */
    public double nextDouble() {
        return toDouble(nextLong());
    }

    /** A standard normal value: r cos(2 pi u) of the {@link BoxMuller} transform of the next two draws. */
    public synchronized float nextGaussian() {
        double r = BoxMuller.radius(1.0 - nextDouble());
        double[] cosSin = new double[2];
        BoxMuller.cosSin2Pi(nextDouble(), cosSin);
        return (float) (r * cosSin[0]);
    }

    /** Uniform in [0, bound) from one draw (Lemire's multiply; bias below 2^-32). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("nextInt: bound must be positive, got " + bound);
        }
        return (int) Math.unsignedMultiplyHigh(nextLong(), bound);
    }

    /**
     * A new generator whose stream is independent of this one's (SplittableRandom's split); this
     * generator advances by two draws. Use it to give each worker thread its own stream.
     */
    public synchronized Generator split() {
        long seed = nextLong();
        state += gamma;
        return new Generator(seed, mixGamma(state));
    }

    /** The full state {@code {counter, gamma}}, for checkpoints; see {@link #setState(long[])}. */
    public synchronized long[] getState() {
        return new long[] {state, gamma};
    }

    /** Restores a state from {@link #getState()}: the stream continues exactly from there. */
    public synchronized void setState(long[] newState) {
        if (newState == null || newState.length != 2 || (newState[1] & 1L) == 0) {
            throw new IllegalArgumentException("Generator.setState: expected the two longs {counter, odd gamma}"
                    + " returned by getState(), got " + Arrays.toString(newState));
        }
        this.state = newState[0];
        this.gamma = newState[1];
    }

    // ---------------------------------------------------------------- bulk fills (parallel, same as a sequential loop)

    /**
     * {@code out[off + i] = u_i * (to - from) + from}, u uniform in [0, 1), as PyTorch; kept below
     * {@code to} where float rounding would reach it.
     */
    void fillUniform(float[] out, int off, int len, float from, float to) {
        long[] counter = reserve(len);
        long base = counter[0], step = counter[1];
        float range = to - from, top = from < to ? Math.nextDown(to) : to;
        Parallel.forRange(len, GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                out[off + i] = Math.min(toFloat(mix64(base + (i + 1) * step)) * range + from, top);
            }
        });
    }

    /** {@code out[off + i] = mean + std * z_i}; pair k of values uses draws 2k and 2k+1 ({@link BoxMuller}). */
    void fillNormal(float[] out, int off, int len, double mean, double std) {
        int pairs = (len + 1) / 2;
        long[] counter = reserve(2L * pairs);
        long base = counter[0], step = counter[1];
        Parallel.forRange(pairs, GRAIN / 2, (lo, hi) -> {
            double[] cosSin = new double[2];
            for (int k = lo; k < hi; k++) {
                double r = BoxMuller.radius(1.0 - toDouble(mix64(base + (2L * k + 1) * step)));
                BoxMuller.cosSin2Pi(toDouble(mix64(base + (2L * k + 2) * step)), cosSin);
                out[off + 2 * k] = (float) (r * cosSin[0] * std + mean);
                if (2 * k + 1 < len) out[off + 2 * k + 1] = (float) (r * cosSin[1] * std + mean);
            }
        });
    }

    /** {@code out[off + i]} uniform in {@code [low, high)}, one draw each. */
    void fillInts(int[] out, int off, int len, int low, int high) {
        long[] counter = reserve(len);
        long base = counter[0], step = counter[1];
        long range = (long) high - low;
        Parallel.forRange(len, GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                out[off + i] = (int) (low + Math.unsignedMultiplyHigh(mix64(base + (i + 1) * step), range));
            }
        });
    }

    /** Advances the stream by {@code draws}; returns {@code {counter before them, gamma}}. */
    private synchronized long[] reserve(long draws) {
        long[] counter = {state, gamma};
        state += draws * gamma;
        return counter;
    }

    // ---------------------------------------------------------------- SplitMix64

    /** Stafford's variant 13 of the MurmurHash3 finalizer, as SplittableRandom.mix64. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** An odd gamma with enough bit transitions, as SplittableRandom.mixGamma. */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }

    private static float toFloat(long bits) {
        return (bits >>> 40) * 0x1.0p-24f;
    }

    private static double toDouble(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
