package io.neurite.nn.functional;

import io.neurite.kernels.FastMath;
import io.neurite.kernels.Gemm;
import io.neurite.kernels.Parallel;
import io.neurite.nn.functional.Recurrent.Mode;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Shape;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One layer of a recurrent network run in one direction over a whole sequence, recorded as a single
 * autograd op: the forward pass and backpropagation through time side by side.
 *
 * <p>Forward: the input projection {@code x W_ih^T + b_ih} of every time step in one GEMM, then per step
 * one GEMM {@code h W_hh^T} and the fused gate math. Backward: per step the fused gate derivatives and
 * one GEMM {@code dgates W_hh} for the previous hidden state; then {@code dx}, {@code dW_ih} and
 * {@code dW_hh} in one GEMM each over all steps.
 *
 * <p>The result is one packed tensor {@code [L + 1 (+ 1 for LSTM), N, H]}: the outputs of the L steps
 * (indexed by time, whatever the direction), then {@code h_n}, then {@code c_n}; callers take views.
 */
final class RecurrentScan {

    /** Rows of gate math per parallel chunk are chosen so a chunk holds at least this many elements. */
    private static final int GRAIN_ELEMENTS = 1 << 14;

    private RecurrentScan() {}

    /**
     * Runs the layer: {@code x [L, N, in]}, {@code h0, c0 [N, H]} (null: zeros), {@code wIh [G H, in]},
     * {@code wHh [G H, H]}, biases {@code [G H]} or null. Returns {output [L, N, H], h_n [N, H], c_n [N, H] or
     * null}.
     */
    static Tensor[] run(Mode mode, Tensor x, Tensor h0, Tensor c0, Tensor wIh, Tensor wHh, Tensor bIh,
                        Tensor bHh, boolean reverse) {
        Scan s = new Scan(mode, x.size(0), x.size(1), x.size(2), wHh.size(1), reverse);
        s.forward(x.contiguousData(), data(h0), data(c0), wIh.contiguousData(), wHh.contiguousData(), data(bIh),
                data(bHh));
        int extra = mode == Mode.LSTM ? 2 : 1;
        Tensor packed = Tensor.wrap(s.packed, Shape.of(s.len + extra, s.batch, s.hidden));

        List<Tensor> inputs = new ArrayList<>(List.of(x));
        for (Tensor t : new Tensor[] {h0, c0, wIh, wHh, bIh, bHh}) if (t != null) inputs.add(t);
        Tensor[] in = inputs.toArray(Tensor[]::new);
        Autograd.record(mode.opName(), packed, in, in, g -> s.backward(g.contiguousData(), x, h0, c0, wIh, wHh, bIh,
                bHh));

        Tensor output = packed.narrow(0, 0, s.len);
        Tensor hN = packed.select(0, s.len);
        Tensor cN = mode == Mode.LSTM ? packed.select(0, s.len + 1) : null;
        return new Tensor[] {output, hN, cN};
    }

    private static float[] data(Tensor t) {
        return t == null ? null : t.contiguousData();
    }

    /** The sizes, the saved forward values and the two passes. */
    private static final class Scan {
        final Mode mode;
        final int len, batch, inputSize, hidden, gh, step, gateStep;
        final boolean reverse;
        float[] x, h0, c0, wIh, wHh, packed;
        /** Per step, the gate activations: (i, f, g, o) for LSTM, (r, z, n) for GRU, unused for RNN. */
        float[] gates;
        /** LSTM: the cell state of each step. GRU: W_hn h + b_hn of each step. */
        float[] state;

        Scan(Mode mode, int len, int batch, int inputSize, int hidden, boolean reverse) {
            this.mode = mode;
            this.len = len;
            this.batch = batch;
            this.inputSize = inputSize;
            this.hidden = hidden;
            this.gh = mode.gates() * hidden;
            this.step = batch * hidden;
            this.gateStep = batch * gh;
            this.reverse = reverse;
        }

        /** The time index of the {@code s}-th step processed. */
        int time(int s) {
            return reverse ? len - 1 - s : s;
        }

        int grain() {
            return Math.max(1, GRAIN_ELEMENTS / Math.max(1, gh));
        }

