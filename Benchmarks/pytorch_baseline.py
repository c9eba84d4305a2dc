"""The seed notebook's model in PyTorch, timed as `continuo bench` times Continuo's, on the same machine.

    python3 -m venv /tmp/torch && /tmp/torch/bin/pip install /opt/wheels/torch-2.13.0+cpu-*.whl
    /tmp/torch/bin/python Benchmarks/pytorch_baseline.py

Same shape as `continuo bench`: 3 × 512 LSTM over one-hot (129 note tokens + 156 timing classes: the note
representation, where a one-hot input is the sum of the two embedding columns),
two linear heads, cross-entropy on every step, Adam, batch 64 × 50. Prints medians.
"""
import statistics
import time

import torch
from torch import nn

V, K, H, LAYERS, B, T = 129, 156, 512, 3, 64, 50
torch.manual_seed(0)


class Seed(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(V + K, H, num_layers=LAYERS, dropout=0.3)
        self.token = nn.Linear(H, V)
        self.timing = nn.Linear(H, K)

    def forward(self, x, state=None):
        out, state = self.lstm(x, state)
        return self.token(out), self.timing(out), state


def one_hot(tokens, timings):
    return torch.cat([nn.functional.one_hot(tokens, V), nn.functional.one_hot(timings, K)], -1).float()


def median_of(f, n):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, len(times) * 99 // 100)]


model = Seed()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
tokens, timings = torch.randint(0, V, (T + 1, B)), torch.randint(0, K, (T + 1, B))
x = one_hot(tokens[:-1], timings[:-1])


def train_step():
    opt.zero_grad()
    lt, lk, _ = model(x)
    loss = nn.functional.cross_entropy(lt.reshape(-1, V), tokens[1:].reshape(-1)) + \
        nn.functional.cross_entropy(lk.reshape(-1, K), timings[1:].reshape(-1))
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 5.0)
    opt.step()


train_step()
med, _ = median_of(train_step, 12)
print(f"pytorch {torch.__version__}, {torch.get_num_threads()} threads")
print(f"training batch {B}x{T}: median {B * T / med:.0f} tokens/s")

model.eval()
with torch.no_grad():
    x1 = one_hot(torch.tensor([[3]]), torch.tensor([[3]]))
    _, _, state = model(one_hot(tokens[:T, :1], timings[:T, :1]))

    def step():
        global state
        _, _, state = model(x1, state)

    step()
    med, p99 = median_of(step, 3000)
    print(f"inference step, batch 1, warm (nn.LSTM): median {med * 1e3:.3f} ms p99 {p99 * 1e3:.3f} ms")
    seed = one_hot(tokens[:T, :1], timings[:T, :1])
    med, p99 = median_of(lambda: model(seed), 200)
    print(f"priming {T} events from zero state (nn.LSTM over the window): median {med * 1e3:.3f} ms p99 {p99 * 1e3:.3f} ms")
