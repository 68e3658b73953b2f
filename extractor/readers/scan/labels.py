"""Connected components of a page layer, and layers painted from a choice of them.

Every layer of a page (``scan.image``, ``scan.grid``, ``scan.stamps``) is judged blob by
blob, on a page of millions of pixels of which a few percent are ink. OpenCV's labelling
is quick, but its statistics visit every pixel of the page, background included, at five
times the labelling's cost; and painting the chosen blobs through the label image visits
every pixel again. Both are done here from the ink's own pixels (``cv2.findNonZero``, in
the raster order the labels are given in), with the same labels and the same boxes and
areas as ``cv2.connectedComponentsWithStats`` gives for every blob.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

Image = NDArray[np.uint8]
Flags = NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Components:
    """A layer's blobs: ``labels`` (0 the background), and ``stats`` a row a label as
    OpenCV's (x, y, width, height, area; the background's row is the whole layer's box
    and its area)."""

    count: int
    labels: NDArray[np.int32]
    stats: NDArray[np.int32]
    xs: NDArray[np.int32]  # the layer's ink pixels, in raster order
    ys: NDArray[np.int32]
    own: NDArray[np.int32]  # ... and the label of each

    def painted(self, chosen: Flags) -> Image:
        """255 on the pixels of the blobs ``chosen`` (a flag a label), else 0."""
        out = np.zeros(self.labels.shape, np.uint8)
        pick = chosen[self.own]
        out[self.ys[pick], self.xs[pick]] = 255
        return out


def components(layer: Image, connectivity: int = 8) -> Components:
    """The blobs of ``layer`` (ink nonzero), labelled as OpenCV labels them."""
    count, found = cv2.connectedComponents(layer, connectivity=connectivity, ltype=cv2.CV_32S)
    labels = np.asarray(found, dtype=np.int32)
    h, w = labels.shape
    if cv2.countNonZero(layer) == 0:
        xs = ys = own = np.zeros(0, np.int32)
    else:
        points = np.asarray(cv2.findNonZero(layer)).reshape(-1, 2)  # (x, y) a row
        xs = np.ascontiguousarray(points[:, 0], dtype=np.int32)
        ys = np.ascontiguousarray(points[:, 1], dtype=np.int32)
        own = labels[ys, xs]
    x0 = np.full(count, w, np.int32)
    y0 = np.full(count, h, np.int32)
    x1 = np.full(count, -1, np.int32)
    y1 = np.full(count, -1, np.int32)
    np.minimum.at(x0, own, xs)
    np.minimum.at(y0, own, ys)
    np.maximum.at(x1, own, xs)
    np.maximum.at(y1, own, ys)
    area = np.bincount(own, minlength=count).astype(np.int32)
    stats = np.stack([x0, y0, x1 - x0 + 1, y1 - y0 + 1, area], axis=1).astype(np.int32)
    if count:
        stats[0] = (0, 0, w, h, h * w - len(own))
    return Components(count, labels, stats, xs, ys, own)


def painted(labels: NDArray[np.int32], chosen: Flags) -> Image:
    """255 on the pixels whose label is ``chosen``, looked up in one 8-bit table (for a
    crop's labels from OpenCV; ``Components.painted`` for a page's)."""
    return np.take(np.where(chosen, 255, 0).astype(np.uint8), labels)