        void forward(float[] x, float[] h0, float[] c0, float[] wIh, float[] wHh, float[] bIh, float[] bHh) {
            this.x = x;
            this.h0 = h0 == null ? new float[step] : h0;
            this.c0 = mode == Mode.LSTM && c0 == null ? new float[step] : c0;
            this.wIh = wIh;
            this.wHh = wHh;
            int extra = mode == Mode.LSTM ? 2 : 1;
            packed = new float[(len + extra) * step];
            gates = new float[len * gateStep];
            state = mode == Mode.LSTM || mode == Mode.GRU ? new float[len * step] : null;
            // gates = x W_ih^T + b_ih (+ b_hh, except for GRU whose b_hn sits inside r * (W_hn h + b_hn))
            Gemm.sgemm(false, true, len * batch, gh, inputSize, 1f, x, 0, inputSize, wIh, 0, inputSize, 0f, gates, 0,
                    gh);
            addRows(gates, len * batch, gh, bIh);
            float[] hh = null;
            if (mode == Mode.GRU) {
                hh = new float[gateStep];
            } else {
                addRows(gates, len * batch, gh, bHh);
            }
            float[] hPrev = this.h0, cPrev = this.c0;
            int hOff = 0, cOff = 0;
            for (int s = 0; s < len; s++) {
                int t = time(s);
                int gOff = t * gateStep, out = t * step;
                if (mode == Mode.GRU) {
                    Gemm.sgemm(false, true, batch, gh, hidden, 1f, hPrev, hOff, hidden, wHh, 0, hidden, 0f, hh, 0, gh);
                    addRows(hh, batch, gh, bHh);
                    float[] hp = hPrev, hhv = hh;
                    int hpOff = hOff;
                    Parallel.forRange(batch, grain(), (from, to) -> gruStep(from, to, gOff, hhv, hp, hpOff, out));
                } else {
                    Gemm.sgemm(false, true, batch, gh, hidden, 1f, hPrev, hOff, hidden, wHh, 0, hidden, 1f, gates, gOff,
                            gh);
                    if (mode == Mode.LSTM) {
                        float[] cp = cPrev;
                        int cpOff = cOff;
                        Parallel.forRange(batch, grain(), (from, to) -> lstmStep(from, to, gOff, cp, cpOff, out));
                        cPrev = state;
                        cOff = out;
                    } else {
                        Parallel.forRange(batch, grain(), (from, to) -> rnnStep(from, to, gOff, out));
                    }
                }
                hPrev = packed;
                hOff = out;
            }
            System.arraycopy(hPrev, hOff, packed, len * step, step);
            if (mode == Mode.LSTM) System.arraycopy(cPrev, cOff, packed, (len + 1) * step, step);
        }

        /** h' = tanh(a) or relu(a). */
        void rnnStep(int from, int to, int gOff, int out) {
            boolean relu = mode == Mode.RNN_RELU;
            for (int n = from; n < to; n++) {
                int g = gOff + n * gh, o = out + n * hidden;
                for (int j = 0; j < hidden; j++) {
                    float a = gates[g + j];
                    packed[o + j] = relu ? (a > 0f ? a : (a == a ? 0f : a)) : FastMath.tanh(a);
                }
            }
        }

        /** i, f, o = sigmoid; g = tanh; c' = f c + i g; h' = o tanh(c'). */
        void lstmStep(int from, int to, int gOff, float[] cPrev, int cOff, int out) {
            int h = hidden;
            for (int n = from; n < to; n++) {
                int g = gOff + n * gh, o = out + n * h, cp = cOff + n * h;
                for (int j = 0; j < h; j++) {
                    float i = FastMath.sigmoid(gates[g + j]);
                    float f = FastMath.sigmoid(gates[g + h + j]);
                    float c = FastMath.tanh(gates[g + 2 * h + j]);
                    float og = FastMath.sigmoid(gates[g + 3 * h + j]);
                    gates[g + j] = i;
                    gates[g + h + j] = f;
                    gates[g + 2 * h + j] = c;
                    gates[g + 3 * h + j] = og;
                    float cell = f * cPrev[cp + j] + i * c;
                    state[o + j] = cell;
                    packed[o + j] = og * FastMath.tanh(cell);
                }
            }
        }

        /** r, z = sigmoid; n = tanh(W_in x + b_in + r (W_hn h + b_hn)); h' = n + z (h - n). */
        void gruStep(int from, int to, int gOff, float[] hh, float[] hPrev, int hOff, int out) {
            int h = hidden;
            for (int n = from; n < to; n++) {
                int g = gOff + n * gh, q = n * gh, o = out + n * h, p = hOff + n * h;
                for (int j = 0; j < h; j++) {
                    float r = FastMath.sigmoid(gates[g + j] + hh[q + j]);
                    float z = FastMath.sigmoid(gates[g + h + j] + hh[q + h + j]);
                    float hn = hh[q + 2 * h + j];
                    float nv = FastMath.tanh(gates[g + 2 * h + j] + r * hn);
                    gates[g + j] = r;
                    gates[g + h + j] = z;
                    gates[g + 2 * h + j] = nv;
                    state[o + j] = hn;
                    packed[o + j] = nv + z * (hPrev[p + j] - nv);
                }
            }
        }

