"""PyTorch reference numbers for Continuo's EventLSTM (Tests/ModelTests/ReferenceTests.swift).

Builds the same model in PyTorch — nn.LSTM(num_layers=L) over one-hot(token) ++ one-hot(timing),
plus nn.Linear token and timing heads — with fixed small weights, feeds a fixed batch of
windows (time-major, targets = next event), and writes reference.json with:
  parameters           initial weights under their state_dict names (flattened, row-major)
  logits_token/timing  [T*B, V] / [T*B, K] for the fed positions
  loss_token/timing    mean cross-entropies over every step; the objective is their sum
  gradients            d(loss_token + loss_timing)/d(param) for every parameter
  last_step            the same loss and gradients with the loss on the last step only
  after_adam           parameters after two Adam steps (lr 1e-3, betas 0.9/0.999, eps 1e-8),
                       each after clip_grad_norm_(max_norm) on that step's gradients
Computed in float64, so the Swift float32 results are compared against exact-ish values.

Run:  /tmp/torchvenv/bin/python make_reference.py   (writes reference.json beside this file)
"""
import json, math, os
import torch
import torch.nn as nn
import torch.nn.functional as F

V, K, L, H, T, B = 7, 4, 2, 6, 5, 3
MAX_NORM = 0.25  # below the gradient norm (≈0.31), so clipping is exercised
torch.set_default_dtype(torch.float64)


class EventLSTM(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(V + K, H, num_layers=L)  # (seq, batch, feature)
        self.token_head = nn.Linear(H, V)
        self.timing_head = nn.Linear(H, K)

    def forward(self, tokens, timings):
        x = torch.cat([F.one_hot(tokens, V), F.one_hot(timings, K)], dim=-1).to(torch.float64)
        out, _ = self.lstm(x)
        return self.token_head(out), self.timing_head(out)


def loss_of(model, tokens, timings, last_only):
    tok, tim = model(tokens[:-1], timings[:-1])
    if last_only:
        tok, tim, tt, ti = tok[-1:], tim[-1:], tokens[-1:], timings[-1:]
    else:
        tt, ti = tokens[1:], timings[1:]
    lt = F.cross_entropy(tok.reshape(-1, V), tt.reshape(-1))
    lk = F.cross_entropy(tim.reshape(-1, K), ti.reshape(-1))
    return tok, tim, lt, lk


def flat(t):
    return [float("%.9g" % v) for v in t.detach().reshape(-1).tolist()]


model = EventLSTM()
with torch.no_grad():  # fixed, small, varied weights: 0.4·sin(0.7·i + 1.1·n) for tensor n
    for n, (name, p) in enumerate(model.state_dict().items()):
        i = torch.arange(p.numel(), dtype=torch.float64)
        p.copy_((0.4 * torch.sin(0.7 * i + 1.1 * n)).reshape(p.shape))
tokens = torch.tensor([[(3 * t + 5 * b + t * b) % V for b in range(B)] for t in range(T + 1)])
timings = torch.tensor([[(2 * t + b + (t * b) // 2) % K for b in range(B)] for t in range(T + 1)])

out = {"vocabulary_size": V, "timing_class_count": K, "layers": L, "hidden": H, "length": T, "batch": B,
       "max_gradient_norm": MAX_NORM, "tokens": flat(tokens), "timings": flat(timings),
       "parameters": {k: flat(v) for k, v in model.state_dict().items()}}

tok, tim, lt, lk = loss_of(model, tokens, timings, last_only=False)
(lt + lk).backward()
out.update(logits_token=flat(tok), logits_timing=flat(tim), loss_token=lt.item(), loss_timing=lk.item(),
           gradients={k: flat(p.grad) for k, p in model.named_parameters()})

model.zero_grad()
_, _, lt1, lk1 = loss_of(model, tokens, timings, last_only=True)
(lt1 + lk1).backward()
out["last_step"] = {"loss_token": lt1.item(), "loss_timing": lk1.item(),
                    "gradients": {k: flat(p.grad) for k, p in model.named_parameters()}}

optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
norms = []
for _ in range(2):
    optimizer.zero_grad()
    _, _, a, b = loss_of(model, tokens, timings, last_only=False)
    (a + b).backward()
    norms.append(torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM).item())
    optimizer.step()
out["gradient_norms_before_clipping"] = norms
out["after_adam"] = {k: flat(v) for k, v in model.state_dict().items()}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print("wrote", path, "gradient norms", norms, "loss", lt.item() + lk.item())
