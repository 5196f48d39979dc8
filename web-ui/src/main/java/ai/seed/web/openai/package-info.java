/**
 * The OpenAI-compatible API at {@code /v1}: a partner points any OpenAI SDK at Seed and gets
 * personalized answers from the SLC pipeline.
 *
 * <p>How OpenAI's request maps onto one Seed turn, and the decisions behind it:
 * <ul>
 *   <li>{@code model} names the mode and optionally a scenario ({@link ai.seed.web.openai.SeedModel});
 *       unknown names and other tenants' scenarios are the same 404, so nothing leaks.</li>
 *   <li>{@code messages} become question, history and image ({@link ai.seed.web.openai.Conversation}):
 *       the client resends the conversation, Seed keeps no chat state; client system messages are
 *       passed on as history rather than dropped, so instructions like the answer language work.</li>
 *   <li>Images are data URLs, or remote URLs behind an allow-list and an address guard
 *       ({@link ai.seed.web.openai.ImageInputs}); the chat service validates the bytes either way.</li>
 *   <li>Responses have OpenAI's exact shape plus one extension field {@code seed}; the trace id is
 *       also a header ({@code X-Seed-Trace-Id}). Streaming replays a finished turn as chunks
 *       ({@link ai.seed.web.openai.CompletionStream}).</li>
 *   <li>Every error is OpenAI's error object with a fitting status ({@link ai.seed.web.openai.OpenAiExceptionMapper});
 *       bad input is always a 4xx with the offending {@code param}, never a 5xx or a stack trace.</li>
 * </ul>
 */
package ai.seed.web.openai;
