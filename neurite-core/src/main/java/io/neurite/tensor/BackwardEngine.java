package io.neurite.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Walks the recorded graph from a root in reverse topological order without recursion (a graph of
 * any depth fits), passes each node the sum of the gradients flowing into its output, and
 * accumulates into the {@code grad} of the leaves that require it.
 */
final class BackwardEngine {

    private BackwardEngine() {}

    static void run(Tensor root, Tensor gradient, boolean retainGraph) {
        Tensor seed = seedGradient(root, gradient);
        Node start = root.gradFn();
        if (start == null) {
            root.accumulateGrad(seed, false);
            return;
        }
        Map<Node, Integer> pendingConsumers = countConsumers(start);
        Map<Node, Tensor> incoming = new IdentityHashMap<>();
        // A leaf's contributions are summed over the whole pass, so its hooks see the total.
        Map<Tensor, Tensor> leafGrads = new IdentityHashMap<>();
        Map<Tensor, Boolean> leafGradOwned = new IdentityHashMap<>();
        List<Tensor> leafOrder = new ArrayList<>();
        incoming.put(start, seed);
        ArrayDeque<Node> ready = new ArrayDeque<>();
        ready.push(start);
        boolean previous = GradMode.set(false);
        try {
            while (!ready.isEmpty()) {
                Node node = ready.pop();
                Tensor grad = incoming.remove(node);
                // A node no gradient reached still releases its inputs' consumer counts.
                Tensor[] inputGrads = grad == null ? null : node.runBackward(node.prepareGradient(grad));
                for (int i = 0; i < node.inputCount(); i++) {
                    Node next = node.next(i);
                    Tensor g = inputGrads == null ? null : inputGrads[i];
                    if (next != null) {
                        if (g != null) incoming.merge(next, g, Tensor::add);
                        if (pendingConsumers.merge(next, -1, Integer::sum) == 0) ready.push(next);
                    } else if (node.leaf(i) != null && g != null) {
                        Tensor leaf = node.leaf(i);
                        if (leafGrads.merge(leaf, g, Tensor::add) == g) {
                            leafOrder.add(leaf);
                            leafGradOwned.put(leaf, ownedBy(g, grad, inputGrads, i));
                        } else {
                            leafGradOwned.put(leaf, true); // the sum is a fresh tensor
                        }
                    }
                }
                if (!retainGraph) node.release();
            }
            for (Tensor leaf : leafOrder) leaf.accumulateGrad(leafGrads.get(leaf), leafGradOwned.get(leaf));
        } finally {
            GradMode.set(previous);
        }
    }

    /**
     * Whether input {@code i}'s gradient {@code g} is a tensor only this leaf will hold: not sharing
     * storage with the node's incoming gradient (pass-through rules such as add return it as is, or a
     * view of it) and not also returned for another input.
     */
    private static boolean ownedBy(Tensor g, Tensor incoming, Tensor[] inputGrads, int i) {
        if (g.storage == incoming.storage) return false;
        for (int j = 0; j < inputGrads.length; j++) {
            if (j != i && inputGrads[j] != null && inputGrads[j].storage == g.storage) return false;
        }
        return true;
    }

    private static Tensor seedGradient(Tensor root, Tensor gradient) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward: the tensor of shape " + root.shape()
                    + " does not require grad and has no grad_fn; hint: call requiresGrad(true) on the"
                    + " leaves you want gradients for before computing it");
        }
        if (gradient == null) {
            if (root.numel() != 1) {
                throw new IllegalArgumentException("backward: a gradient can be created implicitly only"
                        + " for a scalar output, got shape " + root.shape()
                        + "; hint: call backward(gradient) with a gradient of that shape, or reduce first"
                        + " (e.g. sum() or mean())");
            }
            return Tensor.onesLike(root);
        }
        if (!gradient.shape().equals(root.shape())) {
            throw new ShapeException("backward: gradient has shape " + gradient.shape()
                    + " but the output has shape " + root.shape(), gradient.shape(), root.shape());
        }
        return gradient.detach();
    }

    /** For each node reachable from {@code start}, how many reachable nodes feed gradient into it. */
    private static Map<Node, Integer> countConsumers(Node start) {
        Map<Node, Integer> consumers = new IdentityHashMap<>();
        consumers.put(start, 0);
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(start);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            for (int i = 0; i < node.inputCount(); i++) {
                Node next = node.next(i);
                if (next == null) continue;
                Integer seen = consumers.merge(next, 1, Integer::sum);
                if (seen == 1) stack.push(next);
            }
        }
        return consumers;
    }
}
