package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityParserTest {

    private static final List<ConceptCue> TR_YS = List.of(
            new ConceptCue("<tr>", "<tr> is a young male with black hair."),
            new ConceptCue("<ys>", "<ys> is a young female anime character with long orange hair."));

    @Test
    void readsThePapersFig8Extraction() throws Exception {
        Map<String, ConceptIdentity> identities = IdentityParser.parse("""
                ```
                {
                  "<tr>": {
                    "category": "a young male",
                    "attributes": "has black hair; wearing a black jacket"
                  },
                  "<ys>": {
                    "category": "a young female anime character",
                    "attributes": "with long orange hair"
                  }
                }
                ```""", TR_YS);
        assertThat(identities.keySet()).containsExactly("<tr>", "<ys>");
        assertThat(identities.get("<tr>")).isEqualTo(new ConceptIdentity("a young male", "has black hair; wearing a black jacket"));
    }

    @Test
    void toleratesSpacedKeysListsAndMissingAttributes() throws Exception {
        Map<String, ConceptIdentity> identities = IdentityParser.parse(
                "{\" <tr> \": {\"Category\": \"a young male\", \"attributes\": [\"black hair\", \"serious\"]}, "
                        + "ys: {category: 'an anime girl'}, \"<other>\": {\"category\": \"x\"}}", TR_YS);
        assertThat(identities).containsEntry("<tr>", new ConceptIdentity("a young male", "black hair; serious"))
                .containsEntry("<ys>", new ConceptIdentity("an anime girl", "")).hasSize(2);
    }

    @Test
    void rejectsAMissingConcept() {
        assertThatThrownBy(() -> IdentityParser.parse("{\"<tr>\": {\"category\": \"a young male\"}}", TR_YS))
                .isInstanceOf(UnparseableModelOutputException.class).hasMessage("no identity for <ys>");
    }

    @Test
    void rejectsAMissingOrBlankCategory() {
        assertThatThrownBy(() -> IdentityParser.parse(
                "{\"<tr>\": {\"category\": \" \"}, \"<ys>\": {\"category\": \"a girl\"}}", TR_YS))
                .isInstanceOf(UnparseableModelOutputException.class).hasMessage("no category for <tr>");
        assertThatThrownBy(() -> IdentityParser.parse("{\"<tr>\": \"a young male\", \"<ys>\": {}}", TR_YS))
                .isInstanceOf(UnparseableModelOutputException.class).hasMessage("no identity for <tr>");
    }

    @Test
    void rejectsProse() {
        assertThatThrownBy(() -> IdentityParser.parse("<tr> is a young male.", TR_YS))
                .isInstanceOf(UnparseableModelOutputException.class);
    }
}
