package ai.seed.inference.model;

/**
 * Where a streamed answer's text goes as the model produces it (an OpenAI stream to a partner,
 * the staff chat). Called on a model-call thread, in order, once per piece of text; it must not
 * block for long, and it is never called again once the call has ended.
 */
@FunctionalInterface
public interface TokenSink {

    void token(String text);
}
