#!/usr/bin/env python3
"""Exports a real CLIP image encoder (vision tower + projection) for Seed's DJL embedder.

Run this on a machine that has the weights (Seed's build machines have no model hub):
    pip install torch transformers
    python3 export-clip-vision.py openai/clip-vit-base-patch32 /opt/seed/models/clip-vit-b32
then point Seed at it:  SEED_EMBEDDER_KIND=djl SEED_EMBEDDER_MODEL_DIR=/opt/seed/models/clip-vit-b32

The exported TorchScript takes float32 [N, 3, 224, 224] (RGB, 0..1, CLIP-normalised; Seed's
translator does the resizing and normalisation) and returns [N, 512] image embeddings, the same
space the paper clusters into meta-concepts (App. C.1).
"""
import os
import sys

import torch
from transformers import CLIPModel


class VisionWithProjection(torch.nn.Module):
    def __init__(self, clip):
        super().__init__()
        self.vision = clip.vision_model
        self.proj = clip.visual_projection

    def forward(self, pixels):
        pooled = self.vision(pixel_values=pixels).pooler_output
        return self.proj(pooled)


def main(model_name, out_dir):
    clip = CLIPModel.from_pretrained(model_name).eval()
    module = VisionWithProjection(clip).eval()
    size = clip.config.vision_config.image_size
    traced = torch.jit.trace(module, torch.zeros(1, 3, size, size))
    os.makedirs(out_dir, exist_ok=True)
    traced.save(os.path.join(out_dir, "model.pt"))
    with open(os.path.join(out_dir, "seed-embedder.properties"), "w") as f:
        f.write("embedder.id=%s\n" % model_name.replace("/", "_"))
        f.write("model.file=model.pt\n")
        f.write("image.size=%d\n" % size)
        f.write("embedding.dimension=%d\n" % clip.config.projection_dim)
        f.write("normalize.mean=0.48145466,0.4578275,0.40821073\n")
        f.write("normalize.std=0.26862954,0.26130258,0.27577711\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
