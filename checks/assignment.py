"""One-to-one pairing of two lists by the largest total score (the Hungarian method).

Pairing a Perjanjian Kinerja's indicators with a RAK's one by one, each taking its best
partner first come, lets an early near match take the partner a later exact match needed;
an assignment over the whole score matrix cannot. This is the shortest-augmenting-path form
of the Hungarian method (Kuhn-Munkres with potentials, as in Jonker-Volgenant), O(n^2 m),
with the inner scan over columns done by numpy.
"""

from __future__ import annotations

import numpy as np


def best_assignment(score: np.ndarray) -> list[tuple[int, int]]:
    """(row, column) pairs, each row and column at most once, whose scores sum highest.

    Every row is paired when there are at least as many columns (and the reverse); a caller
    that wants "no partner" below some score drops those pairs afterwards, having zeroed
    their scores so they never displace a real pair.
    """
    n, m = score.shape
    if n == 0 or m == 0:
        return []
    if n > m:
        return sorted((i, j) for j, i in best_assignment(score.T))
    cost = np.asarray(score, dtype=float)
    cost = cost.max() - cost  # minimise the shortfall from the best score
    u = np.zeros(n + 1)
    v = np.zeros(m + 1)
    owner = np.zeros(m + 1, dtype=int)  # column -> row (1-based), 0: free; column 0 a dummy
    way = np.zeros(m + 1, dtype=int)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = owner[j0]
            reduced = np.concatenate(([np.inf], cost[i0 - 1] - u[i0] - v[1:]))
            better = ~used & (reduced < minv)
            minv[better] = reduced[better]
            way[better] = j0
            open_minv = np.where(used, np.inf, minv)
            j1 = int(np.argmin(open_minv))
            delta = open_minv[j1]
            u[owner[used]] += delta
            v[used] -= delta
            minv[~used] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return sorted((int(owner[j]) - 1, j - 1) for j in range(1, m + 1) if owner[j])
