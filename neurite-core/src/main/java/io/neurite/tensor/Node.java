package io.neurite.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One recorded operation of the autograd graph (PyTorch's {@code grad_fn}): its name, an edge to
 * each input (the input's own node, or the input itself when it is a leaf that requires grad), its
 * backward rule and the tensors that rule saved, with their versions at record time.
 */
public final class Node {

    private final String op;
    private final Node[] next;
    private final Tensor[] leaves;
    private Backward backward;
    private Tensor[] saved;
    private final int[] savedVersions;
    private boolean released;
    private List<UnaryOperator<Tensor>> hooks = List.of();
    private Tensor retainedOutput;

    Node(String op, Tensor[] inputs, Tensor[] saved, Backward backward) {
        this.op = op;
        this.next = new Node[inputs.length];
        this.leaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            next[i] = inputs[i].gradFn();
            if (next[i] == null && inputs[i].requiresGrad()) leaves[i] = inputs[i];
        }
        this.saved = saved.clone();
        this.backward = backward;
        this.savedVersions = new int[saved.length];
        for (int i = 0; i < saved.length; i++) savedVersions[i] = saved[i].storage.version();
    }

    /** The operation's name, e.g. {@code "mul"}. */
    public String op() {
        return op;
    }

    /** The nodes of the inputs produced by recorded operations (PyTorch's next_functions). */
    public List<Node> nextFunctions() {
        List<Node> list = new ArrayList<>();
        for (Node n : next) if (n != null) list.add(n);
        return Collections.unmodifiableList(list);
    }

    int inputCount() {
        return next.length;
    }

    /** The node of input {@code i}, or null when that input is a leaf or needs no gradient. */
    Node next(int i) {
        return next[i];
    }

    /** Input {@code i} when it is a leaf that requires grad, else null. */
    Tensor leaf(int i) {
        return leaves[i];
    }

    void addHook(UnaryOperator<Tensor> hook) {
        List<UnaryOperator<Tensor>> copy = new ArrayList<>(hooks);
        copy.add(Objects.requireNonNull(hook, "hook"));
        hooks = List.copyOf(copy);
    }

    /** Makes backward store this node's output gradient in {@code output.grad()}. */
    void retainGradOf(Tensor output) {
        retainedOutput = output;
    }

    /** Applies the output's hooks to its gradient and keeps the gradient if asked to. */
    Tensor prepareGradient(Tensor grad) {
        for (UnaryOperator<Tensor> hook : hooks) {
            Tensor replaced = hook.apply(grad);
            if (replaced != null) grad = replaced;
        }
        if (retainedOutput != null) retainedOutput.accumulateGrad(grad, false);
        return grad;
    }

    /** Runs the backward rule after checking that the graph is alive and saved tensors unchanged. */
    Tensor[] runBackward(Tensor gradOutput) {
        if (released) {
            throw new IllegalStateException("backward: trying to backward through the graph a second time"
                    + " (what '" + op + "' saved for its gradient was freed by the first backward);"
                    + " pass retainGraph=true to the first backward if you need to run it twice");
        }
        for (int i = 0; i < saved.length; i++) {
            int now = saved[i].storage.version();
            if (now != savedVersions[i]) {
                throw new IllegalStateException("backward: a tensor of shape " + saved[i].shape()
                        + " saved by '" + op + "' for its gradient was modified by an in-place operation"
                        + " (version " + now + ", expected " + savedVersions[i] + "); hint: use the"
                        + " out-of-place variant, or clone() the tensor before changing it");
            }
        }
        Tensor[] grads = backward.apply(gradOutput);
        if (grads.length != next.length) {
            throw new IllegalStateException("backward of '" + op + "' returned " + grads.length
                    + " gradients for " + next.length + " inputs");
        }
        return grads;
    }

    /** Frees what backward needed; a later backward through this node fails clearly. */
    void release() {
        released = true;
        backward = null;
        saved = new Tensor[0];
        Arrays.fill(savedVersions, 0);
    }

    @Override
    public String toString() {
        return Character.toUpperCase(op.charAt(0)) + op.substring(1) + "Backward";
    }
}
