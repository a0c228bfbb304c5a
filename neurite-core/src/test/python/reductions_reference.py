"""Prints the PyTorch reference values pasted into ReductionsTest, IndexedReductionsTest and
StatisticsTest. Run with python3 and torch 1.13: python3 reductions_reference.py"""
import torch

X = torch.tensor([0.5, -1.25, 2.0, 3.5, -0.75, 1.5, 2.0, -2.5, 0.25, 4.0, -3.0, 1.0,
                  2.5, 0.75, -1.5, 3.0, -0.5, 1.25, 0.0, 2.25, -2.0, 3.25, 1.75, -1.0]).reshape(2, 3, 4)


def lit(t):
    t = t.detach().reshape(-1)
    if not t.is_floating_point():
        return "{" + ", ".join(str(int(v)) for v in t) + "}"
    return "{" + ", ".join(format(float(v), ".8g") + "f" for v in t) + "}"


def weights(n):
    """The gradient fed to backward: (i + 1) / 4, exact in float32 and in Java."""
    return (torch.arange(n, dtype=torch.float32) + 1) / 4


def case(name, f, x=X):
    x = x.clone().requires_grad_(True)
    out = f(x)
    values = out[0] if isinstance(out, tuple) else out
    values.backward(weights(values.numel()).reshape(values.shape))
    extra = "  indices " + lit(out[1]) if isinstance(out, tuple) else ""
    print(f"{name}: shape {list(values.shape)}  values {lit(values)}{extra}\n    grad {lit(x.grad)}")


print("# Reductions")
case("sum dims [0,1] keepdim", lambda x: x.sum((0, 1), keepdim=True))
case("mean dim 0", lambda x: x.mean(0))
case("prod all", lambda x: x.prod())
case("prod dim 1 keepdim", lambda x: x.prod(1, keepdim=True))
case("prod dim -1", lambda x: x.prod(-1))
case("prod dims [0,2] (via prod twice)", lambda x: x.prod(2).prod(0))
case("prod transposed(0,2) dim 1", lambda x: x.transpose(0, 2).prod(1))
Z = torch.tensor([[2., 0., 3.], [0., 0., 4.], [1., 2., 3.], [0., 5., -1.]])
case("prod zeros dim 1", lambda x: x.prod(1), Z)
case("prod one zero all", lambda x: x.prod(), torch.tensor([2., 0., 3., -1.5]))
case("prod two zeros all", lambda x: x.prod(), torch.tensor([2., 0., 3., 0.]))

print("# Indexed")
T = torch.tensor([[1., 5., 5.], [2., 5., 0.]])
case("max all ties", lambda x: x.max(), T)
case("min all", lambda x: x.min(), T)
case("max dim 1 ties", lambda x: x.max(1), T)
case("min dim 0 keepdim", lambda x: x.min(0, keepdim=True), T)
case("max X dim 1", lambda x: x.max(1))
case("max X dim -3 keepdim", lambda x: x.max(-3, keepdim=True))
case("min X transposed(1,2) dim 2", lambda x: x.transpose(1, 2).min(2))
print("argmax X", lit(X.argmax()), "argmin X", lit(X.argmin()))
print("argmax X dim 2", lit(X.argmax(2)), "argmin X dim 0 keepdim", lit(X.argmin(0, keepdim=True)))
print("argmax T dim 1", lit(T.argmax(1)), "argmin T dim 1", lit(T.argmin(1)), "argmax T", lit(T.argmax()))
N = torch.tensor([[1., float('nan'), 3.], [4., 2., float('nan')]])
print("max N dim 1", N.max(1), "argmin N", N.argmin(), "max N", N.max())

print("# Statistics")
case("var all", lambda x: x.var())
case("var dims [0,2] correction 0 keepdim", lambda x: torch.var(x, (0, 2), correction=0, keepdim=True))
case("var dim -1 correction 2", lambda x: torch.var(x, -1, correction=2))
case("std all", lambda x: x.std())
case("std dims [0,1]", lambda x: torch.std(x, (0, 1), correction=1))
case("std transposed(0,2) dim 0 correction 0 keepdim", lambda x: torch.std(x.transpose(0, 2), 0, correction=0, keepdim=True))
C = torch.tensor([[3., 3., 3.], [1., 2., 4.]])
case("std constant row", lambda x: x.std(1), C)
case("logsumexp dim 1", lambda x: torch.logsumexp(x, 1))
case("logsumexp dims [0,2] keepdim", lambda x: torch.logsumexp(x, (0, 2), keepdim=True))
case("logsumexp all", lambda x: torch.logsumexp(x, (0, 1, 2)))
case("logsumexp large", lambda x: torch.logsumexp(x, 1), torch.tensor([[1000., 999., 1000.], [-1000., -1001., -999.]]))

print("# Norms")
for p in [1., 2., 3., 0.5, 1.5, float('inf')]:
    case(f"norm p={p} all", lambda x: x.norm(p))
    case(f"norm p={p} dims [0,2] keepdim", lambda x: x.norm(p, dim=(0, 2), keepdim=True))
case("norm p=2 dim 1 transposed(1,2)", lambda x: x.transpose(1, 2).norm(2, dim=1))
Y = torch.tensor([[0., 0., 0.], [3., -4., 0.], [-2., 2., 1.]])
for p in [2., 3., 0.5, 1.5, 1., float('inf')]:
    case(f"norm p={p} dim 1 zero row", lambda x: x.norm(p, dim=1), Y)
