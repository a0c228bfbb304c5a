"""Reference values for JoiningTest, IndexingTest and SelectionTest (PyTorch 1.13).

Run with a Python that has torch: python3 joining_indexing_reference.py
The printed literals are pasted into the Java tests; the tests never run Python.
"""
import torch
def J(t):
    t = t.detach().reshape(-1).tolist()
    return "{" + ", ".join(("%gf" % v) if isinstance(v,float) else str(v) for v in t) + "}"
def S(t): return str(list(t.shape))

print("== JOINING")
a = torch.tensor([[0.5,-1.,2.],[3.,0.25,-4.]], requires_grad=True)
b = torch.tensor([[1.5,2.5,-0.5]], requires_grad=True)
c = torch.tensor([[7.,8.,9.],[10.,11.,12.],[13.,14.,15.]]).t()  # non contiguous 3x3
y = torch.cat([a,b,c],0); print("cat0", S(y), J(y))
w = torch.arange(y.numel(), dtype=torch.float32).reshape(y.shape)*0.5-1
(y*w).sum().backward(); print("ga", J(a.grad), "gb", J(b.grad))
a2 = torch.tensor([[1.,2.],[3.,4.]]); b2 = torch.tensor([[5.,6.,7.],[8.,9.,10.]])[:, ::2]
print("catneg", J(torch.cat([a2,b2,a2.t()],-1)))
# stack
p = torch.tensor([1.,2.,3.]); q=torch.tensor([4.,5.,6.])
print("stack0", J(torch.stack([p,q],0)), "stack-1", J(torch.stack([p,q],-1)))
m = torch.arange(6.).reshape(2,3)
print("stack1", S(torch.stack([m,m.flip(0)],1)), J(torch.stack([m,m.flip(0)],1)))
p.requires_grad_(); q.requires_grad_()
s = torch.stack([p,q],-1); (s*torch.tensor([[1.,2.],[3.,4.],[5.,6.]])).sum().backward(); print("stackg", J(p.grad), J(q.grad))
x = torch.arange(10.).reshape(2,5)
print("split2", [J(t) for t in x.split(2,1)])
print("splitarr", [J(t) for t in x.split([1,4],-1)])
print("chunk3", [S(t) for t in x.chunk(3,1)], [J(t) for t in x.chunk(3,1)])
xt = torch.arange(12.).reshape(3,4).t()
print("chunkT", [J(t) for t in xt.chunk(2,0)])
print("chunkT1", [J(t) for t in xt.chunk(2,1)])

print("== INDEXING")
L=torch.long
x = torch.tensor([[0.5,-1.,2.],[3.,0.25,-4.]], requires_grad=True)
idx = torch.tensor([[2,0,2,1],[1,1,0,0]])
y = x.gather(1, idx); print("gather1", J(y))
w = torch.tensor([[1.,2.,3.,4.],[5.,6.,7.,8.]])
(y*w).sum().backward(); print("gather1 grad", J(x.grad))
x.grad=None
i0 = torch.tensor([[1,0,1]])
y = x.gather(-2, i0); print("gather-2", J(y))
xt = torch.arange(12.).reshape(3,4).t()  # 4x3
it = torch.tensor([[0,2,1,0],[2,2,0,1]]).t() # 4x2
print("gatherT", J(xt.gather(1,it)))
print("gatherInt", J(torch.tensor([[10,20,30],[40,50,60]]).gather(1, torch.tensor([[2],[0]]))))
# scatter
s = torch.zeros(3,4, requires_grad=True)
src = torch.tensor([[1.,2.,3.,4.],[5.,6.,7.,8.]], requires_grad=True)
ind = torch.tensor([[0,1,2,0],[2,0,1,1]])
o = s.scatter(0, ind, src); print("scatter0", J(o))
W = torch.arange(12.).reshape(3,4)+1
(o*W).sum().backward(); print("scatter grads", J(s.grad), J(src.grad))
s2 = torch.arange(6.).reshape(2,3)
print("scatterval", J(s2.scatter(1, torch.tensor([[2],[0]]), -1.5)))
# scatter_add
s = torch.ones(2,5, requires_grad=True)
src = torch.tensor([[1.,2.,3.],[4.,5.,6.]], requires_grad=True)
ind = torch.tensor([[0,4,0],[3,3,1]])
o = s.scatter_add(1, ind, src); print("scatteradd", J(o))
W = torch.arange(10.).reshape(2,5)
(o*W).sum().backward(); print("scatteradd grads", J(s.grad), J(src.grad))
print("scatteraddInt", J(torch.zeros(4,dtype=L).scatter_add(0, torch.tensor([1,1,3]), torch.tensor([5,6,7]))))
# index_select
x = torch.tensor([[0.5,-1.,2.],[3.,0.25,-4.],[1.,2.,3.]], requires_grad=True)
ii = torch.tensor([2,0,2])
y = x.index_select(0, ii); print("is0", J(y))
W = torch.arange(9.).reshape(3,3)
(y*W).sum().backward(); print("is0 grad", J(x.grad))
print("is-1", J(x.index_select(-1, torch.tensor([1,1]))))
print("isT", J(x.t().index_select(1, torch.tensor([0,2]))))

print("== SELECTION")
import torch.nn.functional as F
x = torch.tensor([[0.5,-1.,2.],[3.,0.25,-4.]], requires_grad=True)
y = x.masked_fill(x < 0, -9.)
print("mf", J(y))
(y*torch.arange(6.).reshape(2,3)).sum().backward(); print("mf grad", J(x.grad))
x.grad=None
row = torch.tensor([True, False, True])
print("mfrow", J(x.masked_fill(row, 0.)))
v = torch.tensor([1.,2.,3.], requires_grad=True)
m = torch.tensor([[True,False,False],[True,True,False]])
y = v.masked_fill(m, 7.); print("mfbig", list(y.shape), J(y))
(y*torch.arange(6.).reshape(2,3)).sum().backward(); print("mfbig grad", J(v.grad))
print("mfint", J(torch.tensor([1,2,3]).masked_fill(torch.tensor([False,True,False]), -100)))
# where
c = torch.tensor([[True],[False]])   # [2,1]
a = torch.tensor([1.,2.,3.], requires_grad=True)  # [3]
b = torch.tensor([[10.,20.,30.],[40.,50.,60.]], requires_grad=True)  # [2,3]
y = torch.where(c, a, b); print("where", J(y))
(y*(torch.arange(6.).reshape(2,3)+1)).sum().backward(); print("where grads", J(a.grad), J(b.grad))
c3 = torch.tensor([True,False,True]); print("where3", list(torch.where(c3.reshape(3,1,1), torch.ones(2,1), torch.zeros(1,1,2)).shape))
print("oh", J(F.one_hot(torch.tensor([[1,3],[0,2]]), -1)))
print("oh5", J(F.one_hot(torch.tensor([4,0]), 5)))