        // ------------------------------------------------------------ backward through time

        /** Gradients of the recorded inputs (x, h0?, c0?, W_ih, W_hh, b_ih?, b_hh?), null where not required. */
        Tensor[] backward(float[] grad, Tensor xT, Tensor h0T, Tensor c0T, Tensor wIhT, Tensor wHhT, Tensor bIhT,
                          Tensor bHhT) {
            boolean gru = mode == Mode.GRU, lstm = mode == Mode.LSTM;
            float[] dGi = new float[len * gateStep];
            float[] dGh = gru ? new float[len * gateStep] : dGi;
            float[] dh = new float[step], dhNext = new float[step];
            System.arraycopy(grad, len * step, dh, 0, step);
            float[] dc = lstm ? java.util.Arrays.copyOfRange(grad, (len + 1) * step, (len + 2) * step) : null;
            for (int s = len - 1; s >= 0; s--) {
                int t = time(s), gOff = t * gateStep, at = t * step;
                for (int k = 0; k < step; k++) dh[k] += grad[at + k];
                float[] hp = s == 0 ? h0 : packed;
                int hpOff = s == 0 ? 0 : time(s - 1) * step;
                float[] cp = s == 0 ? c0 : state;
                float[] dhv = dh, dhn = dhNext;
                switch (mode) {
                    case LSTM -> Parallel.forRange(batch, grain(), (from, to) ->
                            lstmBack(from, to, gOff, at, cp, hpOff, dhv, dc, dGi));
                    case GRU -> Parallel.forRange(batch, grain(), (from, to) ->
                            gruBack(from, to, gOff, at, hp, hpOff, dhv, dhn, dGi, dGh));
                    default -> Parallel.forRange(batch, grain(), (from, to) -> rnnBack(from, to, gOff, at, dhv, dGi));
                }
                // dh_prev = (GRU: dh z) + dgates_h W_hh
                Gemm.sgemm(false, false, batch, hidden, gh, 1f, dGh, gOff, gh, wHh, 0, hidden, gru ? 1f : 0f, dhNext,
                        0, hidden);
                float[] swap = dh;
                dh = dhNext;
                dhNext = swap;
            }
            int rows = len * batch;
            Tensor dx = null, dwIh = null, dwHh = null;
            if (xT.requiresGrad()) {
                float[] d = new float[rows * inputSize];
                Gemm.sgemm(false, false, rows, inputSize, gh, 1f, dGi, 0, gh, wIh, 0, inputSize, 0f, d, 0, inputSize);
                dx = Tensor.wrap(d, xT.shape());
            }
            if (wIhT.requiresGrad()) {
                float[] d = new float[gh * inputSize];
                Gemm.sgemm(true, false, gh, inputSize, rows, 1f, dGi, 0, gh, x, 0, inputSize, 0f, d, 0, inputSize);
                dwIh = Tensor.wrap(d, wIhT.shape());
            }
            if (wHhT.requiresGrad()) {
                float[] d = new float[gh * hidden];
                Gemm.sgemm(true, false, gh, hidden, rows, 1f, dGh, 0, gh, previousStates(), 0, hidden, 0f, d, 0,
                        hidden);
                dwHh = Tensor.wrap(d, wHhT.shape());
            }
            List<Tensor> grads = new ArrayList<>();
            grads.add(dx);
            if (h0T != null) grads.add(h0T.requiresGrad() ? Tensor.wrap(dh, h0T.shape()) : null);
            if (c0T != null) grads.add(c0T.requiresGrad() ? Tensor.wrap(dc, c0T.shape()) : null);
            grads.add(dwIh);
            grads.add(dwHh);
            if (bIhT != null) grads.add(bIhT.requiresGrad() ? columnSums(dGi, rows, bIhT.shape()) : null);
            if (bHhT != null) grads.add(bHhT.requiresGrad() ? columnSums(dGh, rows, bHhT.shape()) : null);
            return grads.toArray(Tensor[]::new);
        }

