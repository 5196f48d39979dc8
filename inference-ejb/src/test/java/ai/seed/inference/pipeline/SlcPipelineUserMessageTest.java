package ai.seed.inference.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.seed.inference.model.NonRetriableModelException;
import ai.seed.inference.model.RetriableModelException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class SlcPipelineUserMessageTest {

    @Test
    void theModelServersAddressIsNotShownToTheUser() {
        assertEquals("model server is unreachable: ConnectException", SlcPipeline.userMessage(
                new RetriableModelException("model server http://10.0.3.7:8000/v1 is unreachable: ConnectException", 0, null, null)));
        assertEquals("call to model server failed: SSLException", SlcPipeline.userMessage(
                new NonRetriableModelException("call to model server https://vlm.internal.example/v1/ failed: SSLException", 0, null)));
    }

    @Test
    void messagesWithoutAnAddressStayAsTheyAre() {
        assertEquals("model server answered HTTP 500: internal error", SlcPipeline.userMessage(
                new RetriableModelException("model server answered HTTP 500: internal error", 500, null, null)));
        assertEquals("the model did not answer in time", SlcPipeline.userMessage(new TimeoutException("x")));
    }
}
