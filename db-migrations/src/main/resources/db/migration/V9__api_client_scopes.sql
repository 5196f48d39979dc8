-- API keys with scopes (issue #17): a key may use only the operations its scopes name
-- (turns, concepts, dictionary, evaluations; see ai.seed.domain.apiclient.ApiScope).
-- Keys issued before scopes existed keep exactly what a partner key could do then.
ALTER TABLE api_client ADD COLUMN scopes TEXT NOT NULL DEFAULT 'turns,concepts,evaluations'
    CHECK (scopes ~ '^(turns|concepts|dictionary|evaluations)(,(turns|concepts|dictionary|evaluations))*$');
ALTER TABLE api_client ALTER COLUMN scopes DROP DEFAULT;