        /** da = dh tanh'(a) = dh (1 - h'^2), or dh [h' > 0] for relu. */
        void rnnBack(int from, int to, int gOff, int at, float[] dh, float[] dG) {
            boolean relu = mode == Mode.RNN_RELU;
            for (int n = from; n < to; n++) {
                int g = gOff + n * gh, o = at + n * hidden, d = n * hidden;
                for (int j = 0; j < hidden; j++) {
                    float y = packed[o + j];
                    dG[g + j] = relu ? (y > 0f ? dh[d + j] : 0f) : dh[d + j] * (1f - y * y);
                }
            }
        }

        /**
         * With dc = dc' + dh o (1 - tanh^2 c'): d(pre-activations) i: dc g i(1-i), f: dc c f(1-f), g: dc i (1-g^2),
         * o: dh tanh(c') o(1-o); then dc becomes dc f (the gradient of the previous cell state).
         */
        void lstmBack(int from, int to, int gOff, int at, float[] cPrev, int cOff, float[] dh, float[] dc,
                      float[] dG) {
            int h = hidden;
            for (int n = from; n < to; n++) {
                int g = gOff + n * gh, o = at + n * h, d = n * h, cp = cOff + n * h;
                for (int j = 0; j < h; j++) {
                    float i = gates[g + j], f = gates[g + h + j], c = gates[g + 2 * h + j], og = gates[g + 3 * h + j];
                    float tc = FastMath.tanh(state[o + j]);
                    float dcv = dc[d + j] + dh[d + j] * og * (1f - tc * tc);
                    dG[g + j] = dcv * c * i * (1f - i);
                    dG[g + h + j] = dcv * cPrev[cp + j] * f * (1f - f);
                    dG[g + 2 * h + j] = dcv * i * (1f - c * c);
                    dG[g + 3 * h + j] = dh[d + j] * tc * og * (1f - og);
                    dc[d + j] = dcv * f;
                }
            }
        }

        /**
         * With h' = n + z (h - n): dn = dh (1 - z), dz = dh (h - n), d(a_n) = dn (1 - n^2), dr = d(a_n) hn;
         * the hidden side of n gets d(a_n) r; the direct path gives dh_prev = dh z.
         */
        void gruBack(int from, int to, int gOff, int at, float[] hPrev, int hOff, float[] dh, float[] dhPrev,
                     float[] dGi, float[] dGh) {
            int h = hidden;
            for (int n = from; n < to; n++) {
                int g = gOff + n * gh, o = at + n * h, d = n * h, p = hOff + n * h;
                for (int j = 0; j < h; j++) {
                    float r = gates[g + j], z = gates[g + h + j], nv = gates[g + 2 * h + j];
                    float dhv = dh[d + j];
                    float dan = dhv * (1f - z) * (1f - nv * nv);
                    float dar = dan * state[o + j] * r * (1f - r);
                    float daz = dhv * (hPrev[p + j] - nv) * z * (1f - z);
                    dGi[g + j] = dar;
                    dGh[g + j] = dar;
                    dGi[g + h + j] = daz;
                    dGh[g + h + j] = daz;
                    dGi[g + 2 * h + j] = dan;
                    dGh[g + 2 * h + j] = dan * r;
                    dhPrev[d + j] = dhv * z;
                }
            }
        }

        /** The hidden state each step started from, by time index: [L, N, H]. */
        float[] previousStates() {
            float[] prev = new float[len * step];
            for (int s = 0; s < len; s++) {
                int t = time(s);
                if (s == 0) System.arraycopy(h0, 0, prev, t * step, step);
                else System.arraycopy(packed, time(s - 1) * step, prev, t * step, step);
            }
            return prev;
        }
    }

    /** Adds {@code bias[c]} to column c of a {@code rows x cols} matrix; no-op for a null bias. */
    private static void addRows(float[] m, int rows, int cols, float[] bias) {
        if (bias == null) return;
        Parallel.forRange(rows, Math.max(1, GRAIN_ELEMENTS / Math.max(1, cols)), (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * cols;
                for (int c = 0; c < cols; c++) m[o + c] += bias[c];
            }
        });
    }

    /** The sum over rows of a {@code rows x cols} matrix, as a tensor of {@code shape}. */
    private static Tensor columnSums(float[] m, int rows, Shape shape) {
        int cols = shape.numel();
        float[] out = new float[cols];
        Parallel.forRange(cols, Math.max(1, GRAIN_ELEMENTS / Math.max(1, rows)), (from, to) -> {
            for (int r = 0; r < rows; r++) {
                int o = r * cols;
                for (int c = from; c < to; c++) out[c] += m[o + c];
            }
        });
        return Tensor.wrap(out, shape);
    }
}
