package ai.seed.inference.model.djl;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * CLIP-style pre-processing: centre square crop, resize to the model's size, scale to 0..1,
 * normalise with the model's mean/std, CHW. Output: the raw embedding as float[] (the port
 * L2-normalises it).
 */
public class ClipImageTranslator implements Translator<Image, float[]> {

    private final EmbedderSpec spec;

    public ClipImageTranslator(EmbedderSpec spec) {
        this.spec = spec;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        int side = Math.min(input.getWidth(), input.getHeight());
        Image square = input.getSubImage((input.getWidth() - side) / 2, (input.getHeight() - side) / 2, side, side);
        NDArray array = square.toNDArray(ctx.getNDManager(), Image.Flag.COLOR);
        array = NDImageUtils.resize(array, spec.imageSize(), spec.imageSize(), Image.Interpolation.BILINEAR);
        array = NDImageUtils.toTensor(array);
        array = NDImageUtils.normalize(array, spec.mean(), spec.std());
        return new NDList(array);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.singletonOrThrow().toFloatArray();
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
