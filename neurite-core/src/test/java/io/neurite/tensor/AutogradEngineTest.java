package io.neurite.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AutogradEngineTest {

    @Test
    void broadcastAddMulGradientsSumBackToInputShapes() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).requiresGrad(true);
        Tensor b = Tensor.of(new float[] {10, 20, 30}, 3).requiresGrad(true);
        Tensor y = a.mul(b).add(b).sum();
        assertEquals(1 * 10 + 2 * 20 + 3 * 30 + 4 * 10 + 5 * 20 + 6 * 30 + 2 * 60, y.item(), 1e-4);
        y.backward();
        assertArrayEquals(new float[] {10, 20, 30, 10, 20, 30}, a.grad().toFloatArray());
        assertArrayEquals(new float[] {1 + 4 + 2, 2 + 5 + 2, 3 + 6 + 2}, b.grad().toFloatArray());
    }

    @Test
    void valueUsedTwiceAccumulatesAndGradAccumulatesAcrossCalls() {
        Tensor x = Tensor.of(new float[] {3f}).requiresGrad(true);
        x.mul(x).sum().backward();
        assertArrayEquals(new float[] {6f}, x.grad().toFloatArray());
        x.mul(x).sum().backward();
        assertArrayEquals(new float[] {12f}, x.grad().toFloatArray());
    }

    @Test
    void deepGraphDoesNotOverflowTheStack() {
        Tensor x = Tensor.scalar(1f).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 200_000; i++) y = y.mul(1f);
        y.backward();
        assertEquals(1f, x.grad().item());
    }

    @Test
    void nodeReachedWithoutGradientStillReleasesItsInputs() {
        Tensor x = Tensor.of(new float[] {2f}).requiresGrad(true);
        Tensor h = x.mul(3f);
        Tensor dead = h.sign();       // sign passes no useful gradient but a zero one
        Tensor y = h.add(dead.mul(0f)).sum();
        y.backward();
        assertArrayEquals(new float[] {3f}, x.grad().toFloatArray());
    }

    @Test
    void errorsForMisuse() {
        Tensor x = Tensor.ones(2, 2).requiresGrad(true);
        Tensor y = x.exp();
        var e = assertThrows(IllegalArgumentException.class, y::backward);
        assertTrue(e.getMessage().contains("[2, 2]"), e.getMessage());

        Tensor s = x.exp().sum();
        s.backward();
        var twice = assertThrows(IllegalStateException.class, s::backward);
        assertTrue(twice.getMessage().contains("second time"), twice.getMessage());

        Tensor z = x.mul(2f).exp();
        z.detach().addInPlace(1f);
        var modified = assertThrows(IllegalStateException.class, () -> z.sum().backward());
        assertTrue(modified.getMessage().contains("in-place"), modified.getMessage());

        var leaf = assertThrows(IllegalStateException.class, () -> x.addInPlace(1f));
        assertTrue(leaf.getMessage().contains("addInPlace"), leaf.getMessage());
    }

    @Test
    void retainGraphAllowsSecondBackwardAndHooksSeeGradients() {
        Tensor x = Tensor.of(new float[] {1f, 2f}, 2).requiresGrad(true);
        float[] seen = new float[2];
        x.registerHook(g -> {
            System.arraycopy(g.toFloatArray(), 0, seen, 0, 2);
            return g.mul(2f);
        });
        Tensor y = x.mul(x).sum();
        y.backward(Tensor.scalar(1f), true);
        y.backward(Tensor.scalar(1f), true);
        assertArrayEquals(new float[] {2f, 4f}, seen);
        assertArrayEquals(new float[] {8f, 16f}, x.grad().toFloatArray());
    }

    @Test
    void leavesNeverShareAGradientBuffer() {
        Tensor a = Tensor.ones(3).requiresGrad(true), b = Tensor.ones(3).requiresGrad(true);
        a.add(b).sum().backward();   // add passes one gradient tensor to both inputs
        a.grad().mulInPlace(5f);
        assertArrayEquals(new float[] {1, 1, 1}, b.grad().toFloatArray());
        Tensor user = Tensor.ones(3);
        Tensor c = Tensor.ones(3).requiresGrad(true);
        c.mul(2f).backward(user);
        c.mul(2f).reshape(3).backward(user);
        user.fillInPlace(7f);
        assertArrayEquals(new float[] {4, 4, 4}, c.grad().toFloatArray());
        Tensor d = Tensor.ones(3).requiresGrad(true);
        d.backward(user);
        user.fillInPlace(0f);
        assertArrayEquals(new float[] {7, 7, 7}, d.grad().toFloatArray());
    }

    @Test
    void noGradScopeRecordsNothing() {
        Tensor x = Tensor.ones(3).requiresGrad(true);
        Tensor y;
        try (var scope = Autograd.noGrad()) {
            y = x.mul(2f);
        }
        assertTrue(y.isLeaf());
        assertTrue(Autograd.isGradEnabled());
        assertNull(y.gradFn());
    }

    @Test
    void viewsShareStorageAndBackpropagate() {
        Tensor x = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3).requiresGrad(true);
        Tensor t = x.t();
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, t.toFloatArray());
        Tensor s = x.slice(1, 0, 3, 2);
        assertArrayEquals(new float[] {0, 2, 3, 5}, s.toFloatArray());
        s.mul(Tensor.of(new float[] {1, 2}, 2)).sum().add(t.reshape(6).select(0, 1)).backward();
        assertArrayEquals(new float[] {1, 0, 2, 2, 0, 2}, x.grad().toFloatArray());
        Tensor e = Tensor.of(new float[] {1, 2}, 2, 1).expand(2, 3);
        assertArrayEquals(new float[] {1, 1, 1, 2, 2, 2}, e.toFloatArray());
        assertArrayEquals(new float[] {3, 12}, x.detach().sum(1).toFloatArray());
        assertArrayEquals(new float[] {3, 5, 7}, x.detach().sum(0).toFloatArray());
        assertEquals(Shape.of(2, 1), x.detach().mean(1, true).shape());
    }
}
