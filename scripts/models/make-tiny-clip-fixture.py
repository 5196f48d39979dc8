#!/usr/bin/python3
"""Generates the tiny TorchScript image encoder that Seed's tests load through DJL.

It has the interface of a real CLIP-style vision tower as Seed expects it (see
export-clip-vision.py): input float32 [N, 3, S, S], RGB, scaled to 0..1 then normalised with the
CLIP mean/std; output float32 [N, D] image embeddings (not yet L2-normalised). Weights are random
but seeded, so the file is reproducible; it recognises nothing and is a test fixture only.

Run once with Debian's python3-torch (apt-get install python3-torch; use /usr/bin/python3):
    /usr/bin/python3 scripts/models/make-tiny-clip-fixture.py inference-ejb/src/test/resources/models/tiny-clip
It writes tiny-clip.pt, seed-embedder.properties and expected.txt (the embedding of a fixed
synthetic image, which the Java test compares against DJL's output).
"""
import os
import sys

import torch

SIZE = 32
DIM = 16
MEAN = (0.48145466, 0.4578275, 0.40821073)
STD = (0.26862954, 0.26130258, 0.27577711)


class TinyVisionTower(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, 8, 3, stride=2, padding=1)
        self.conv2 = torch.nn.Conv2d(8, 16, 3, stride=2, padding=1)
        self.proj = torch.nn.Linear(16, DIM)

    def forward(self, pixels):
        x = torch.nn.functional.gelu(self.conv1(pixels))
        x = torch.nn.functional.gelu(self.conv2(x))
        x = x.mean(dim=(2, 3))
        return self.proj(x)


def fixed_image():
    """The synthetic test image, as floats 0..1 [3, SIZE, SIZE]: red ramp, green ramp, blue checker."""
    img = torch.zeros(3, SIZE, SIZE)
    for y in range(SIZE):
        for x in range(SIZE):
            img[0, y, x] = x / (SIZE - 1)
            img[1, y, x] = y / (SIZE - 1)
            img[2, y, x] = 1.0 if ((x // 4) + (y // 4)) % 2 == 0 else 0.0
    return img


def main(out_dir):
    torch.manual_seed(20261126)
    os.makedirs(out_dir, exist_ok=True)
    model = TinyVisionTower().eval()
    traced = torch.jit.trace(model, torch.zeros(1, 3, SIZE, SIZE))
    traced.save(os.path.join(out_dir, "tiny-clip.pt"))

    mean = torch.tensor(MEAN).view(3, 1, 1)
    std = torch.tensor(STD).view(3, 1, 1)
    pixels = ((fixed_image() - mean) / std).unsqueeze(0)
    with torch.no_grad():
        expected = traced(pixels)[0]
    with open(os.path.join(out_dir, "expected.txt"), "w") as f:
        f.write(" ".join("%.7f" % v for v in expected.tolist()) + "\n")
    with open(os.path.join(out_dir, "seed-embedder.properties"), "w") as f:
        f.write("# Written by scripts/models/make-tiny-clip-fixture.py: a random-weight TEST FIXTURE.\n")
        f.write("embedder.id=tiny-clip-fixture-v1\n")
        f.write("model.file=tiny-clip.pt\n")
        f.write("image.size=%d\n" % SIZE)
        f.write("embedding.dimension=%d\n" % DIM)
        f.write("normalize.mean=%s\n" % ",".join(str(m) for m in MEAN))
        f.write("normalize.std=%s\n" % ",".join(str(s) for s in STD))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "inference-ejb/src/test/resources/models/tiny-clip")
